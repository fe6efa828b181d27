/**
 * Bounce Lens core types: the one contract between the classifier (core/), the UI (components/),
 * the webmail glue (entrypoints/) and the command line (cli/).
 *
 * Pipeline (core/classify.ts reads top to bottom):
 *   extract  (core/extract/*)  raw MIME or visible text -> ExtractedMessage (per-recipient fields + evidence)
 *   diagnose (core/diagnose/*) reason patterns, vendor quirks (core/vendors/*), 5.7.x cause diagnosis
 *   decide   (core/decide/*)   hard/soft under a named Policy, plus the reader's Action
 *   verdict  (core/verdict.ts) one Verdict object the UI renders
 */

/** Named hard/soft policies. `rfc` is the default. */
export type Policy = 'rfc' | 'sinch' | 'recipient';
export const POLICIES: readonly Policy[] = ['rfc', 'sinch', 'recipient'];

export type BounceType = 'hard' | 'soft';

/**
 * Sisimai's reason vocabulary (p5-sisimai 5.1.0p3, 34 names; go-sisimai 5.2 adds
 * `failedstarttls` and `suppressed`). See ../shared/docs/sisimai-reasons.md.
 */
export type Reason =
  | 'authfailure'
  | 'badreputation'
  | 'blocked'
  | 'contenterror'
  | 'delivered'
  | 'exceedlimit'
  | 'expired'
  | 'failedstarttls'
  | 'feedback'
  | 'filtered'
  | 'hasmoved'
  | 'hostunknown'
  | 'mailboxfull'
  | 'mailererror'
  | 'mesgtoobig'
  | 'networkerror'
  | 'norelaying'
  | 'notaccept'
  | 'notcompliantrfc'
  | 'onhold'
  | 'policyviolation'
  | 'rejected'
  | 'requireptr'
  | 'securityerror'
  | 'spamdetected'
  | 'speeding'
  | 'suppressed'
  | 'suspend'
  | 'syntaxerror'
  | 'systemerror'
  | 'systemfull'
  | 'toomanyconn'
  | 'undefined'
  | 'userunknown'
  | 'vacation'
  | 'virusdetected';

/** RFC 3464 Action field (lower case). */
export type DsnAction = 'failed' | 'delayed' | 'delivered' | 'relayed' | 'expanded';

/** What the reader should do next. */
export type ReaderAction =
  | 'suppress' // the address is bad: remove it from lists
  | 'retry' // temporary: the MTA retries; try again later
  | 'fix-sender' // sender setup: authentication, reputation, blocklist, rDNS, rate, own account limits
  | 'fix-content' // the message itself: spam-like content, size, attachment, malformed headers
  | 'contact-postmaster' // only the receiving side can explain or fix it (policy, misconfiguration)
  | 'none'; // not a bounce, or delivered

/** SMTP command the server's reply answered. `CONN` = at connection/greeting. */
export type SmtpCommand =
  | 'CONN'
  | 'HELO'
  | 'EHLO'
  | 'STARTTLS'
  | 'AUTH'
  | 'MAIL'
  | 'RCPT'
  | 'DATA'
  | 'BDAT'
  | 'QUIT';

/** Where a piece of evidence was read from. */
export type EvidenceSource =
  | 'headers' // the bounce's own header block
  | 'dsn' // message/delivery-status fields
  | 'body' // the human-readable text
  | 'original' // the returned original message or its headers
  | 'rule'; // produced by a table rule, not a line of the mail

export type EvidenceField =
  | 'kind'
  | 'recipient'
  | 'action'
  | 'status'
  | 'replyCode'
  | 'remoteMta'
  | 'reportingMta'
  | 'diagnostic'
  | 'command'
  | 'lastAttempt'
  | 'reason'
  | 'vendor'
  | 'original';

/** One line (or short excerpt) of the mail that produced a field. */
export interface Evidence {
  field: EvidenceField;
  /** The line as it appears in the mail (trimmed, at most ~300 chars). */
  text: string;
  source: EvidenceSource;
  /** 1-based line number within the decoded part, when known. */
  line?: number;
}

/** Meaning of an enhanced status code (RFC 3463 / IANA registry). */
export interface StatusMeaning {
  code: string; // as found, e.g. "5.7.1"
  /** Registry key, e.g. "X.7.1"; undefined when the detail is not registered. */
  registryCode?: string;
  /** IANA summary, e.g. "Delivery not authorized, message refused". */
  summary: string;
  /** Short paraphrased description. */
  description: string;
  reference?: string;
  /** "Permanent Failure" / "Persistent Transient Failure" / "Success". */
  classMeaning: string;
  /** e.g. "Security or Policy Status". */
  subjectMeaning: string;
  registered: boolean;
  /** The code is registered but not for this class (e.g. 5.3.1 is transient-only). */
  classMismatch?: boolean;
}

/** Meaning of a basic SMTP reply code (RFC 5321, RFC 7504 and common non-standard ones). */
export interface ReplyMeaning {
  code: string;
  meaning: string;
  reference: string;
  standard: boolean;
}

export type VendorPractice = 'HARD' | 'HARD(inactive)' | 'SOFT' | 'BLOCK' | 'SENDER' | 'INFO';

/** A vendor quirk that matched this recipient. */
export interface VendorFinding {
  vendorId: string; // e.g. "vade"
  vendor: string; // e.g. "Vade Secure / Open-Xchange cloud"
  ruleId: string; // e.g. "vade-oxsus-403"
  /** What the receiver really means. */
  meaning: string;
  practice: VendorPractice;
  /** Short note for the reader. */
  note: string;
  remediation: string;
  /** Postmaster / delisting / documentation pages. */
  links: string[];
  /** Where the fact comes from (source key and/or URL). */
  source: string;
  /** Which signal recognised the vendor: host, token, header, recipient domain. */
  matchedBy: string;
  /** Reason the vendor's meaning maps to, when it differs from the generic one. */
  reason?: Reason;
}

/** When the vendor's meaning contradicts the IANA registry, both are shown. */
export interface CodeConflict {
  code: string;
  iana: string;
  vendor: string;
  followed: 'vendor' | 'iana';
  why: string;
}

/** Finer diagnosis of policy/security rejections (mostly 5.7.x), with a checklist. */
export interface Diagnosis {
  cause:
    | 'spf'
    | 'dkim'
    | 'dmarc'
    | 'auth' // authentication in general (SPF or DKIM not passing, unauthenticated sender)
    | 'blocklist'
    | 'ip-reputation'
    | 'domain-reputation'
    | 'content'
    | 'virus'
    | 'relay'
    | 'rdns'
    | 'rate-limit'
    | 'greylisting'
    | 'tls'
    | 'recipient-policy'
    | 'sender-address'
    | 'malformed';
  title: string;
  /** Named list, e.g. "Spamhaus ZEN", "Barracuda BRBL", "Microsoft (S3140)". */
  list?: string;
  checklist: string[];
  links: string[];
  source: string;
}

/** Hard/soft decision under the named policy. */
export interface Decision {
  policy: Policy;
  bounce: BounceType;
  /** Policy's own label; Sinch has RETRY for 421 (reported with bounce = soft). */
  label: 'HARD' | 'SOFT' | 'RETRY';
  /** Which row/rule of the policy decided, e.g. "sinch: 550 exception 'over quota'". */
  rule: string;
  why: string;
  /** A vendor override changed the result the codes alone would give. */
  vendorOverride?: string;
}

/** Fields read from the mail for one failed (or delayed) recipient. */
export interface ExtractedRecipient {
  recipient: string;
  originalRecipient?: string;
  /** RFC 3464 Action (failed, delayed, ...); `action` on the verdict is the reader's action. */
  dsnAction: DsnAction;
  status?: string;
  replyCode?: string;
  remoteMta?: string;
  reportingMta?: string;
  diagnostic?: string;
  diagnosticType?: string;
  command?: SmtpCommand;
  lastAttempt?: string;
  /** Extension fields of the recipient's DSN group (names lower case), read by vendor rules. */
  dsnExtensions?: Readonly<Record<string, string>>;
  evidence: Evidence[];
}

export interface OriginalMessage {
  subject?: string;
  /** The original message's To (or the first recipient) as written. */
  to?: string;
  from?: string;
  messageId?: string;
  date?: string;
}

export type MessageKind =
  | 'bounce' // at least one recipient failed
  | 'delay' // delivery delayed / still retrying
  | 'delivered' // a DSN reporting success (not a bounce)
  | 'autoreply' // RFC 3834 auto-reply / out of office (not a bounce)
  | 'feedback' // ARF feedback / abuse report (not a bounce)
  | 'not-bounce'; // ordinary mail

export interface RecipientVerdict extends ExtractedRecipient {
  statusInfo?: StatusMeaning;
  replyInfo?: ReplyMeaning;
  reason: Reason;
  /** The reason in a few plain words for the badge, e.g. "address does not exist". */
  reasonText: string;
  /** Why this reason: the pattern / code / vendor rule that decided. */
  reasonWhy: string;
  /** Finer label beside Sisimai's reason (e.g. "spf", "blocklist:spamhaus"). */
  detail?: string;
  diagnosis?: Diagnosis;
  vendor: VendorFinding[];
  conflict?: CodeConflict;
  bounce: BounceType;
  decision: Decision;
  action: ReaderAction;
  actionWhy: string;
  /** One sentence in plain words: what happened. */
  meaning: string;
}

export interface Verdict {
  isBounce: boolean;
  kind: MessageKind;
  /** Why the message is (or is not) considered a bounce. */
  kindWhy: string;
  policy: Policy;
  /** What was classified: the raw message or only the text a webmail displays. */
  source: 'raw' | 'visible-text';
  /** Recognised report format, e.g. "rfc3464", "postfix", "exim", "exchange", "gmail". */
  format?: string;
  subject?: string;
  from?: string;
  reportingMta?: string;
  original: OriginalMessage;
  recipients: RecipientVerdict[];
  /** What could not be read (truncated MIME, undecodable charset, limits hit...). */
  notes: string[];
  /** Message-level evidence (why it is a bounce, the format). */
  evidence: Evidence[];
}

export interface ClassifyOptions {
  policy?: Policy;
  /**
   * The text was pasted by a user asking "what does this bounce mean?" (the popup's paste box): no
   * sender or subject vouches for it, so it counts as a bounce when it carries a failed recipient
   * with an answer, or at least an SMTP answer (then explained for an unnamed recipient).
   */
  pasted?: boolean;
}

/** Visible-text input: what a webmail shows of a message, plus what its header area shows. */
export interface VisibleMessage {
  text: string;
  subject?: string;
  /** Sender as displayed: address and/or display name. */
  from?: string;
  fromName?: string;
}
