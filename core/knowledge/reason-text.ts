/**
 * Each reason in plain words: a short badge text and one sentence for the detail panel. Own wording,
 * after the meanings in ../shared/docs/sisimai-reasons.md.
 */

import type { Reason } from '../types';

export interface ReasonWords {
  /** A few plain words for the badge. */
  text: string;
  /** One plain sentence. */
  meaning: string;
}

export const REASON_WORDS: Readonly<Record<Reason, ReasonWords>> = {
  authfailure: {
    text: 'sender authentication failed',
    meaning:
      "The receiver refused the mail because it failed SPF, DKIM or DMARC checks for the sender's domain.",
  },
  badreputation: {
    text: 'poor sender reputation',
    meaning:
      "The receiver refused or deferred the mail because of the sending IP address's or domain's reputation.",
  },
  blocked: {
    text: 'blocked by receiver',
    meaning:
      'The receiving server refused the sending server itself (its IP address or host name), for example because it is on a blocklist.',
  },
  contenterror: {
    text: 'message format rejected',
    meaning: 'The receiver could not accept the message because of its format, headers or encoding.',
  },
  delivered: {
    text: 'delivered',
    meaning: 'This report says the message was delivered; it is not a failure.',
  },
  exceedlimit: {
    text: 'over a size limit',
    meaning: "The message is larger than the recipient's mailbox allows.",
  },
  expired: {
    text: 'delivery timed out',
    meaning:
      'The sending server kept retrying and gave up (or is still retrying) because the receiver could not be reached in time.',
  },
  failedstarttls: {
    text: 'encryption (STARTTLS) failed',
    meaning: 'The servers could not set up an encrypted connection, so the mail was not sent.',
  },
  feedback: {
    text: 'spam complaint report',
    meaning: 'This is a feedback-loop report: a recipient marked a message as spam. It is not a bounce.',
  },
  filtered: {
    text: 'refused by recipient filter',
    meaning:
      "The address may exist, but the recipient's filter or settings refused this message or this sender.",
  },
  hasmoved: {
    text: 'address has moved',
    meaning: 'The mailbox has moved to another address and mail is no longer forwarded.',
  },
  hostunknown: {
    text: 'domain does not exist',
    meaning: "The recipient's domain does not exist or has no mail route.",
  },
  mailboxfull: {
    text: 'mailbox full',
    meaning: "The recipient's mailbox is over its storage quota.",
  },
  mailererror: {
    text: 'delivery program failed',
    meaning: "A program on the recipient's server that stores or forwards mail (such as procmail) failed.",
  },
  mesgtoobig: {
    text: 'message too large',
    meaning: 'The message is larger than the receiving server accepts.',
  },
  networkerror: {
    text: 'network or DNS problem',
    meaning: 'Delivery failed because of a DNS lookup failure, a routing loop or another network problem.',
  },
  norelaying: {
    text: 'relaying denied',
    meaning:
      'The server that was contacted does not handle mail for this recipient and refused to pass it on.',
  },
  notaccept: {
    text: 'domain accepts no mail',
    meaning: 'The recipient domain does not accept email at all (for example it publishes a null MX).',
  },
  notcompliantrfc: {
    text: 'message breaks mail standards',
    meaning:
      'The message was refused because it does not follow the email format standard (RFC 5322), for example duplicate headers.',
  },
  onhold: {
    text: 'unclear reason',
    meaning: 'The bounce gives too little detail to tell why delivery failed.',
  },
  policyviolation: {
    text: 'refused by receiver policy',
    meaning:
      "The receiver's local policy refused the message (content rules, attachments, list rules and the like).",
  },
  rejected: {
    text: 'sender address refused',
    meaning: 'The receiver refused the sender address (the envelope From) or its domain.',
  },
  requireptr: {
    text: 'missing reverse DNS',
    meaning: 'The sending IP address has no valid reverse DNS (PTR) record, which the receiver requires.',
  },
  securityerror: {
    text: 'refused for security reasons',
    meaning:
      'The receiver refused the mail on security grounds, for example because authentication was required.',
  },
  spamdetected: {
    text: 'flagged as spam',
    meaning: "The receiver's spam filter refused the message.",
  },
  speeding: {
    text: 'rate limited',
    meaning: 'The receiver refused or delayed the mail because too much was sent too fast.',
  },
  suppressed: {
    text: 'address suppressed',
    meaning:
      'The sending service did not try: the address is on its suppression list after earlier failures.',
  },
  suspend: {
    text: 'account disabled',
    meaning: "The recipient's account exists but is disabled, suspended or inactive.",
  },
  syntaxerror: {
    text: 'SMTP protocol error',
    meaning: 'The receiving server did not understand a command or its parameters in the SMTP conversation.',
  },
  systemerror: {
    text: 'receiving server error',
    meaning: 'The receiving server had an internal error or is misconfigured.',
  },
  systemfull: {
    text: 'receiving server full',
    meaning: "The receiving server's disk or mail queue is full.",
  },
  toomanyconn: {
    text: 'too many connections',
    meaning: 'The receiver refused the connection because too many were open or opened too fast.',
  },
  undefined: {
    text: 'reason unknown',
    meaning: 'The bounce carries no code or text from which a reason can be read.',
  },
  userunknown: {
    text: 'address does not exist',
    meaning: 'The mailbox (the part before the @) does not exist at the recipient domain.',
  },
  vacation: {
    text: 'auto-reply',
    meaning: 'This is an automatic reply, such as an out-of-office message. It is not a bounce.',
  },
  virusdetected: {
    text: 'virus detected',
    meaning: "The receiver's virus scanner refused the message.",
  },
};

/** A few plain words for the badge, e.g. "address does not exist". */
export function reasonText(reason: Reason): string {
  return REASON_WORDS[reason].text;
}

/** One plain sentence explaining the reason. */
export function reasonMeaning(reason: Reason): string {
  return REASON_WORDS[reason].meaning;
}
