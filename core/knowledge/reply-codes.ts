/**
 * Basic SMTP reply codes: RFC 5321 section 4.2, RFC 7504 (521, 556), RFC 4954 (AUTH), RFC 3207
 * (STARTTLS), RFC 5248's registry pairings, and the common non-standard codes seen in real bounces.
 * Source: ../shared/docs/peers.md section 3 (meanings paraphrased there; RFC text vendored in
 * mirage/colombe reply_codes.md) and ../shared/docs/seeds/001 (Sinch's table, for folk codes).
 */

export interface ReplyCodeInfo {
  meaning: string;
  reference: string;
  /** false for codes no RFC defines (folk tables, vendor-specific). */
  standard: boolean;
}

export const REPLY_CODES: Readonly<Record<string, ReplyCodeInfo>> = {
  '211': { meaning: 'System status or help reply', reference: 'RFC 5321', standard: true },
  '214': { meaning: 'Help message for a human reader', reference: 'RFC 5321', standard: true },
  '220': { meaning: 'Service ready (greeting)', reference: 'RFC 5321', standard: true },
  '221': { meaning: 'Service closing the channel', reference: 'RFC 5321', standard: true },
  '235': { meaning: 'Authentication succeeded', reference: 'RFC 4954', standard: true },
  '250': { meaning: 'Requested action completed', reference: 'RFC 5321', standard: true },
  '251': { meaning: 'User not local; will forward', reference: 'RFC 5321', standard: true },
  '252': {
    meaning: 'Cannot verify the user, but will accept and try delivery',
    reference: 'RFC 5321',
    standard: true,
  },
  '334': { meaning: 'AUTH continuation (server challenge)', reference: 'RFC 4954', standard: true },
  '354': {
    meaning: 'Start mail input; end with a line containing only "."',
    reference: 'RFC 5321',
    standard: true,
  },
  '421': {
    meaning: 'Service not available, closing channel (often load, rate limit or greylisting)',
    reference: 'RFC 5321',
    standard: true,
  },
  '422': {
    meaning:
      "Non-standard: recipient's mailbox over its storage limit (Sinch); Barracuda: filter licence expired",
    reference: 'Sinch bounce table 4.1; smtp-field-manual (Barracuda)',
    standard: false,
  },
  '431': {
    meaning: 'Non-standard: not enough disk space or memory on the receiving server',
    reference: 'Sinch bounce table 4.1',
    standard: false,
  },
  '432': { meaning: 'A password transition is needed', reference: 'RFC 4954', standard: true },
  '441': {
    meaning: "Non-standard: the recipient's server is not responding",
    reference: 'Sinch bounce table 4.1',
    standard: false,
  },
  '442': {
    meaning: 'Non-standard: the connection was dropped during transmission',
    reference: 'Sinch bounce table 4.1',
    standard: false,
  },
  '446': {
    meaning: 'Non-standard: maximum hop count exceeded (loop)',
    reference: 'Sinch bounce table 4.1',
    standard: false,
  },
  '447': {
    meaning: 'Non-standard: the outgoing message timed out at the incoming server',
    reference: 'Sinch bounce table 4.1',
    standard: false,
  },
  '449': { meaning: 'Non-standard: routing error', reference: 'Sinch bounce table 4.1', standard: false },
  '450': {
    meaning: 'Mailbox unavailable right now (busy, or temporarily blocked for policy)',
    reference: 'RFC 5321',
    standard: true,
  },
  '451': {
    meaning: 'Aborted: local error in processing (also greylisting)',
    reference: 'RFC 5321',
    standard: true,
  },
  '452': {
    meaning: 'Insufficient system storage (also used for "too many recipients")',
    reference: 'RFC 5321',
    standard: true,
  },
  '453': {
    meaning: 'System not accepting network messages (temporary)',
    reference: 'RFC 3463 registry (X.3.2)',
    standard: true,
  },
  '454': {
    meaning: 'Temporary authentication failure / TLS not available',
    reference: 'RFC 4954, RFC 3207',
    standard: true,
  },
  '455': { meaning: 'Server unable to accommodate parameters', reference: 'RFC 5321', standard: true },
  '458': { meaning: 'ETRN: unable to queue messages', reference: 'RFC 1985', standard: true },
  '459': { meaning: 'ETRN: node not allowed', reference: 'RFC 1985', standard: true },
  '471': {
    meaning: "Non-standard: error at the sender's mail server, often its local anti-spam filter",
    reference: 'Sinch bounce table 4.1',
    standard: false,
  },
  '500': {
    meaning: 'Syntax error, command unrecognised (incl. line too long)',
    reference: 'RFC 5321',
    standard: true,
  },
  '501': { meaning: 'Syntax error in parameters or arguments', reference: 'RFC 5321', standard: true },
  '502': { meaning: 'Command not implemented', reference: 'RFC 5321', standard: true },
  '503': { meaning: 'Bad sequence of commands', reference: 'RFC 5321', standard: true },
  '504': { meaning: 'Command parameter not implemented', reference: 'RFC 5321', standard: true },
  '510': { meaning: 'Non-standard: bad email address', reference: 'Sinch bounce table 4.1', standard: false },
  '511': { meaning: 'Non-standard: bad email address', reference: 'Sinch bounce table 4.1', standard: false },
  '512': {
    meaning: "Non-standard: the recipient domain's host cannot be found (DNS)",
    reference: 'Sinch bounce table 4.1',
    standard: false,
  },
  '513': {
    meaning: 'Non-standard: address type is incorrect',
    reference: 'Sinch bounce table 4.1',
    standard: false,
  },
  '521': { meaning: 'Host does not accept mail (at all)', reference: 'RFC 7504', standard: true },
  '523': {
    meaning: 'Encryption needed (paired with X.7.10)',
    reference: 'RFC 5248 registry',
    standard: true,
  },
  '524': { meaning: 'Encryption required for the AUTH mechanism', reference: 'RFC 4954', standard: true },
  '525': {
    meaning: 'User account disabled (paired with X.7.13)',
    reference: 'RFC 5248 registry',
    standard: true,
  },
  '530': {
    meaning: 'Authentication required / must issue STARTTLS first',
    reference: 'RFC 4954, RFC 3207',
    standard: true,
  },
  '533': {
    meaning: 'Delivery not authorized (paired with X.7.1)',
    reference: 'RFC 3463 registry (X.7.1)',
    standard: true,
  },
  '534': { meaning: 'Authentication mechanism too weak', reference: 'RFC 4954', standard: true },
  '535': { meaning: 'Authentication credentials invalid', reference: 'RFC 4954', standard: true },
  '538': { meaning: 'Encryption required for the AUTH mechanism', reference: 'RFC 4954', standard: true },
  '540': {
    meaning: 'Non-standard: recipient address rejected, inactive or blocked mailbox (Rambler)',
    reference: 'smtp-field-manual',
    standard: false,
  },
  '541': {
    meaning: "Non-standard: the recipient's server rejected the message, usually an anti-spam filter",
    reference: 'Sinch bounce table 4.1; smtp-field-manual (Zoho)',
    standard: false,
  },
  '542': {
    meaning: 'Non-standard: rejected (Symantec MessageLabs: unknown user)',
    reference: 'go-sisimai MessageLabs',
    standard: false,
  },
  '550': {
    meaning: 'Mailbox unavailable: not found, no access, or rejected for policy (the most overloaded code)',
    reference: 'RFC 5321',
    standard: true,
  },
  '551': { meaning: 'User not local; please try another path', reference: 'RFC 5321', standard: true },
  '552': {
    meaning: 'Exceeded storage allocation (also message size)',
    reference: 'RFC 5321',
    standard: true,
  },
  '553': { meaning: 'Mailbox name not allowed (syntax)', reference: 'RFC 5321', standard: true },
  '554': {
    meaning: 'Transaction failed (or, at greeting, "no SMTP service here")',
    reference: 'RFC 5321',
    standard: true,
  },
  '555': {
    meaning: 'MAIL FROM / RCPT TO parameters not recognised or not implemented',
    reference: 'RFC 5321',
    standard: true,
  },
  '556': {
    meaning: 'Domain does not accept mail (e.g. null MX), sent by a client/relay',
    reference: 'RFC 7504',
    standard: true,
  },
  '571': {
    meaning: 'Non-standard: delivery not authorized (La Poste: DMARC failure)',
    reference: 'sisimai FrancePTT rhost; peers.md section 3',
    standard: false,
  },
};

export const REPLY_CLASSES: Readonly<Record<string, string>> = {
  '2': 'Positive completion',
  '3': 'Positive intermediate',
  '4': 'Transient negative completion: try again later',
  '5': 'Permanent negative completion: do not retry unchanged',
};
