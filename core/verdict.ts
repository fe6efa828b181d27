/**
 * Step 4, VERDICT: per failed recipient, put the diagnosis (reason, vendor quirks, cause) and the
 * decision (hard/soft, action) together into the one object the UI renders.
 */
import { readerAction } from './decide/action';
import { decide } from './decide/policy';
import type { KindResult } from './diagnose/kind';
import { replyMeaning, statusMeaning } from './diagnose/meanings';
import { decideReason, reasonMeaning, reasonText } from './diagnose/reason';
import type { ExtractedMessage } from './extract/index';
import type { ExtractedRecipient, Policy, RecipientVerdict, Verdict } from './types';

export function buildVerdict(x: ExtractedMessage, k: KindResult, policy: Policy): Verdict {
  const isBounce = k.kind === 'bounce' || k.kind === 'delay';
  const recipients = isBounce
    ? x.recipients
        .filter((r) => r.dsnAction === 'failed' || r.dsnAction === 'delayed')
        .map((r) => recipientVerdict(r, x, policy))
    : [];
  const notes = [...x.notes];
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

function recipientVerdict(r: ExtractedRecipient, x: ExtractedMessage, policy: Policy): RecipientVerdict {
  const status = r.status ?? '';
  const replyCode = r.replyCode ?? '';
  const diagnostic = r.diagnostic ?? '';
  const reasonResult = decideReason({
    status,
    replyCode,
    diagnostic,
    dsnAction: r.dsnAction,
    command: r.command ?? '',
    diagnosticType: r.diagnosticType ?? '',
  });
  const reason = reasonResult.reason;
  const decision = decide({ policy, status, replyCode, diagnostic, reason, dsnAction: r.dsnAction });
  const action = readerAction(reason, decision.bounce);
  const statusInfo = status ? statusMeaning(status) : undefined;
  const replyInfo = replyCode ? replyMeaning(replyCode) : undefined;
  const reportingMta = r.reportingMta ?? x.reportingMta;
  const evidence = [...r.evidence];
  if (reasonResult.matched)
    evidence.push({ field: 'reason', text: `${reasonResult.matched} -> ${reason}`, source: 'rule' });
  return {
    ...r,
    ...(reportingMta ? { reportingMta } : {}),
    ...(statusInfo ? { statusInfo } : {}),
    ...(replyInfo ? { replyInfo } : {}),
    reason,
    reasonText: reasonText(reason),
    reasonWhy: reasonResult.why,
    vendor: [],
    bounce: decision.bounce,
    decision,
    action: action.action,
    actionWhy: action.why,
    meaning: reasonMeaning(reason),
    evidence,
  };
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
