/**
 * Reading what a webmail shows, without layout: the text of a rendered message body with line
 * breaks where the page breaks lines (<br>, block elements), skipping hidden parts and non-text
 * elements. Same result in every browser and in happy-dom, and it never forces a layout (unlike
 * innerText). Shared by the webmail adapters. Also: does a text look like a raw RFC 5322 message?
 */

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
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
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'IFRAME', 'OBJECT', 'SVG']);

/** Characters of body text read at most: bounces state their business early. */
export const MAX_TEXT = 200_000;

function hidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = (el as HTMLElement).style;
  return !!style && (style.display === 'none' || style.visibility === 'hidden');
}

/**
 * Visible text of `root`: whitespace runs collapse to one space, except inside <pre> (or
 * white-space: pre*) where the text is kept; <br> and block boundaries become newlines; blank lines
 * collapse to one. Images with a data-emoji attribute contribute their emoji.
 */
export function visibleText(root: Element, limit = MAX_TEXT): string {
  const out: string[] = [];
  let size = 0;
  let atLineStart = true;
  /** Line breaks owed before the next text (block boundaries: 1, paragraphs: 2, as innerText). */
  let pending = 0;
  const push = (s: string): void => {
    if (size >= limit || s === '') return;
    out.push(s);
    size += s.length;
    atLineStart = s.endsWith('\n');
  };
  const flush = (): void => {
    if (pending > 0 && out.length > 0) push('\n'.repeat(pending));
    pending = 0;
  };

  // Iterative depth-first walk (no recursion: mail HTML can nest deeply).
  type Frame = { next: Node | null; pre: boolean; breaks: number };
  const stack: Frame[] = [{ next: root.firstChild, pre: false, breaks: 0 }];
  while (stack.length > 0 && size < limit) {
    const top = stack[stack.length - 1] as Frame;
    const child = top.next;
    if (!child) {
      stack.pop();
      pending = Math.max(pending, top.breaks);
      continue;
    }
    top.next = child.nextSibling;
    if (child.nodeType === 3) {
      let t = child.nodeValue ?? '';
      if (!top.pre) {
        t = t.replace(/[ \t\n\r\f]+/g, ' ');
        // Collapsible white space at the start of a line is not rendered.
        if ((atLineStart || pending > 0) && t.startsWith(' ')) t = t.slice(1);
      }
      if (t === '') continue;
      flush();
      push(t);
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || hidden(el)) continue;
    if (tag === 'BR') {
      flush();
      push('\n');
      continue;
    }
    if (tag === 'IMG') {
      const emoji = el.getAttribute('data-emoji');
      if (emoji) {
        flush();
        push(emoji);
      }
      continue;
    }
    const ws = (el as HTMLElement).style?.whiteSpace ?? '';
    const breaks = tag === 'P' ? 2 : BLOCK.has(tag) ? 1 : 0;
    pending = Math.max(pending, breaks);
    stack.push({ next: el.firstChild, pre: top.pre || tag === 'PRE' || ws.startsWith('pre'), breaks });
  }

  // Line by line (linear time on any input): trim line ends, keep at most one blank line in a row.
  const lines: string[] = [];
  for (const raw of out
    .join('')
    .replace(/\u00a0/g, ' ')
    .split('\n')) {
    const line = raw.trimEnd();
    if (line === '' && (lines.length === 0 || lines[lines.length - 1] === '')) continue;
    lines.push(line);
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n').slice(0, limit);
}

const HEADER_LINE = /^[!-9;-~]{1,76}:/;
const KNOWN_HEADER =
  /^(?:from|to|date|subject|received|return-path|message-id|delivered-to|mime-version|content-type|x-failed-recipients|auto-submitted):/i;

/** Does this text start like an RFC 5322 message (a header block, then a blank line)? */
export function looksLikeRfc822(text: string): boolean {
  const head = text.slice(0, 256 * 1024);
  if (/^\s*</.test(head.slice(0, 200))) return false;
  const m = /\r?\n\r?\n/.exec(head);
  if (!m || m.index === 0) return false;
  let fields = 0;
  let known = 0;
  const lines = head.slice(0, m.index).split(/\r?\n/);
  if (!HEADER_LINE.test(lines[0] ?? '') && !(lines[0] ?? '').startsWith('From ')) return false;
  for (const line of lines) {
    if (line.startsWith(' ') || line.startsWith('\t')) continue; // folded continuation
    if (HEADER_LINE.test(line)) {
      fields++;
      if (KNOWN_HEADER.test(line)) known++;
    } else if (!line.startsWith('From ')) return false;
  }
  return fields >= 2 && known >= 1;
}
