/**
 * Reading what a webmail shows, without layout: the text of a rendered message body, shared by the
 * Gmail and Outlook adapters (one walker, so both webmails hand the classifier the same shape of
 * text). Same result in every browser and in happy-dom, and it never forces a layout (unlike
 * innerText). Text only: the mail markup is read through the DOM the page already built, never
 * re-parsed. Also: does a text look like a raw RFC 5322 message?
 */

/** Elements that start and end a line (CSS display: block and friends, by tag). <p> is separate. */
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIR',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LEGEND',
  'LI',
  'LISTING',
  'MAIN',
  'MENU',
  'NAV',
  'OL',
  'PLAINTEXT',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TFOOT',
  'THEAD',
  'TR',
  'UL',
  'XMP',
]);

/** Elements whose content is never rendered as text. */
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'BASE',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'AUDIO',
  'VIDEO',
  'SVG',
  'MATH',
  'SELECT',
  'TEXTAREA',
  'INPUT',
]);
const PRE_TAGS = new Set(['PRE', 'LISTING', 'XMP', 'PLAINTEXT']);

/** CSS white space (collapsed by `white-space: normal`; U+00A0 is not part of it). */
const CSS_SPACE_RUN = /[ \t\n\r\f]+/g;
const CRLF = /\r\n?/g;
const NBSP = /\u00a0/g;
/** Inline styles that hide an element, or keep its white space. */
const STYLE_HIDDEN = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;
const STYLE_PRE = /(?:^|;)\s*white-space\s*:\s*(?:pre|break-spaces)/i;

/** Characters of body text read at most: bounces state their business early. */
const MAX_TEXT = 200_000;
/** Nodes visited at most per call. */
const MAX_NODES = 200_000;
/** Longest data-emoji value read (an emoji sequence, never prose). */
const MAX_EMOJI = 16;

function inlineStyle(el: Element): string {
  const s = el.getAttribute('style');
  return s ? s.slice(0, 2000) : '';
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
}

/** Spaces around the cell separators go (a cell holding only &nbsp; reads as empty). */
function trimCells(line: string): string {
  if (!line.includes('\t')) return line;
  const cells = line.split('\t');
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i] as string;
    cells[i] = i === 0 ? c.trimEnd() : c.trim();
  }
  return cells.join('\t');
}

/**
 * The text a reader sees in `root`, like innerText but without layout:
 * - white-space runs collapse to one space (also across inline elements), except inside <pre> and
 *   friends or an inline `white-space: pre*`, where the text is kept;
 * - <br> is a newline; block elements start and end lines; <p> is set off by a blank line;
 * - a table row is one line and its cells are separated by a tab, so the label/value tables of
 *   Exchange Online NDRs read "Reported error:<TAB>550 5.1.10 ..." (never label and value on
 *   separate lines);
 * - hidden parts (`hidden`, inline display:none or visibility:hidden) and non-text elements
 *   (script, style, form controls, media) are skipped; images contribute only their data-emoji
 *   (Gmail draws emoji as images);
 * - &nbsp; becomes a space that never collapses (indentation stays); line ends are trimmed; blank
 *   lines never repeat and never lead or trail.
 * Iterative (mail HTML can nest deeply), bounded by `limit` characters and a node budget, and
 * linear in the input.
 */
export function visibleText(root: Element, limit = MAX_TEXT): string {
  // Output: strings, and numbers = "at least this many line breaks here" (innerText's required
  // line-break counts), resolved at the end.
  const out: (string | number)[] = [];
  let size = 0;
  let visited = 0;
  let pendingSpace = false; // a collapsed space waits for the next text on the same line
  let lineStart = true; // nothing on the current line yet (leading spaces are dropped)

  const text = (s: string): void => {
    if (!s || size >= limit) return;
    const piece = s.length > limit - size ? s.slice(0, limit - size) : s;
    out.push(piece);
    size += piece.length;
  };
  const brk = (n: number): void => {
    out.push(n);
    pendingSpace = false;
    lineStart = true;
  };
  const normal = (raw: string): void => {
    const s = raw.replace(CSS_SPACE_RUN, ' ');
    if (s === ' ' || s === '') {
      if (s === ' ' && !lineStart) pendingSpace = true;
      return;
    }
    const lead = s.charCodeAt(0) === 32;
    const trail = s.charCodeAt(s.length - 1) === 32;
    if ((pendingSpace || lead) && !lineStart) text(' ');
    text(s.slice(lead ? 1 : 0, trail ? s.length - 1 : s.length));
    lineStart = false;
    pendingSpace = trail;
  };
  const preformatted = (raw: string): void => {
    const s = raw.replace(CRLF, '\n');
    if (!s) return;
    if (pendingSpace && !lineStart) text(' ');
    text(s);
    pendingSpace = false;
    lineStart = s.endsWith('\n');
  };
  /** A line break or a cell separator: white space after it collapses away. */
  const separator = (s: string): void => {
    text(s);
    pendingSpace = false;
    lineStart = true;
  };

  type Frame = { next: Node | null; pre: boolean; breaks: number; cells: number };
  const stack: Frame[] = [{ next: root.firstChild, pre: false, breaks: 0, cells: 0 }];
  while (stack.length > 0 && size < limit && visited < MAX_NODES) {
    const top = stack[stack.length - 1] as Frame;
    const child = top.next;
    if (!child) {
      stack.pop();
      if (top.breaks > 0) brk(top.breaks);
      continue;
    }
    top.next = child.nextSibling;
    visited++;
    if (child.nodeType === 3) {
      const v = child.nodeValue ?? '';
      if (top.pre) preformatted(v);
      else normal(v);
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || el.hasAttribute('hidden')) continue;
    const style = inlineStyle(el);
    if (style && STYLE_HIDDEN.test(style)) continue;
    if (tag === 'BR') {
      separator('\n');
      continue;
    }
    if (tag === 'IMG') {
      const emoji = el.getAttribute('data-emoji');
      if (emoji) normal(emoji.slice(0, MAX_EMOJI));
      continue;
    }
    const breaks = tag === 'P' ? 2 : BLOCK.has(tag) ? 1 : 0;
    if (breaks > 0) brk(breaks);
    else if ((tag === 'TD' || tag === 'TH') && top.cells++ > 0) separator('\t');
    stack.push({
      next: el.firstChild,
      pre: top.pre || PRE_TAGS.has(tag) || (style !== '' && STYLE_PRE.test(style)),
      breaks,
      cells: 0,
    });
  }

  // Resolve line-break counts: a run of counts between two pieces of text becomes the largest of
  // them, less the newlines the text already ends with (<br>); leading and trailing counts vanish.
  const parts: string[] = [];
  let want = 0;
  for (const item of out) {
    if (typeof item === 'number') {
      if (item > want) want = item;
      continue;
    }
    if (parts.length > 0 && want > 0) {
      const last = parts[parts.length - 1] as string;
      let have = 0;
      for (let i = last.length - 1; i >= 0 && last.charCodeAt(i) === 10 && have < want; i--) have++;
      if (want > have) parts.push('\n'.repeat(want - have));
    }
    parts.push(item);
    want = 0;
  }

  // Line by line (linear on any input): trim line ends and the spaces around cell separators,
  // keep at most one blank line in a row, none at either end (leading spaces of a line stay).
  const lines: string[] = [];
  for (const raw of parts.join('').replace(NBSP, ' ').split('\n')) {
    let end = raw.length;
    while (end > 0 && isSpaceCode(raw.charCodeAt(end - 1))) end--;
    const line = trimCells(raw.slice(0, end));
    if (line === '' && (lines.length === 0 || lines[lines.length - 1] === '')) continue;
    lines.push(line);
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n').slice(0, limit);
}
