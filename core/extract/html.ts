/**
 * HTML to text, the way a webmail displays it: block elements and <br> become line breaks, table
 * cells are separated, <style>/<script>/<head> and comments vanish, entities are decoded. Used for
 * HTML-only bounce parts (postal-mime returns HTML as is) and for the HTML alternative a webmail
 * renders. A single forward scan with indexOf (linear on hostile input); never builds a DOM.
 */

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'center',
  'title',
]);
const CELL = new Set(['td', 'th']);
const SKIP = new Set(['style', 'script', 'head', 'template', 'noscript', 'xml']);

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  copy: '©',
  reg: '®',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  agrave: 'à',
  aacute: 'á',
  acirc: 'â',
  ccedil: 'ç',
  ouml: 'ö',
  uuml: 'ü',
  auml: 'ä',
  szlig: 'ß',
  oacute: 'ó',
  iacute: 'í',
  uacute: 'ú',
  ntilde: 'ñ',
  atilde: 'ã',
  otilde: 'õ',
  ocirc: 'ô',
  euro: '€',
  zwnj: '',
  zwj: '',
  shy: '',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  Eacute: 'É',
  Agrave: 'À',
  Ccedil: 'Ç',
  Ouml: 'Ö',
  Uuml: 'Ü',
  Auml: 'Ä',
};

export function decodeEntities(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,10});?/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code < 0x110000 && !(code >= 0xd800 && code < 0xe000)
        ? String.fromCodePoint(code)
        : '';
    }
    return NAMED[body] ?? NAMED[body.toLowerCase()] ?? m;
  });
}

export function htmlToText(html: string): string {
  const out: string[] = [];
  let i = 0;
  let skipUntil = '';
  let pre = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (!skipUntil && textEnd > i) {
      const raw = html.slice(i, textEnd);
      out.push(decodeEntities(pre > 0 ? raw : raw.replace(/\s+/g, ' ')));
    }
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt === -1) break;
    const tag = html.slice(lt + 1, Math.min(gt, lt + 64));
    const m = /^(\/?)([a-zA-Z][a-zA-Z0-9]{0,15})/.exec(tag);
    i = gt + 1;
    if (!m) continue;
    const closing = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    if (skipUntil) {
      if (closing && name === skipUntil) skipUntil = '';
      continue;
    }
    if (!closing && SKIP.has(name) && !tag.endsWith('/')) {
      skipUntil = name;
      continue;
    }
    if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
    if (BLOCK.has(name)) out.push('\n');
    else if (CELL.has(name) && !closing) out.push('\t');
  }
  return out
    .join('')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
