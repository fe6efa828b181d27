/**
 * What kind of text is this: a whole raw message, or bounce text a user pasted? The popup's paste box
 * and the command line ask it before choosing the raw or the pasted-text path; the Gmail adapter asks
 * it of the "original message" it fetched. Pure and small (the Gmail content script bundles it).
 */

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
