/**
 * ESP/platform-generated 'bounces' (not a receiver verdict): Amazon SES suppression and Mailgun
 * drops. ../shared/docs/peers.md §4.31; vendor-quirks.csv rows 253-254.
 */
import { defineVendor, hosts } from './define';
import { src } from './sources';

/**
 * An SES notification's bounceSubType (the JSON may be escaped several times). SES sets it from the
 * receiver's answer; it is read only when the recipient carries no diagnostic of its own (the
 * vendor engine then reads the body). AWS SES developer guide, "Contents of notifications":
 * bounce types and subtypes.
 */
const subType = (name: string): RegExp =>
  new RegExp(`bounceSubType\\\\{0,7}"\\s{0,3}:\\s{0,3}\\\\{0,7}"${name}\\b`);
const SES_DOC = 'https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html#bounce-types';

export const ses = defineVendor({
  id: 'ses',
  name: 'Amazon SES (platform)',
  postmaster: 'https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html',
  source: src('SES-PASTE', 'TIDBITS'),
  recognize: {
    hosts: [hosts('amazonses.com')],
    tokens: [/Amazon SES has suppressed sending to this address/i, /\bOnAccountSuppressionList\b/],
    headers: [{ name: 'x-ses-outgoing' }],
    from: [/mailer-daemon@(?:[a-z0-9-]{1,30}\.){0,3}amazonses\.com/i],
    ownVerdicts: true,
  },
  rules: [
    {
      id: 'ses-subtype-noemail',
      standalone: true,
      scope: 'any',
      match: { tokens: [subType('NoEmail')] },
      pattern: "SES notification without a diagnostic: bounceType Permanent, bounceSubType 'NoEmail'",
      meaning: "The recipient's provider said the address does not exist.",
      practice: 'HARD',
      reason: 'userunknown',
      note: "SES classified the receiver's answer; the notification quotes no reply of its own.",
      remediation: 'Remove the address.',
      links: [SES_DOC],
      source: src('SES-PASTE'),
    },
    {
      id: 'ses-subtype-mailboxfull',
      standalone: true,
      scope: 'any',
      match: { tokens: [subType('MailboxFull')] },
      pattern: "SES notification without a diagnostic: bounceType Transient, bounceSubType 'MailboxFull'",
      meaning: "The recipient's mailbox is full.",
      practice: 'SOFT',
      reason: 'mailboxfull',
      note: 'SES sends it as a transient bounce.',
      remediation: 'Retry later; suppress only if it keeps bouncing for weeks.',
      links: [SES_DOC],
      source: src('SES-PASTE'),
    },
    {
      id: 'ses-subtype-too-large',
      standalone: true,
      scope: 'any',
      match: { tokens: [subType('MessageTooLarge')] },
      pattern: "SES notification without a diagnostic: bounceType Transient, bounceSubType 'MessageTooLarge'",
      meaning: 'The message was larger than the recipient accepts.',
      practice: 'SENDER',
      reason: 'mesgtoobig',
      bounce: { rfc: 'soft' },
      action: 'fix-content',
      note: 'SES sends it as a transient bounce: a smaller message gets through.',
      remediation: 'Send a smaller message (link large files instead of attaching them).',
      links: [SES_DOC],
      source: src('SES-PASTE'),
    },
    {
      id: 'ses-subtype-content-rejected',
      standalone: true,
      scope: 'any',
      match: { tokens: [subType('ContentRejected')] },
      pattern: "SES notification without a diagnostic: bounceType Transient, bounceSubType 'ContentRejected'",
      meaning: "The recipient's server refused the message because of its content.",
      practice: 'BLOCK',
      reason: 'contenterror',
      bounce: { rfc: 'soft' },
      note: 'SES sends it as a transient bounce: changed content may get through.',
      remediation: 'Change the content that was refused and send again.',
      links: [SES_DOC],
      source: src('SES-PASTE'),
    },
    {
      id: 'ses-subtype-attachment-rejected',
      standalone: true,
      scope: 'any',
      match: { tokens: [subType('AttachmentRejected')] },
      pattern:
        "SES notification without a diagnostic: bounceType Transient, bounceSubType 'AttachmentRejected'",
      meaning: "The recipient's server refused an attachment of the message.",
      practice: 'BLOCK',
      reason: 'policyviolation',
      bounce: { rfc: 'soft' },
      action: 'fix-content',
      note: 'SES sends it as a transient bounce: without that attachment the message may get through.',
      remediation: 'Remove or replace the attachment (or link the file) and send again.',
      links: [SES_DOC],
      source: src('SES-PASTE'),
    },
    {
      id: 'ses-suppressed',
      csvRows: [253],
      standalone: true,
      scope: 'any',
      match: {
        tokens: [
          /Amazon SES has suppressed sending to this address/i,
          /\bOnAccountSuppressionList\b/,
          subType('Suppressed'),
        ],
      },
      pattern:
        "Amazon SES 'Amazon SES has suppressed sending to this address' (bounceType Permanent, subType Suppressed / OnAccountSuppressionList)",
      meaning:
        "SES did not send: the address is on SES's global or account suppression list because of an earlier hard bounce.",
      practice: 'INFO',
      reason: 'suppressed',
      bounce: { rfc: 'hard', sinch: 'hard', recipient: 'hard' },
      action: 'suppress',
      note: 'Not a live answer from the recipient server: the platform refused on its own records.',
      remediation:
        'Keep it suppressed; remove it from the suppression list only if you know the address works now.',
      source: src('SES-PASTE', 'TIDBITS'),
    },
  ],
});

export const mailgun = defineVendor({
  id: 'mailgun',
  name: 'Mailgun (platform)',
  postmaster: 'https://documentation.mailgun.com/',
  source: src('ANYMAIL', 'ASSOC'),
  recognize: {
    hosts: [hosts('mailgun.net', 'mailgun.org')],
    tokens: [
      /Not delivering to previously bounced address/i,
      /Not delivering to a user who marked your messages as spam/i,
      /\bsuppress-(?:bounce|complaint|unsubscribe)\b/i,
    ],
    headers: [{ name: 'x-mailgun-sid' }],
    ownVerdicts: true,
  },
  rules: [
    {
      id: 'mailgun-previously-bounced',
      csvRows: [254],
      standalone: true,
      scope: 'any',
      match: { tokens: [/Not delivering to previously bounced address/i, /\bsuppress-bounce\b/i] },
      pattern:
        "Mailgun 'Not delivering to previously bounced address' (reason suppress-bounce; legacy code 605)",
      meaning: 'Mailgun dropped the message: the address bounced hard before and is on its suppression list.',
      practice: 'INFO',
      reason: 'suppressed',
      bounce: { rfc: 'hard', sinch: 'hard', recipient: 'hard' },
      action: 'suppress',
      note: 'A platform drop, not a new answer from the recipient server.',
      remediation:
        "Check the platform's bounce list and the earlier bounce; remove it only if the address works now.",
      source: src('ANYMAIL', 'ASSOC'),
    },
    {
      id: 'mailgun-previous-complaint',
      csvRows: [254],
      standalone: true,
      scope: 'any',
      match: {
        tokens: [/Not delivering to a user who marked your messages as spam/i, /\bsuppress-complaint\b/i],
      },
      pattern: 'Mailgun previous complaint (legacy code 607)',
      meaning: 'Mailgun dropped the message: the recipient marked your mail as spam before.',
      practice: 'INFO',
      reason: 'suppressed',
      bounce: { rfc: 'hard', sinch: 'hard' },
      action: 'suppress',
      note: 'A platform drop based on a complaint.',
      remediation: 'Do not mail this person again unless they opt in again.',
      source: src('ANYMAIL', 'ASSOC'),
    },
    {
      id: 'mailgun-too-old',
      csvRows: [254],
      scope: 'any',
      match: { text: [/\bToo old\b/i] },
      pattern: "Mailgun 'Too old' (expired in queue)",
      meaning: 'Mailgun gave up: the message stayed in its queue too long.',
      practice: 'INFO',
      reason: 'expired',
      bounce: { rfc: 'soft', sinch: 'soft' },
      action: 'retry',
      note: 'The cause is in the earlier delivery attempts.',
      remediation: "Look at the earlier attempts' errors in the Mailgun log.",
      source: src('ANYMAIL', 'ASSOC'),
    },
    {
      id: 'mailgun-unreachable',
      csvRows: [254],
      scope: 'any',
      match: { reply: ['499'] },
      pattern: "Mailgun legacy code 499 ('could not reach MX')",
      meaning: 'Mailgun could not reach the recipient’s mail server.',
      practice: 'INFO',
      reason: 'networkerror',
      bounce: { rfc: 'soft', sinch: 'soft' },
      action: 'retry',
      note: '499 is a Mailgun platform code, not an SMTP reply.',
      remediation: "Check the recipient domain's MX records; retry.",
      source: src('ANYMAIL'),
    },
  ],
});
