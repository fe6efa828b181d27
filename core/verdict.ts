/**
 * Step 4, VERDICT: per failed recipient, put the diagnosis (reason, vendor quirks, cause) and the
 * decision (hard/soft, action) together into the one object the UI renders.
 */
import { readerAction } from './decide/action';
import { decide } from './decide/policy';
import { diagnoseCause } from './diagnose/causes';
import { isFailing, type KindResult } from './diagnose/kind';
import { replyMeaning, statusMeaning } from './diagnose/meanings';
import { decideReason } from './diagnose/reason';
import { matchVendors, toFinding } from './diagnose/vendors';
import type { ExtractedMessage } from './extract/index';
import { reasonMeaning, reasonText } from './knowledge/reason-text';
import type {
  CodeConflict,
  ExtractedRecipient,
  Policy,
  Reason,
  RecipientVerdict,
  VendorFinding,
  Verdict,
} from './types';
import type { VendorContext } from './vendors/types';

/** Recipients classified per message (a hostile report can list thousands). */
const MAX_RECIPIENTS = 100;

export function buildVerdict(x: ExtractedMessage, k: KindResult, policy: Policy): Verdict {
  const isBounce = k.kind === 'bounce' || k.kind === 'delay';
  const failing = isBounce ? x.recipients.filter(isFailing) : [];
  const recipients = failing.slice(0, MAX_RECIPIENTS).map((r) => recipientVerdict(r, x, policy));
  const notes = [...x.notes];
  if (failing.length > MAX_RECIPIENTS)
    notes.push(`${failing.length} failed recipients: only the first ${MAX_RECIPIENTS} were classified.`);
  if (isBounce && recipients.length === 0) notes.push('No failed recipient could be read from this bounce.');
  return {
    isBounce,
    kind: k.kind,
    kindWhy: k.why,
    policy,
    source: x.mode,
    format: x.source,
    ...(x.subject ? { subject: x.subject } : {}),
    ...(x.from || x.fromName ? { from: x.from || x.fromName } : {}),
    ...(x.reportingMta ? { reportingMta: x.reportingMta } : {}),
    original: x.original,
    recipients,
    notes,
    evidence: [...k.evidence, ...x.evidence],
  };
}

/** Reasons whose cause (SPF/DKIM/DMARC, blocklist, reputation, content, relay, rDNS, rate...) is worth diagnosing. */
const POLICY_REASONS: ReadonlySet<Reason> = new Set([
  'authfailure',
  'badreputation',
  'blocked',
  'contenterror',
  'failedstarttls',
  'norelaying',
  'notcompliantrfc',
  'policyviolation',
  'rejected',
  'requireptr',
  'securityerror',
  'spamdetected',
  'speeding',
  'toomanyconn',
  'virusdetected',
  'filtered',
]);

/** Reasons that say nothing of what failed (an X.7 status then names the cause). */
const UNEXPLAINED: ReadonlySet<Reason> = new Set(['onhold', 'undefined']);

const NO_FIELDS: Readonly<Record<string, string>> = Object.freeze({});

/** What the vendor engine reads about one recipient (exported for the vendor corpus tests). */
export function vendorContext(r: ExtractedRecipient, x: ExtractedMessage): VendorContext {
  const at = r.recipient.lastIndexOf('@');
  // A From without a display name has the address as its "name": say it once.
  const name = x.fromName.toLowerCase() === x.from.toLowerCase() ? '' : x.fromName;
  return {
    remoteMta: (r.remoteMta ?? '').toLowerCase(),
    // Only a Reporting-MTA the report itself names, not the extractor's fallback from the bounce's
    // top Received "by" host: that host received the bounce (the sender's mailbox side), and the
    // engine reads a lone reporting host as the server that answered about its own mailbox
    // (lhost-yahoo-05, lhost-zoho-01: Yahoo and Zoho relayed another server's "User Unknown").
    reportingMta: (r.reportingMta ?? x.namedReportingMta ?? '').toLowerCase(),
    diagnostic: r.diagnostic ?? '',
    status: r.status ?? '',
    replyCode: r.replyCode ?? '',
    command: r.command ?? '',
    recipientDomain: at === -1 ? '' : r.recipient.slice(at + 1).toLowerCase(),
    headers: x.headers,
    dsnFields: r.dsnExtensions ?? NO_FIELDS,
    from: `${name} ${x.from}`.trim().toLowerCase(),
    subject: x.subject,
    body: x.textReport.section,
  };
}

function recipientVerdict(r: ExtractedRecipient, x: ExtractedMessage, policy: Policy): RecipientVerdict {
  const status = r.status ?? '';
  const replyCode = r.replyCode ?? '';
  const diagnostic = r.diagnostic ?? '';
  const evidence = [...r.evidence];

  // Diagnose: the generic reason, then who answered and what they really meant.
  const generic = decideReason({
    status,
    replyCode,
    diagnostic,
    dsnAction: r.dsnAction,
    command: r.command ?? '',
    diagnosticType: r.diagnosticType ?? '',
  });
  const matches = matchVendors(vendorContext(r, x));
  const best = matches[0];
  const rule = best?.rule;
  const vendorName = best?.vendor.name ?? '';
  const reason: Reason = rule?.reason ?? generic.reason;
  const reasonWhy = rule?.reason
    ? `${vendorName}: ${rule.meaning} (${rule.pattern}).${rule.reason !== generic.reason ? ` The generic reading was "${generic.reason}": ${generic.why}` : ''}`
    : generic.why;
  if (generic.matched)
    evidence.push({ field: 'reason', text: `${generic.matched} -> ${generic.reason}`, source: 'rule' });
  if (best)
    evidence.push({
      field: 'vendor',
      text: `${best.vendor.name}: ${rule?.pattern} (${best.matchedBy})`,
      source: 'rule',
    });
  // A policy rejection's cause; an X.7 status asks for one too, unless the text (or the vendor)
  // already says what failed: "550 5.7.1 User unknown", Vade's 5.7.1 OXSUS001_403.
  const diagnosis =
    rule?.diagnosis ??
    (POLICY_REASONS.has(reason) || (/^[45]\.7\./.test(status) && UNEXPLAINED.has(reason))
      ? diagnoseCause({ diagnostic, status, replyCode, remoteMta: r.remoteMta ?? '', reason })
      : undefined);

  // Decide.
  const vendorBounce = rule?.bounce?.[policy];
  const decision = decide({
    policy,
    status,
    replyCode,
    diagnostic,
    reason,
    dsnAction: r.dsnAction,
    ...(vendorBounce && rule
      ? { vendorBounce: { bounce: vendorBounce, ruleId: rule.id, why: `${vendorName}: ${rule.meaning}` } }
      : {}),
  });
  const transient = r.dsnAction === 'delayed' || /^4/.test(replyCode || status);
  // defineVendor gives every vendor rule an action.
  const action = readerAction(
    reason,
    transient,
    rule?.action ? { action: rule.action, remediation: rule.remediation } : undefined,
  );

  const statusInfo = status ? statusMeaning(status) : undefined;
  const replyInfo = replyCode ? replyMeaning(replyCode) : undefined;
  let conflict: CodeConflict | undefined;
  if (rule?.contradicts) {
    // The code as the server sent it (the rule may name the registry form "X.7.1").
    const sent = rule.contradicts.code.startsWith('X.')
      ? status || rule.contradicts.code.replace('X', '5')
      : rule.contradicts.code;
    const iana = statusMeaning(sent);
    conflict = {
      code: sent,
      iana: iana?.summary ?? 'not registered',
      vendor: `${vendorName} means: ${rule.contradicts.vendorMeaning}`,
      followed: 'vendor',
      why: `${vendorName} documents this use of the code (${rule.source}); its meaning decides the reason and the advice.`,
    };
  }
  // One finding per vendor (its best rule), best first.
  const seen = new Set<string>();
  const vendor: VendorFinding[] = [];
  for (const m of matches) {
    if (seen.has(m.vendor.id)) continue;
    seen.add(m.vendor.id);
    vendor.push(toFinding(m));
  }
  const reportingMta = r.reportingMta ?? x.reportingMta;
  // The DSN's extension fields served the vendor rules; the verdict shows their findings instead.
  // Built field by field (not with spreads: this runs once per recipient and object spreads with
  // conditional parts are the slow path in V8); key order is the same as the spread form's.
  const fields = r as unknown as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const k in fields) if (k !== 'dsnExtensions') copy[k] = fields[k];
  const out = copy as unknown as RecipientVerdict;
  if (reportingMta) out.reportingMta = reportingMta;
  if (statusInfo) out.statusInfo = statusInfo;
  if (replyInfo) out.replyInfo = replyInfo;
  out.reason = reason;
  out.reasonText = reasonText(reason);
  out.reasonWhy = reasonWhy;
  if (rule?.detail) out.detail = rule.detail;
  else if (diagnosis) out.detail = diagnosis.list ? `${diagnosis.cause}:${diagnosis.list}` : diagnosis.cause;
  if (diagnosis) out.diagnosis = diagnosis;
  out.vendor = vendor;
  if (conflict) out.conflict = conflict;
  out.bounce = decision.bounce;
  out.decision = decision;
  out.action = action.action;
  out.actionWhy = action.why;
  out.meaning = rule ? `${rule.meaning}.`.replace(/\.\.$/, '.') : reasonMeaning(reason);
  out.evidence = evidence;
  return out;
}

/** A verdict for input that could not be read at all. */
export function failedVerdict(policy: Policy, source: Verdict['source'], note: string): Verdict {
  return {
    isBounce: false,
    kind: 'not-bounce',
    kindWhy: 'The input could not be read.',
    policy,
    source,
    original: {},
    recipients: [],
    notes: [note],
    evidence: [],
  };
}
