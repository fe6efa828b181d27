/**
 * Reading computed colours, for the adapters' theme detection (is the webmail dark or light?).
 * Browsers report rgb()/rgba(); happy-dom reports #hex. Shared by the Gmail and Outlook adapters.
 */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

const HEX = /^[0-9a-f]+$/;
const RGB_FN = /^rgba?\(([^)]*)\)$/;
const RGB_SEP = /[\s,/]+/;

/** Parse a computed colour: rgb()/rgba() (comma or space syntax), #hex, transparent, white/black. */
export function parseColor(value: string | null | undefined): Rgba | undefined {
  const v = (value ?? '').trim().toLowerCase().slice(0, 100);
  if (!v) return undefined;
  if (v === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  if (v === 'white') return { r: 255, g: 255, b: 255, a: 1 };
  if (v === 'black') return { r: 0, g: 0, b: 0, a: 1 };
  if (v.startsWith('#')) {
    const hex = v.slice(1);
    if (!HEX.test(hex)) return undefined;
    const full =
      hex.length === 3 || hex.length === 4
        ? [...hex].map((c) => c + c).join('')
        : hex.length === 6 || hex.length === 8
          ? hex
          : '';
    if (!full) return undefined;
    const n = (i: number): number => Number.parseInt(full.slice(i, i + 2), 16);
    return { r: n(0), g: n(2), b: n(4), a: full.length === 8 ? n(6) / 255 : 1 };
  }
  const fn = RGB_FN.exec(v);
  if (!fn) return undefined;
  const nums = (fn[1] ?? '').split(RGB_SEP).filter(Boolean);
  if (nums.length < 3) return undefined;
  const channel = (s: string): number =>
    s.endsWith('%') ? (Number.parseFloat(s) * 255) / 100 : Number.parseFloat(s);
  const [r, g, b] = nums.slice(0, 3).map(channel) as [number, number, number];
  const aRaw = nums[3];
  const a =
    aRaw === undefined ? 1 : aRaw.endsWith('%') ? Number.parseFloat(aRaw) / 100 : Number.parseFloat(aRaw);
  if ([r, g, b, a].some((x) => Number.isNaN(x))) return undefined;
  return { r, g, b, a };
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance(c: Rgba): number {
  const lin = (v: number): number => {
    const s = Math.min(255, Math.max(0, v)) / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/** Below this luminance white text contrasts better than black: a background this dark is dark. */
const DARK_LUMINANCE = 0.179;

/** The scheme a background belongs to: dark when light text reads better on it. */
export function backgroundScheme(bg: Rgba): 'light' | 'dark' {
  return luminance(bg) < DARK_LUMINANCE ? 'dark' : 'light';
}

/**
 * What is painted behind `el`: the first (mostly) opaque computed background colour from `el` up
 * through its ancestors, or undefined when nothing is painted (or the element has no window).
 */
export function paintedBackground(el: Element): Rgba | undefined {
  const view = el.ownerDocument?.defaultView;
  if (!view) return undefined;
  for (let a: Element | null = el; a; a = a.parentElement) {
    const c = parseColor(view.getComputedStyle(a).backgroundColor);
    if (c && c.a >= 0.5) return c;
  }
  return undefined;
}
