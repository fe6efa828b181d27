/**
 * What kind of text is this: a whole raw message, or bounce text a user pasted? The popup's paste box
 * and the command line ask it before choosing the raw or the pasted-text path; the Gmail adapter asks
 * it of the "original message" it fetched. Pure and small (the Gmail content script bundles it).
 */

/** A header field's first line (name, colon), or the mbox separator line ("From sender date"). */
export const HEADER_LINE = /^[!-9;-~]{1,76}:/;
export const startsHeaderLine = (line: string): boolean => HEADER_LINE.test(line) || line.startsWith('From ');
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
  if (!startsHeaderLine(lines[0] ?? '')) return false;
  for (const line of lines) {
    if (line.startsWith(' ') || line.startsWith('\t')) continue; // folded continuation
    if (HEADER_LINE.test(line)) {
      fields++;
      if (KNOWN_HEADER.test(line)) known++;
    } else if (!line.startsWith('From ')) return false;
  }
  return fields >= 2 && known >= 1;
}
