/**
 * Vendor knowledge: one data file per receiver or filter under core/vendors/, registered in
 * core/vendors/index.ts. The engine (core/diagnose/vendors.ts) only reads these tables; adding a
 * vendor means adding a file and one line in the registry, never touching the engine.
 *
 * All patterns must be linear-time safe (no nested quantifiers, no overlapping alternations under
 * a quantifier); test/unit/regex-safety.test.ts checks every RegExp exported from here.
 */
import type {
  BounceType,
  Diagnosis,
  Policy,
  ReaderAction,
  Reason,
  SmtpCommand,
  VendorPractice,
} from '../types';

/** Everything a rule may look at, for one recipient. All strings may be empty. */
export interface VendorContext {
  /** Remote MTA host (Remote-MTA, "host X said", Exchange "Generating server"), lower case. */
  remoteMta: string;
  /** Reporting MTA host, lower case. */
  reportingMta: string;
  /** The server's diagnostic text (continuation lines joined with a space). */
  diagnostic: string;
  status: string; // "5.7.1" or ""
  replyCode: string; // "550" or ""
  command: SmtpCommand | '';
  /** Recipient domain, lower case. */
  recipientDomain: string;
  /** The bounce's own header fields, names lower case (first value of each). Empty in visible-text mode. */
  headers: Readonly<Record<string, string>>;
  /**
   * The extension fields of this recipient's DSN group ("X-PowerMTA-BounceCategory: bad-mailbox"),
   * names lower case. Empty without a DSN part.
   */
  dsnFields: Readonly<Record<string, string>>;
  /** The bounce's From address and display name, lower case. */
  from: string;
  subject: string;
  /** The human-readable body text, capped (vendor tokens sometimes sit outside the diagnostic). */
  body: string;
}

/**
 * How to recognise the vendor at all. Any one signal suffices. Host patterns match remoteMta or
 * reportingMta; tokens match the diagnostic (or body); headers match header names (and values).
 */
export interface VendorRecognition {
  hosts?: readonly RegExp[];
  tokens?: readonly RegExp[];
  headers?: readonly { name: string; value?: RegExp }[];
  /** (extension) Extension fields of the recipient's DSN group (name, and value pattern). A reporting-side signal. */
  dsnFields?: readonly { name: string; value?: RegExp }[];
  recipientDomains?: readonly RegExp[];
  from?: readonly RegExp[];
  /** (extension) Subject lines of the vendor's own NDRs. A reporting-side signal, like headers and From. */
  subjects?: readonly RegExp[];
  /**
   * (extension) The vendor writes its own refusals into the NDRs it sends (filters and gateways such
   * as Barracuda, MessageLabs, InterScan, or mailbox providers that report their own verdicts).
   * Its reporting-side signals (headers, From, Subject, Reporting-MTA) then also count as the
   * answering side, so its ordinary rules apply.
   */
  ownVerdicts?: boolean;
}

/**
 * (extension) Which side of the delivery a recognition signal identifies.
 * - `answering`: the server that refused the mail (Remote-MTA host, a vendor token inside the
 *   diagnostic, the recipient's domain when no Remote-MTA is named).
 * - `reporting`: the system that wrote the bounce (its headers, From, Subject, Reporting-MTA). A
 *   vendor seen only here did not necessarily say the words in the diagnostic, so only its rules
 *   with `scope: 'any'` apply.
 * - `standalone`: no recognition; a `standalone` rule's unique token matched.
 */
export type VendorSide = 'answering' | 'reporting' | 'standalone';

/**
 * One quirk. Every condition given must hold (AND); inside an array any entry may match (OR).
 * A rule with `standalone: true` may fire without the vendor being recognised (its token is
 * unique enough, e.g. OXSUS001_403); otherwise the vendor must be recognised first.
 */
export interface VendorRuleMatch {
  /** Regexes over the diagnostic text (falls back to body when the diagnostic is empty). */
  text?: readonly RegExp[];
  /**
   * (extension) Vendor-unique tokens (e.g. `IB607`, `OXSUS001_403`, `AUP#CXBL`) over the same text.
   * A token is a stronger signal than ordinary text and ranks the rule higher.
   */
  tokens?: readonly RegExp[];
  /** Enhanced status code prefixes, e.g. "5.7.1" or "5.7." (prefix match on whole parts). */
  status?: readonly string[];
  /**
   * (extension) Inclusive ranges of enhanced codes sharing class and subject, e.g.
   * `['5.7.606', '5.7.649']`. Part of the same condition as `status`: either may match.
   */
  statusRange?: readonly (readonly [from: string, to: string])[];
  /** Basic reply codes, e.g. "550", or class prefixes "5". */
  reply?: readonly string[];
  command?: readonly SmtpCommand[];
  /** Host patterns over remoteMta/reportingMta (for rules that only apply to one host family). */
  hosts?: readonly RegExp[];
  headers?: readonly { name: string; value?: RegExp }[];
  /** (extension) Extension fields of the recipient's DSN group (an MTA's own classification). */
  dsnFields?: readonly { name: string; value?: RegExp }[];
}

export interface VendorRule {
  /** Stable id, `<vendorId>-<short>`, e.g. "vade-oxsus-403". */
  id: string;
  match: VendorRuleMatch;
  standalone?: boolean;
  /**
   * (extension) `answering` (default): the rule reads the vendor's own words, so it applies only
   * when the vendor is recognised as the answering side (or `standalone`). `any`: it also applies
   * when the vendor only wrote the bounce (e.g. the sender's own Google or Microsoft account limits).
   */
  scope?: 'answering' | 'any';
  /** (extension) Rows of ../shared/docs/vendor-quirks.csv this rule implements (1-based, header excluded). */
  csvRows?: readonly number[];
  /** The pattern as documented (for the reader and the tests), e.g. "550 5.7.1 ... OXSUS001_403". */
  pattern: string;
  /** What the receiver really means. */
  meaning: string;
  practice: VendorPractice;
  /** Reason in Sisimai's vocabulary that the vendor's meaning maps to (overrides the generic one). */
  reason?: Reason;
  /** Finer label, e.g. "spf", "blocklist:spamhaus". */
  detail?: string;
  /**
   * Hard/soft per policy where the vendor's meaning differs from what the codes say. Policies not
   * named keep their normal decision.
   */
  bounce?: Partial<Record<Policy, BounceType>>;
  action?: ReaderAction;
  /** Short note for the reader. */
  note: string;
  remediation: string;
  /** Diagnosis this rule implies (5.7.x cause and checklist), when it is a policy rejection. */
  diagnosis?: Diagnosis;
  links?: readonly string[];
  /**
   * When the vendor uses a registered code against its IANA meaning: the code and what the vendor
   * means instead; the verdict shows both. `code` is the registry key ("X.7.27"), class-free, because
   * vendors send the same detail as 4.x.x and 5.x.x.
   */
  contradicts?: { code: string; vendorMeaning: string };
  /** Source key(s) from ../shared/docs/peers.md section 7 and/or URL. */
  source: string;
}

export interface Vendor {
  /** Short id, e.g. "google", "microsoft365", "vade". */
  id: string;
  /** Display name, e.g. "Google (Gmail / Google Workspace)". */
  name: string;
  recognize: VendorRecognition;
  /** Postmaster / sender-support page. */
  postmaster?: string;
  rules: readonly VendorRule[];
  /** Where the recognition facts come from. */
  source: string;
}

/** (extension) One vendor rule that applies to a recipient, as returned by matchVendors (best first). */
export interface VendorMatch {
  vendor: Vendor;
  rule: VendorRule;
  /** The signal that recognised the vendor, e.g. "remote host aspmx.l.google.com", "token IB607". */
  matchedBy: string;
  side: VendorSide;
  /** Ranking score: stronger recognition and more specific conditions score higher. */
  score: number;
}
