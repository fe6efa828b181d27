/**
 * What the reader should do next, with a one-line why. Decided by the matched vendor rule's action
 * when there is one (core/vendors/define.ts derives it from the vendor's documented practice,
 * ../shared/docs/peers.md section 4), otherwise by the reason (Sisimai's vocabulary) and whether
 * the answer was temporary.
 */
import { ADDRESS_REASONS } from '../knowledge/reasons';
import type { ReaderAction, Reason } from '../types';

interface ActionRow {
  action: ReaderAction;
  why: string;
}

const BY_REASON: Readonly<Record<Reason, ActionRow>> = {
  userunknown: {
    action: 'suppress',
    why: 'The address does not exist: remove it from your lists (or fix a typo).',
  },
  hostunknown: {
    action: 'suppress',
    why: 'The domain does not exist or takes no mail: check for a typo, then remove the address.',
  },
  hasmoved: {
    action: 'suppress',
    why: 'The mailbox moved without forwarding: remove it and ask the person for the new address.',
  },
  notaccept: {
    action: 'suppress',
    why: 'The domain accepts no mail at all (null MX / no MX): remove the address.',
  },
  suspend: {
    action: 'suppress',
    why: 'The account exists but is disabled or inactive: stop bulk mail to it; reach the person another way.',
  },
  mailboxfull: {
    action: 'retry',
    why: 'The mailbox is full: retry later; suppress only if it keeps bouncing for weeks.',
  },
  systemfull: { action: 'retry', why: "The receiver's storage is full: retry later." },
  toomanyconn: { action: 'retry', why: 'Too many connections: retry later and lower the concurrency.' },
  speeding: { action: 'retry', why: 'Rate limited: slow down and retry later.' },
  networkerror: { action: 'retry', why: 'A network or DNS problem on the way: the message can be retried.' },
  expired: {
    action: 'retry',
    why: 'Delivery timed out in the queue: check the last error, then resend if it is cleared.',
  },
  systemerror: { action: 'retry', why: 'The receiving server had an internal error: retry later.' },
  onhold: {
    action: 'contact-postmaster',
    why: 'The bounce gives too little detail to decide: ask the receiving postmaster.',
  },
  undefined: {
    action: 'contact-postmaster',
    why: 'The bounce gives no usable reason: ask the receiving postmaster.',
  },
  authfailure: {
    action: 'fix-sender',
    why: "SPF, DKIM or DMARC failed: fix the sending domain's authentication.",
  },
  badreputation: {
    action: 'fix-sender',
    why: 'The sending IP or domain has a poor reputation: slow down, clean lists, check postmaster tools.',
  },
  blocked: {
    action: 'fix-sender',
    why: 'The sending server is blocked (often a blocklist): find the listing and request delisting.',
  },
  requireptr: {
    action: 'fix-sender',
    why: 'The sending IP has no valid reverse DNS: set a forward-confirmed PTR record.',
  },
  rejected: {
    action: 'fix-sender',
    why: 'The sender address or domain was refused: check the envelope sender and its DNS.',
  },
  securityerror: {
    action: 'fix-sender',
    why: 'A security policy refused the mail: check authentication and the sending setup.',
  },
  syntaxerror: {
    action: 'fix-sender',
    why: "The receiver did not understand the sending server's SMTP commands: fix the sending software.",
  },
  failedstarttls: {
    action: 'fix-sender',
    why: 'TLS could not be negotiated: check the TLS setup of the sending server.',
  },
  norelaying: {
    action: 'contact-postmaster',
    why: "The server refused to relay: the recipient domain's MX or routing is probably wrong.",
  },
  mailererror: {
    action: 'contact-postmaster',
    why: "The recipient's local delivery program failed: only the receiving side can fix it.",
  },
  filtered: {
    action: 'contact-postmaster',
    why: "The recipient's own filter refused the mail: ask the recipient to allow your address.",
  },
  policyviolation: {
    action: 'contact-postmaster',
    why: "The receiver's local policy refused the mail: ask its postmaster which rule applies.",
  },
  spamdetected: {
    action: 'fix-content',
    why: 'The content was judged as spam: review content, links and list consent.',
  },
  virusdetected: {
    action: 'fix-content',
    why: 'A virus scanner refused the message: check the attachments.',
  },
  contenterror: {
    action: 'fix-content',
    why: 'The message format or headers were refused: fix how the message is built.',
  },
  notcompliantrfc: {
    action: 'fix-content',
    why: 'The message breaks RFC 5322 (e.g. duplicate headers): fix the sending software.',
  },
  mesgtoobig: { action: 'fix-content', why: 'The message is too large: shrink it or link big files.' },
  exceedlimit: { action: 'fix-content', why: 'The message exceeds a size limit: shrink it.' },
  suppressed: {
    action: 'suppress',
    why: 'Your sending platform suppressed the address after an earlier hard bounce.',
  },
  delivered: { action: 'none', why: 'The message was delivered.' },
  feedback: { action: 'none', why: 'A feedback (complaint) report, not a bounce.' },
  vacation: { action: 'none', why: 'An auto-reply, not a bounce.' },
};

/** Reasons that need the sender's setup fixed even when the answer is temporary (4xx). */
const FIX_EVEN_IF_TRANSIENT: ReadonlySet<Reason> = new Set([
  'authfailure',
  'requireptr',
  'badreputation',
  'rejected',
]);

/**
 * @param transient the answer was temporary (4xx, or the report says delivery is only delayed):
 *   the sending server retries, so most reasons become "retry later".
 * @param vendor the matched vendor rule's action (defineVendor fills it from the practice label
 *   when the rule does not state one) and remediation: it decides as it stands.
 */
export function readerAction(
  reason: Reason,
  transient: boolean,
  vendor?: { action: ReaderAction; remediation: string },
): { action: ReaderAction; why: string } {
  if (vendor) return { action: vendor.action, why: vendor.remediation };
  const row = BY_REASON[reason];
  if (
    transient &&
    row.action !== 'none' &&
    !ADDRESS_REASONS.has(reason) &&
    !FIX_EVEN_IF_TRANSIENT.has(reason)
  ) {
    return { action: 'retry', why: `Temporary (4xx): the sending server retries. ${row.why}` };
  }
  return { action: row.action, why: row.why };
}
