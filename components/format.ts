/**
 * Pure helpers that turn a Verdict into the words the UI shows. No DOM, no Preact: shared by the
 * badge, the detail panel and the popup views, and tested on their own.
 */
import type {
  BounceType,
  Decision,
  MessageKind,
  Policy,
  RecipientVerdict,
  VendorPractice,
  Verdict,
} from '../core/types';

/** The reader's action in words: one table in core, shared with the plain-text summary. */
export { ACTION_LABEL } from '../core/knowledge/action-text';

/** The recipient the badge speaks for: the first that failed, else the first listed. */
export function primaryRecipient(v: Verdict): RecipientVerdict | undefined {
  return v.recipients.find((r) => r.dsnAction === 'failed') ?? v.recipients[0];
}

/** True when the verdict deserves a badge: a bounce (or delay) with at least one recipient. */
export function isBadgeable(v: Verdict): boolean {
  return v.isBounce && v.recipients.length > 0;
}

const BOUNCE_LABEL: Record<BounceType, string> = { hard: 'HARD', soft: 'SOFT' };

/** Badge label: the policy's own label (Sinch says RETRY for 421), else HARD/SOFT. */
export function bounceLabel(d: Decision): string {
  return d.label === 'RETRY' ? 'RETRY' : BOUNCE_LABEL[d.bounce];
}

/** "5.1.1", else "550", else "no code". */
export function shortCode(r: RecipientVerdict): string {
  return r.status || r.replyCode || 'no code';
}

export const POLICY_LABEL: Record<Policy, string> = {
  rfc: 'RFC (by the codes)',
  sinch: 'Sinch (ESP practice)',
  recipient: 'Recipient only',
};

export const POLICY_DESCRIPTION: Record<Policy, string> = {
  rfc: 'Default. Permanent failures (5.x.x / 5xx) are hard, transient ones (4.x.x / 4xx) are soft, as RFC 3463 and RFC 5321 define them.',
  sinch:
    "Sinch's published classification (v4.1): 4xx soft (421 retry), 5xx hard, except 5xx causes known to be temporary such as blocklisting, which count as soft.",
  recipient:
    'Hard only when the recipient address itself is bad (unknown user, unknown domain, moved); blocks, policy and content rejections are soft.',
};

export const KIND_LABEL: Record<MessageKind, string> = {
  bounce: 'Bounce (delivery failed)',
  delay: 'Delay notice (still retrying)',
  delivered: 'Delivery report (delivered)',
  autoreply: 'Auto-reply',
  feedback: 'Feedback / abuse report',
  'not-bounce': 'Not a bounce',
};

export const PRACTICE_LABEL: Record<VendorPractice, string> = {
  HARD: 'hard in practice',
  'HARD(inactive)': 'hard in practice (inactive mailbox)',
  SOFT: 'soft in practice',
  BLOCK: 'block: fix the sender side, keep the address',
  SENDER: 'problem on the sending side',
  INFO: 'information',
};

export const SOURCE_LABEL: Record<Verdict['source'], string> = {
  raw: 'the raw message source',
  'visible-text': 'the text shown on screen only (raw source not available)',
};

/**
 * Links the panel may render as links: only absolute http(s) URLs. Callers pass only URLs from the
 * vendor tables (VendorFinding.links, Diagnosis.links); URLs found in mail text are never linked.
 */
export function safeHttpUrl(url: string): string | undefined {
  if (typeof url !== 'string' || url.length > 2048) return undefined;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  if (u.username || u.password) return undefined;
  return u.href;
}

/** Count of recipients beyond the primary one, for "+2 more". */
export function moreCount(v: Verdict): number {
  return Math.max(0, v.recipients.length - 1);
}
