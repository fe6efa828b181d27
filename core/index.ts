/**
 * Public API of the Bounce Lens classifier.
 *
 *   classifyRaw(raw, { policy })       raw RFC 5322 message (bytes or string) -> Promise<Verdict>
 *   classifyVisible(message, { policy }) what a webmail displays (text, subject, sender) -> Verdict
 *   classifyText(text, { policy })    pasted text or a text file: raw when it has a header block, else pasted
 *   visibleText(raw)                   the human-readable part a webmail would display, from raw
 *   summarize(verdict)                 plain-text summary for a ticket / the CLI
 *   quickCheck(hints)                  cheap "could this be a bounce?" pre-filter for content scripts
 */
export { classifyRaw, classifyText, classifyVisible, visibleText } from './classify';
export { quickCheck } from './detect/quick';
export { summarize } from './summary';
export type * from './types';
