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
  recipientDomains?: readonly RegExp[];
  from?: readonly RegExp[];
}

/**
 * One quirk. Every condition given must hold (AND); inside an array any entry may match (OR).
 * A rule with `standalone: true` may fire without the vendor being recognised (its token is
 * unique enough, e.g. OXSUS001_403); otherwise the vendor must be recognised first.
 */
export interface VendorRuleMatch {
  /** Regexes over the diagnostic text (falls back to body when the diagnostic is empty). */
  text?: readonly RegExp[];
  /** Enhanced status code prefixes, e.g. "5.7.1" or "5.7." (prefix match on whole parts). */
  status?: readonly string[];
  /** Basic reply codes, e.g. "550", or class prefixes "5". */
  reply?: readonly string[];
  command?: readonly SmtpCommand[];
  /** Host patterns over remoteMta/reportingMta (for rules that only apply to one host family). */
  hosts?: readonly RegExp[];
  headers?: readonly { name: string; value?: RegExp }[];
}

export interface VendorRule {
  /** Stable id, `<vendorId>-<short>`, e.g. "vade-oxsus-403". */
  id: string;
  match: VendorRuleMatch;
  standalone?: boolean;
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
   * means instead; the verdict shows both.
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
