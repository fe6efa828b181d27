/**
 * The one small interface between the shared content-script runtime and a webmail. Everything
 * webmail-specific (selectors, how to read the open message, where the badge goes, how to get the
 * raw source) lives in one file per webmail that implements this: webmail/gmail.ts,
 * webmail/outlook.ts. Selectors stay in one table at the top of each file.
 */
import type { VisibleMessage } from '../core/types';

export type WebmailId = 'gmail' | 'outlook';

/** One message that is open (expanded, body rendered and visible) right now. */
export interface OpenMessage {
  /** Stable key for the message (webmail message id), used to handle each message once and cache. */
  key: string;
  /** The message's container element. */
  root: Element;
  /** The rendered body element (its text is the visible-text input). */
  body: Element;
}

export interface WebmailAdapter {
  id: WebmailId;
  /** True when this adapter handles the page at this URL. */
  matches(url: URL): boolean;
  /** Messages currently open and visible, in document order. Must be cheap: runs per mutation batch. */
  findOpenMessages(doc: Document): OpenMessage[];
  /** What the webmail shows: body text, subject, sender. */
  readVisible(msg: OpenMessage): VisibleMessage;
  /**
   * The raw RFC 5322 source, fetched from the webmail's own origin only, or undefined when the
   * webmail offers no supported way (Outlook) or the fetch fails.
   */
  fetchRaw?(msg: OpenMessage, page: URL): Promise<Uint8Array | undefined>;
  /** Where the badge's shadow host is inserted (beside the subject when possible). */
  badgeSlot(msg: OpenMessage): { parent: Element; before: Node | null };
  /** The webmail's current colour scheme. */
  theme(doc: Document): 'light' | 'dark';
}
