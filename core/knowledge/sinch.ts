/**
 * Sinch E-Mail 365 bounce classification, version 4.1 (February 2022): every row and exception of
 * "Table 1: Bounce error codes" in ../shared/docs/seeds/001_3b4d9e0f8ea12ff8.txt, as data.
 * The general rule of the document: 4XX is a temporary (soft) bounce, 5XX permanent (hard), except the
 * rows below, several of which re-classify 5XX answers as SOFT ("Blacklisting plus other
 * nonpermanent causes"). 421 is RETRY: a temporary status not sent back as a bounce.
 *
 * Interpretation notes (the PDF's table layout lost some structure in extraction):
 * - "550 ... SOFT" lists "*Quota Exceeded", "*Mailbox Unavailable", "*Unknown local" and
 *   "recipient address(es) rejected: access denied", then "for DSN code 5.4.1". The starred items are
 *   read as text triggers on their own and the access-denied item as tied to DSN 5.4.1.
 * - "553 & 550 ... Domain of sender address does not exist / Domain Not found for DSN code 5.1.8"
 *   applies to both reply codes.
 * - "5XX (552, 554 and 599) ... 'exceeded storage' 'mailbox is full' 'over quota' for DSN 5.2.2"
 *   is applied to those three reply codes with any of the phrases, or to DSN 5.2.2.
 * - A 5.x.x status without a reply code is matched against the 550 rows (550 is the generic
 *   permanent reply); a 4.x.x status without a reply code is SOFT.
 */

export type SinchLabel = 'HARD' | 'SOFT' | 'RETRY';

export interface SinchRow {
  /** Reply codes the row covers. */
  codes: readonly string[];
  label: SinchLabel;
  /** What the table says the code means. */
  interpretation: string;
}

export interface SinchException {
  id: string;
  codes: readonly string[];
  label: SinchLabel;
  /** Text triggers (lower-case substrings of the server's answer); any one suffices. */
  text?: readonly string[];
  /** Enhanced status codes the exception is tied to; when given, one must match as well. */
  status?: readonly string[];
  /** Or the status alone suffices (no text needed). */
  statusAlone?: readonly string[];
  note: string;
}

export const SINCH_SOURCE = 'Sinch E-Mail 365 Bounce classification v4.1 (2022-02-23), Table 1';

/** The generic permanent reply: a 5.x.x status without a reply code is matched as this code. */
export const SINCH_GENERIC_5XX = '550';

/** Reply codes of the "5XX (552, 554 and 599)" storage exception. */
export const SINCH_STORAGE_CODES: readonly string[] = ['552', '554', '599'];

/**
 * The reply codes a 5.x.x status without a reply code is matched against in the exceptions: the
 * generic 550 and, for the 5XX storage exception, any of its codes.
 */
export const SINCH_5XX_CODES: readonly string[] = [SINCH_GENERIC_5XX, ...SINCH_STORAGE_CODES];

export const SINCH_ROWS: readonly SinchRow[] = [
  { codes: ['420'], label: 'SOFT', interpretation: 'Timeout connection problem during the transfer' },
  {
    codes: ['421'],
    label: 'RETRY',
    interpretation:
      'Service unavailable (connection limit or a general temporary problem); not sent back as a bounce',
  },
  { codes: ['422'], label: 'SOFT', interpretation: "The recipient's mailbox has exceeded its storage limit" },
  { codes: ['431'], label: 'SOFT', interpretation: 'Not enough disk space, or out of memory' },
  {
    codes: ['432'],
    label: 'SOFT',
    interpretation: "The recipient's Exchange Server incoming mail queue has been stopped",
  },
  { codes: ['441'], label: 'SOFT', interpretation: "The recipient's server is not responding" },
  { codes: ['442'], label: 'SOFT', interpretation: 'The connection was dropped during the transmission' },
  { codes: ['446'], label: 'SOFT', interpretation: 'Maximum hop count exceeded: an internal loop' },
  { codes: ['447'], label: 'SOFT', interpretation: 'The outgoing message timed out at the incoming server' },
  { codes: ['449'], label: 'SOFT', interpretation: 'A routing error' },
  {
    codes: ['450'],
    label: 'SOFT',
    interpretation:
      'Mailbox unavailable (corrupted, offline server, or not accepted for IP problems or blacklisting)',
  },
  { codes: ['451'], label: 'SOFT', interpretation: 'Local error in processing (a connection problem)' },
  {
    codes: ['452'],
    label: 'SOFT',
    interpretation: 'Too many emails or recipients; a storage limit exceeded',
  },
  {
    codes: ['454'],
    label: 'SOFT',
    interpretation: 'TLS currently unavailable: the mail server is misconfigured',
  },
  {
    codes: ['471'],
    label: 'SOFT',
    interpretation: 'An error of your mail server, often its local anti-spam filter',
  },
  {
    codes: ['500'],
    label: 'SOFT',
    interpretation: "Syntax error: the server couldn't recognise the command",
  },
  { codes: ['501'], label: 'SOFT', interpretation: 'Syntax error in parameters or arguments' },
  { codes: ['502'], label: 'HARD', interpretation: 'The command is not implemented' },
  { codes: ['503'], label: 'HARD', interpretation: 'Bad sequence of commands, or authentication required' },
  { codes: ['504'], label: 'HARD', interpretation: 'A command parameter is not implemented' },
  { codes: ['510', '511'], label: 'HARD', interpretation: 'Bad email address' },
  { codes: ['512'], label: 'HARD', interpretation: "DNS error: the recipient domain's host cannot be found" },
  {
    codes: ['513'],
    label: 'HARD',
    interpretation: 'Address type is incorrect (misspelling; sometimes authentication)',
  },
  {
    codes: ['523'],
    label: 'SOFT',
    interpretation: "The total size of the mailing exceeds the recipient server's limits",
  },
  {
    codes: ['530'],
    label: 'HARD',
    interpretation: 'Normally an authentication problem; sometimes blacklisting or an invalid address',
  },
  {
    codes: ['541'],
    label: 'SOFT',
    interpretation: 'The recipient address rejected the message, normally an anti-spam filter',
  },
  { codes: ['550'], label: 'HARD', interpretation: 'Usually a nonexistent email address on the remote side' },
  { codes: ['551'], label: 'HARD', interpretation: 'User not local or invalid address: relay denied' },
  {
    codes: ['552'],
    label: 'SOFT',
    interpretation: "Exceeded storage allocation: the recipient's mailbox is over its limit",
  },
  { codes: ['553'], label: 'HARD', interpretation: 'Mailbox name invalid: an incorrect address' },
  {
    codes: ['554'],
    label: 'SOFT',
    interpretation:
      'Transaction failed (mailbox full, nonexistent domain, disabled account, unknown recipient...)',
  },
];

export const SINCH_EXCEPTIONS: readonly SinchException[] = [
  // 550 HARD, with these exceptions reclassified SOFT
  {
    id: '550-unidentified',
    codes: ['550'],
    label: 'SOFT',
    text: ['response text could not be identified'],
    note: 'response text could not be identified',
  },
  {
    id: '550-unspecified',
    codes: ['550'],
    label: 'SOFT',
    text: ['failed for unspecified reasons'],
    note: 'the message failed for unspecified reasons',
  },
  {
    id: '550-over-quota',
    codes: ['550'],
    label: 'SOFT',
    text: ['over quota', 'overquota', 'quota exceeded', 'mailbox being over quota'],
    note: 'the remote mailbox is over quota',
  },
  {
    id: '550-no-relay',
    codes: ['550'],
    label: 'SOFT',
    text: ['will not relay', 'relay access denied', 'relaying denied', 'relay not permitted'],
    note: 'the receiver will not relay for that domain',
  },
  {
    id: '550-blocked',
    codes: ['550'],
    label: 'SOFT',
    text: ['blocked', 'proofpoint'],
    note: '"Blocked" or "Proofpoint"',
  },
  {
    id: '550-sender-rejected',
    codes: ['550'],
    label: 'SOFT',
    text: ['sender rejected'],
    status: ['5.1.0'],
    note: 'sender rejected, DSN 5.1.0',
  },
  {
    id: '550-spam',
    codes: ['550'],
    label: 'SOFT',
    text: ['spam'],
    status: ['5.7.1'],
    note: 'blocked for containing spam, DSN 5.7.1',
  },
  {
    id: '550-ers',
    codes: ['550'],
    label: 'SOFT',
    text: ['ers-customized-block'],
    status: ['5.7.1'],
    note: 'ERS-Customized-Block, DSN 5.7.1',
  },
  {
    id: '550-reverse',
    codes: ['550'],
    label: 'SOFT',
    text: ['reverse lookup rejected', 'reverse dns', 'reverse lookup'],
    note: 'reverse lookup rejected',
  },
  {
    id: '550-spam-virus',
    codes: ['550'],
    label: 'SOFT',
    text: ['considered as spam or virus', 'spam or virus'],
    status: ['5.7.0'],
    note: 'message considered as spam or virus, DSN 5.7.0',
  },
  {
    id: '550-frequency',
    codes: ['550'],
    label: 'SOFT',
    text: ['connection frequency limited'],
    status: ['5.0.0'],
    note: 'connection frequency limited, DSN 5.0.0',
  },
  {
    id: '550-too-many-this-hour',
    codes: ['550'],
    label: 'SOFT',
    text: ['sent too many messages this hour', 'too many messages this hour'],
    status: ['5.1.0'],
    note: 'this IP has sent too many messages this hour, DSN 5.1.0',
  },
  // 550 SOFT row
  {
    id: '550-541-soft',
    codes: ['550'],
    label: 'SOFT',
    text: ['quota exceeded', 'mailbox unavailable', 'unknown local'],
    note: '*Quota Exceeded / *Mailbox Unavailable / *Unknown local',
  },
  {
    id: '550-541-access-denied',
    codes: ['550'],
    label: 'SOFT',
    text: [
      'recipient address rejected: access denied',
      'recipient addresses rejected: access denied',
      'recipient addresses rejected : access denied',
    ],
    status: ['5.4.1'],
    note: 'recipient address(es) rejected: access denied, DSN 5.4.1',
  },
  // 553 HARD except
  {
    id: '553-spam-virus',
    codes: ['553'],
    label: 'SOFT',
    text: ['possible spam', 'spam/virus', 'virus content'],
    status: ['5.3.0'],
    note: 'rejected for possible spam/virus content, DSN 5.3.0',
  },
  // 553 & 550 SOFT
  {
    id: '553-550-sender-domain',
    codes: ['553', '550'],
    label: 'SOFT',
    text: ['domain of sender address does not exist', 'domain not found'],
    status: ['5.1.8'],
    note: 'domain of sender address does not exist / domain not found, DSN 5.1.8',
  },
  // 5XX (552, 554 and 599) with storage texts for DSN 5.2.2
  {
    id: '5xx-storage',
    codes: SINCH_STORAGE_CODES,
    label: 'SOFT',
    text: ['exceeded storage', 'mailbox is full', 'over quota'],
    statusAlone: ['5.2.2'],
    note: '"exceeded storage", "mailbox is full", "over quota" for DSN 5.2.2',
  },
];
