/**
 * The IANA "SMTP Enhanced Status Codes" registry (RFC 3463, procedure RFC 5248): all 81 enumerated
 * codes, plus the class and subject meanings. Generated from ../shared/docs/iana-enhanced-status.csv
 * (itself rebuilt from IANA's CSV export, RFC 8617 and RFC 8689; see ../shared/docs/peers.md section 2);
 * test/unit/iana.test.ts checks this table against that file row by row.
 * Registry: https://www.iana.org/assignments/smtp-enhanced-status-codes/
 */

export interface IanaCode {
  /** "X.7.1" */
  code: string;
  summary: string;
  description: string;
  reference: string;
  /** Classes the code is valid for: 2 success, 4 transient, 5 permanent. */
  classes: readonly number[];
  deprecated?: boolean;
}

export const IANA_CLASSES: Readonly<Record<string, { title: string; meaning: string; reference: string }>> = {
  '2': {
    title: 'Success',
    meaning: 'Positive delivery action; detail may note transformations.',
    reference: 'RFC 3463',
  },
  '4': {
    title: 'Persistent Transient Failure',
    meaning: 'Message is valid but a temporary condition blocks it; a retry may succeed.',
    reference: 'RFC 3463',
  },
  '5': {
    title: 'Permanent Failure',
    meaning: 'Will not succeed if resent unchanged; something about the message or destination must change.',
    reference: 'RFC 3463',
  },
};

export const IANA_SUBJECTS: Readonly<Record<string, { title: string; scope: string }>> = {
  '0': { title: 'Other or Undefined Status', scope: 'No further subject information.' },
  '1': {
    title: 'Addressing Status',
    scope: 'Originator or destination address syntax/validity; usually fixable by the sender.',
  },
  '2': {
    title: 'Mailbox Status',
    scope: "Something about the recipient mailbox; under the recipient's control.",
  },
  '3': {
    title: 'Mail System Status',
    scope: "Something about the destination system; under its administrator's control.",
  },
  '4': {
    title: 'Network and Routing Status',
    scope: 'Delivery infrastructure, DNS/directory, routing, connections.',
  },
  '5': {
    title: 'Mail Delivery Protocol Status',
    scope: 'SMTP protocol failures (commands, syntax, limits).',
  },
  '6': {
    title: 'Message Content or Media Status',
    scope: 'Content/media/conversion problems (shared sender/receiver responsibility).',
  },
  '7': {
    title: 'Security or Policy Status',
    scope: 'Policy, filtering, authentication, cryptography; sender and/or recipient side.',
  },
};

export const IANA_CODES: readonly IanaCode[] = [
  {
    code: 'X.0.0',
    summary: 'Other undefined Status',
    description: 'Catch-all used when only the class (success, temporary, permanent) is known.',
    reference: 'RFC 3463',
    classes: [2, 4, 5],
  },
  {
    code: 'X.1.0',
    summary: 'Other address status',
    description: 'Something about an envelope address caused the report; not further specified.',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.1.1',
    summary: 'Bad destination mailbox address',
    description:
      'The local part (left of @) does not exist at the destination; meant for permanent failures.',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.1.2',
    summary: 'Bad destination system address',
    description: 'The domain part (right of @) does not exist or cannot take mail; permanent only.',
    reference: 'RFC 3463',
    classes: [5],
  },
  {
    code: 'X.1.3',
    summary: 'Bad destination mailbox address syntax',
    description: 'The recipient address is syntactically invalid; permanent only.',
    reference: 'RFC 3463',
    classes: [5],
  },
  {
    code: 'X.1.4',
    summary: 'Destination mailbox address ambiguous',
    description: 'The address matched more than one mailbox (e.g. fuzzy name mapping).',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.1.5',
    summary: 'Destination address valid',
    description: 'Positive report: the recipient address is valid.',
    reference: 'RFC 3463',
    classes: [2],
  },
  {
    code: 'X.1.6',
    summary: 'Destination mailbox has moved, No forwarding address',
    description: 'The address used to be valid but no longer accepts mail and has no forwarding; permanent.',
    reference: 'RFC 3463',
    classes: [5],
  },
  {
    code: 'X.1.7',
    summary: "Bad sender's mailbox address syntax",
    description: 'The envelope sender address is syntactically invalid.',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.1.8',
    summary: "Bad sender's system address",
    description: "The sender's domain does not exist or cannot receive returned mail.",
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.1.9',
    summary: 'Message relayed to non-compliant mailer',
    description:
      'Address was valid but the message went to a system that does not support the protocol; no further status.',
    reference: 'RFC 3886',
    classes: [2, 4, 5],
  },
  {
    code: 'X.1.10',
    summary: 'Recipient address has null MX',
    description: 'The recipient domain publishes a null MX, i.e. declares that it accepts no mail.',
    reference: 'RFC 7505; RFC 7504',
    classes: [5],
  },
  {
    code: 'X.2.0',
    summary: 'Other or undefined mailbox status',
    description: 'The mailbox exists but something about it caused the failure.',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.2.1',
    summary: 'Mailbox disabled, not accepting messages',
    description:
      'Mailbox exists but is disabled; permanent or temporary depending on whether it will be re-enabled.',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.2.2',
    summary: 'Mailbox full',
    description:
      'Recipient is over quota; defined as a persistent transient condition although the registry pairs it with 552.',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.2.3',
    summary: 'Message length exceeds administrative limit',
    description: 'A per-mailbox size limit (smaller than the system limit) was exceeded; permanent.',
    reference: 'RFC 3463',
    classes: [5],
  },
  {
    code: 'X.2.4',
    summary: 'Mailing list expansion problem',
    description: 'The recipient is a mailing list that could not be expanded.',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.3.0',
    summary: 'Other or undefined mail system status',
    description: 'The destination normally accepts mail but a system condition caused the report.',
    reference: 'RFC 3463',
    classes: [2, 4, 5],
  },
  {
    code: 'X.3.1',
    summary: 'Mail system full',
    description: 'Destination system storage is exhausted; transient only.',
    reference: 'RFC 3463',
    classes: [4],
  },
  {
    code: 'X.3.2',
    summary: 'System not accepting network messages',
    description: 'The host is not accepting mail (shutdown, load, maintenance, or never accepts mail).',
    reference: 'RFC 3463; RFC 7504',
    classes: [4, 5],
  },
  {
    code: 'X.3.3',
    summary: 'System not capable of selected features',
    description: 'Requested message features cannot be supported by the destination (e.g. at a gateway).',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.3.4',
    summary: 'Message too big for system',
    description: 'The message exceeds the system-wide size limit; permanent.',
    reference: 'RFC 3463',
    classes: [5],
  },
  {
    code: 'X.3.5',
    summary: 'System incorrectly configured',
    description: 'The receiving system is misconfigured for this message.',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.3.6',
    summary: 'Requested priority was changed',
    description:
      'Accepted, but the requested priority was not honoured; the new priority is given in the text.',
    reference: 'RFC 6710',
    classes: [2],
  },
  {
    code: 'X.4.0',
    summary: 'Other or undefined network or routing status',
    description: 'Unspecified networking or routing problem.',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.4.1',
    summary: 'No answer from host',
    description: 'The connection attempt was not answered; transient only.',
    reference: 'RFC 3463',
    classes: [4],
  },
  {
    code: 'X.4.2',
    summary: 'Bad connection',
    description: 'Connection was established but timed out or dropped; transient only.',
    reference: 'RFC 3463',
    classes: [4],
  },
  {
    code: 'X.4.3',
    summary: 'Directory server failure',
    description:
      'A directory (e.g. DNS) was unavailable so the message could not be forwarded; intended as transient.',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.4.4',
    summary: 'Unable to route',
    description:
      'The next hop could not be determined from directory data (e.g. a domain with no usable MX/A).',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.4.5',
    summary: 'Mail system congestion',
    description: 'The mail system was congested; transient only.',
    reference: 'RFC 3463',
    classes: [4],
  },
  {
    code: 'X.4.6',
    summary: 'Routing loop detected',
    description:
      'The message was forwarded too many times (routing or forwarding loop); defined as transient.',
    reference: 'RFC 3463',
    classes: [4],
  },
  {
    code: 'X.4.7',
    summary: 'Delivery time expired',
    description:
      'The message got too old (queue lifetime exceeded); the underlying error should be preferred if known.',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.5.0',
    summary: 'Other or undefined protocol status',
    description: 'Unspecified SMTP protocol problem at the next hop.',
    reference: 'RFC 3463',
    classes: [2, 4, 5],
  },
  {
    code: 'X.5.1',
    summary: 'Invalid command',
    description: 'A command was out of sequence or unsupported; intended as permanent.',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.5.2',
    summary: 'Syntax error',
    description: 'A command could not be interpreted; permanent.',
    reference: 'RFC 3463',
    classes: [5],
  },
  {
    code: 'X.5.3',
    summary: 'Too many recipients',
    description: 'More recipients than allowed; the sender should split the message.',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.5.4',
    summary: 'Invalid command arguments',
    description: 'A valid command had out-of-range or unknown arguments; intended as permanent.',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.5.5',
    summary: 'Wrong protocol version',
    description: 'A protocol version mismatch could not be negotiated.',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.5.6',
    summary: 'Authentication Exchange line is too long',
    description: 'An AUTH response line was longer than the server buffer for the SASL mechanism.',
    reference: 'RFC 4954',
    classes: [4, 5],
  },
  {
    code: 'X.6.0',
    summary: 'Other or undefined media error',
    description: 'A content problem not covered by the other X.6 codes.',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.6.1',
    summary: 'Media not supported',
    description: 'The media type is not supported by the protocol or next hop; permanent.',
    reference: 'RFC 3463',
    classes: [5],
  },
  {
    code: 'X.6.2',
    summary: 'Conversion required and prohibited',
    description: 'Content needs conversion but conversion is forbidden by sender or policy.',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.6.3',
    summary: 'Conversion required but not supported',
    description: 'Content needs a conversion (e.g. 8bit to 7bit) that the relay cannot perform.',
    reference: 'RFC 3463',
    classes: [5],
  },
  {
    code: 'X.6.4',
    summary: 'Conversion with loss performed',
    description:
      'Delivered after a lossy conversion (warning); a failure if lossy conversion was prohibited.',
    reference: 'RFC 3463',
    classes: [2, 5],
  },
  {
    code: 'X.6.5',
    summary: 'Conversion Failed',
    description: 'A required conversion was attempted and failed.',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.6.6',
    summary: 'Message content not available',
    description: 'Content that had to be fetched from a remote system (BURL) could not be retrieved.',
    reference: 'RFC 4468',
    classes: [4, 5],
  },
  {
    code: 'X.6.7',
    summary: 'Non-ASCII addresses not permitted for that sender/recipient',
    description: 'An internationalised (UTF-8) address was refused at MAIL or RCPT.',
    reference: 'RFC 6531',
    classes: [5],
  },
  {
    code: 'X.6.8',
    summary: 'UTF-8 string reply is required, but not permitted by the SMTP client',
    description: 'The server needs a UTF-8 reply to show the mailbox but the client did not allow it.',
    reference: 'RFC 6531',
    classes: [2, 5],
  },
  {
    code: 'X.6.9',
    summary:
      'UTF-8 header message cannot be transferred to one or more recipients, so the message must be rejected',
    description:
      'A message with UTF-8 headers could not be passed on (e.g. next hop lacks SMTPUTF8); rejected after DATA.',
    reference: 'RFC 6531',
    classes: [5],
  },
  {
    code: 'X.6.10',
    summary: '(deprecated; duplicate of X.6.8)',
    description: 'Registered by mistake as a duplicate of X.6.8; do not use.',
    reference: 'RFC 6531',
    classes: [],
    deprecated: true,
  },
  {
    code: 'X.7.0',
    summary: 'Other or undefined security status',
    description: 'A security-related problem not covered elsewhere, or details withheld by policy.',
    reference: 'RFC 3463',
    classes: [2, 4, 5],
  },
  {
    code: 'X.7.1',
    summary: 'Delivery not authorized, message refused',
    description:
      'The sender may not send to this destination (per-host or per-recipient filtering); intended as permanent.',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.7.2',
    summary: 'Mailing list expansion prohibited',
    description: 'The sender may not post to the target mailing list.',
    reference: 'RFC 3463',
    classes: [5],
  },
  {
    code: 'X.7.3',
    summary: 'Security conversion required but not possible',
    description: 'A needed conversion between secure messaging protocols was not possible.',
    reference: 'RFC 3463',
    classes: [5],
  },
  {
    code: 'X.7.4',
    summary: 'Security features not supported',
    description: 'The message uses security features the delivery protocol cannot support.',
    reference: 'RFC 3463',
    classes: [5],
  },
  {
    code: 'X.7.5',
    summary: 'Cryptographic failure',
    description: 'Validation or decryption failed because keys were missing or invalid.',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.7.6',
    summary: 'Cryptographic algorithm not supported',
    description: 'Validation or decryption failed because the algorithm is unsupported.',
    reference: 'RFC 3463',
    classes: [4, 5],
  },
  {
    code: 'X.7.7',
    summary: 'Message integrity failure',
    description: 'The message was corrupted or altered so it could not be validated.',
    reference: 'RFC 3463',
    classes: [2, 4, 5],
  },
  {
    code: 'X.7.8',
    summary: 'Authentication credentials invalid',
    description: 'SMTP AUTH failed because of wrong or insufficient credentials.',
    reference: 'RFC 4954',
    classes: [5],
  },
  {
    code: 'X.7.9',
    summary: 'Authentication mechanism is too weak',
    description: 'The chosen AUTH mechanism is weaker than policy allows for this user.',
    reference: 'RFC 4954',
    classes: [5],
  },
  {
    code: 'X.7.10',
    summary: 'Encryption Needed',
    description: 'A strong privacy layer (e.g. TLS) is needed before this AUTH mechanism may be used.',
    reference: 'RFC 5248',
    classes: [5],
  },
  {
    code: 'X.7.11',
    summary: 'Encryption required for requested authentication mechanism',
    description: 'The mechanism is only allowed on an encrypted connection (documented as historical).',
    reference: 'RFC 4954',
    classes: [5],
  },
  {
    code: 'X.7.12',
    summary: 'A password transition is needed',
    description: 'The user must authenticate once with PLAIN to migrate to the selected mechanism.',
    reference: 'RFC 4954',
    classes: [4],
  },
  {
    code: 'X.7.13',
    summary: 'User Account Disabled',
    description:
      'The authenticated account is disabled (e.g. non-payment, abuse) until an administrator re-enables it.',
    reference: 'RFC 5248',
    classes: [5],
  },
  {
    code: 'X.7.14',
    summary: 'Trust relationship required',
    description:
      'The submission server needs a configured trust with a third party to fetch content (replaces X.7.8 for this case).',
    reference: 'RFC 5248',
    classes: [5],
  },
  {
    code: 'X.7.15',
    summary: 'Priority Level is too low',
    description: 'The requested priority is below the minimum the server currently accepts.',
    reference: 'RFC 6710',
    classes: [4, 5],
  },
  {
    code: 'X.7.16',
    summary: 'Message is too big for the specified priority',
    description: 'The message is too large for the requested priority level.',
    reference: 'RFC 6710',
    classes: [4, 5],
  },
  {
    code: 'X.7.17',
    summary: 'Mailbox owner has changed',
    description: 'With RRVS: the mailbox was not continuously owned since the given date.',
    reference: 'RFC 7293',
    classes: [5],
  },
  {
    code: 'X.7.18',
    summary: 'Domain owner has changed',
    description: 'With RRVS: the recipient domain changed owner since the given date.',
    reference: 'RFC 7293',
    classes: [5],
  },
  {
    code: 'X.7.19',
    summary: 'RRVS test cannot be completed',
    description:
      'With RRVS: the receiver lacks the data to evaluate; the originator decides whether to resend without it.',
    reference: 'RFC 7293',
    classes: [5],
  },
  {
    code: 'X.7.20',
    summary: 'No passing DKIM signature found',
    description: 'The message carried no DKIM signature that verified.',
    reference: 'RFC 7372; RFC 6376',
    classes: [5],
  },
  {
    code: 'X.7.21',
    summary: 'No acceptable DKIM signature found',
    description: 'Passing DKIM signatures exist but none is acceptable to local policy.',
    reference: 'RFC 7372; RFC 6376',
    classes: [5],
  },
  {
    code: 'X.7.22',
    summary: 'No valid author-matched DKIM signature found',
    description: 'No passing DKIM signature is aligned with the From: author domain.',
    reference: 'RFC 7372; RFC 6376',
    classes: [5],
  },
  {
    code: 'X.7.23',
    summary: 'SPF validation failed',
    description: 'SPF evaluated to fail and local policy rejects it (used instead of 5.7.1).',
    reference: 'RFC 7372; RFC 7208',
    classes: [5],
  },
  {
    code: 'X.7.24',
    summary: 'SPF validation error',
    description: 'SPF evaluation itself errored (temporary or permanent error).',
    reference: 'RFC 7372; RFC 7208',
    classes: [4, 5],
  },
  {
    code: 'X.7.25',
    summary: 'Reverse DNS validation failed',
    description: 'The client IP failed a reverse-DNS (PTR / forward-confirmed) check.',
    reference: 'RFC 7372; RFC 7601',
    classes: [5],
  },
  {
    code: 'X.7.26',
    summary: 'Multiple authentication checks failed',
    description: 'More than one authentication method failed; which ones is not stated.',
    reference: 'RFC 7372',
    classes: [5],
  },
  {
    code: 'X.7.27',
    summary: 'Sender address has null MX',
    description: "The envelope sender's domain publishes a null MX, so no bounce could ever be returned.",
    reference: 'RFC 7505',
    classes: [5],
  },
  {
    code: 'X.7.28',
    summary: 'Mail flood detected',
    description: 'The message looks like part of a flood of similar abusive messages.',
    reference: 'draft-levine-mailbomb-header',
    classes: [4, 5],
  },
  {
    code: 'X.7.29',
    summary: 'ARC validation failure',
    description: 'The message failed ARC (Authenticated Received Chain) validation.',
    reference: 'RFC 8617',
    classes: [5],
  },
  {
    code: 'X.7.30',
    summary: 'REQUIRETLS support required',
    description: 'The message demanded REQUIRETLS but no onward server supports it.',
    reference: 'RFC 8689',
    classes: [5],
  },
];
