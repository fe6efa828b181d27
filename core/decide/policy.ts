/**
 * Step 3 of the pipeline, DECIDE: hard or soft under a named policy.
 *
 * - `rfc` (default): the class digit of the reply code (else of the enhanced status code) decides,
 *   5 = hard, 4 = soft (RFC 5321 4.2.1, RFC 3463; what the experts in seeds 000 and 002 recommend),
 *   with vendor overrides where a receiver's meaning is known to differ.
 * - `sinch`: Sinch E-Mail 365's published table (core/knowledge/sinch.ts), every row and exception,
 *   RETRY for 421.
 * - `recipient`: hard only when the address itself is bad: userunknown, hostunknown, hasmoved, and
 *   notaccept with a 5xx (Sisimai's rule, ../shared/docs/sisimai-reasons.md).
 */
import { ADDRESS_REASONS } from '../knowledge/reasons';
import {
  SINCH_5XX_CODES,
  SINCH_EXCEPTIONS,
  SINCH_GENERIC_5XX,
  SINCH_ROWS,
  SINCH_SOURCE,
  type SinchLabel,
} from '../knowledge/sinch';
import type { BounceType, Decision, DsnAction, Policy, Reason } from '../types';

export interface DecideInput {
  policy: Policy;
  status: string; // '' when none
  replyCode: string;
  diagnostic: string;
  reason: Reason;
  dsnAction: DsnAction;
  /** Vendor override for this policy, with the rule id that asks for it. */
  vendorBounce?: { bounce: BounceType; ruleId: string; why: string };
}

/** Reasons that are temporary by nature (used only when the mail carries no code at all). */
const TEMPORARY_REASONS: ReadonlySet<Reason> = new Set([
  'expired',
  'mailboxfull',
  'systemfull',
  'toomanyconn',
  'speeding',
  'networkerror',
  'onhold',
  'undefined',
]);

export function decide(input: DecideInput): Decision {
  const base = basePolicy(input);
  const v = input.vendorBounce;
  if (v && v.bounce !== base.bounce) {
    return {
      ...base,
      bounce: v.bounce,
      label: v.bounce === 'hard' ? 'HARD' : 'SOFT',
      rule: `${base.rule}; overridden by vendor rule ${v.ruleId}`,
      why: `${v.why} (the codes alone would say ${base.bounce}: ${base.why})`,
      vendorOverride: v.ruleId,
    };
  }
  return base;
}

function basePolicy(input: DecideInput): Decision {
  switch (input.policy) {
    case 'sinch':
      return sinch(input);
    case 'recipient':
      return recipient(input);
    default:
      return rfc(input);
  }
}

function classOf(input: DecideInput): { digit: string; from: string } | undefined {
  if (/^[245]\d\d$/.test(input.replyCode))
    return { digit: input.replyCode[0] as string, from: `reply code ${input.replyCode}` };
  if (/^[245]\./.test(input.status))
    return { digit: input.status[0] as string, from: `status ${input.status}` };
  return undefined;
}

function rfc(input: DecideInput): Decision {
  const c = classOf(input);
  if (input.dsnAction === 'delayed' && c?.digit !== '5') {
    return mk(
      'rfc',
      'soft',
      'rfc: delayed',
      'Delivery is delayed and still being retried (Action: delayed).',
    );
  }
  if (c?.digit === '5')
    return mk(
      'rfc',
      'hard',
      `rfc: class 5 (${c.from})`,
      `A 5xx answer is a permanent failure (RFC 5321 4.2.1, RFC 3463).`,
    );
  if (c?.digit === '4')
    return mk(
      'rfc',
      'soft',
      `rfc: class 4 (${c.from})`,
      'A 4xx answer is a transient failure; a retry may succeed (RFC 5321 4.2.1).',
    );
  if (c?.digit === '2')
    return mk('rfc', 'soft', `rfc: class 2 (${c.from})`, 'A 2xx answer is a success, not a failure.');
  // No code in the mail: the report's own verdict.
  if (TEMPORARY_REASONS.has(input.reason))
    return mk(
      'rfc',
      'soft',
      'rfc: no code, temporary reason',
      `No code in the mail; "${input.reason}" is a temporary condition.`,
    );
  return mk(
    'rfc',
    'hard',
    'rfc: no code, reported as failed',
    'No code in the mail; the report says delivery failed permanently.',
  );
}

function recipient(input: DecideInput): Decision {
  const r = input.reason;
  if (ADDRESS_REASONS.has(r))
    return mk(
      'recipient',
      'hard',
      `recipient: ${r}`,
      `The address itself is bad (${r}): hard under the recipient rule.`,
    );
  if (r === 'notaccept') {
    const evidence = `${input.status} ${input.diagnostic}`.trim();
    const code =
      /(?<![\d.])([245])\.\d{1,3}\.\d{1,3}/.exec(evidence)?.[1] ??
      /(?<!\d)([245])\d\d(?!\d)/.exec(evidence)?.[1];
    const temporary = code === '4' || (!code && /\btemporar|\bpersistent/i.test(evidence));
    if (!temporary)
      return mk(
        'recipient',
        'hard',
        'recipient: notaccept with a 5xx',
        'The destination accepts no mail at all (null MX / no MX): hard.',
      );
    return mk(
      'recipient',
      'soft',
      'recipient: notaccept, temporary',
      'The destination does not accept mail right now (4xx): soft.',
    );
  }
  return mk(
    'recipient',
    'soft',
    `recipient: ${r}`,
    `"${r}" is not a problem with the address itself, so it is soft under the recipient rule (even with a 5xx).`,
  );
}

function sinch(input: DecideInput): Decision {
  const reply = /^[245]\d\d$/.test(input.replyCode) ? input.replyCode : '';
  const text = input.diagnostic.toLowerCase();
  const status = input.status;
  const klass = reply ? reply[0] : status ? status[0] : '';
  // A 5.x.x status without a reply code is matched as the generic permanent reply 550 (and, for
  // the 5XX storage exception, as any of its 5XX codes).
  const code = reply || (klass === '5' ? SINCH_GENERIC_5XX : '');
  const candidates: readonly string[] = reply ? [reply] : klass === '5' ? SINCH_5XX_CODES : [];
  if (code) {
    for (const e of SINCH_EXCEPTIONS) {
      if (!e.codes.some((c) => candidates.includes(c))) continue;
      const textHit = e.text?.some((t) => text.includes(t)) ?? false;
      const statusHit = e.status ? e.status.includes(status) : true;
      const aloneHit = e.statusAlone?.includes(status) ?? false;
      if ((textHit && statusHit) || aloneHit)
        return sinchMk(e.label, `sinch: ${code} exception "${e.note}"`, e.note);
    }
    const row = SINCH_ROWS.find((r) => r.codes.includes(code));
    if (row) return sinchMk(row.label, `sinch: ${code} row`, row.interpretation);
  }
  if (klass === '4' || input.dsnAction === 'delayed')
    return sinchMk('SOFT', 'sinch: 4XX general rule', 'SMTP 4XX is classed as a temporary bounce.');
  if (klass === '5')
    return sinchMk('HARD', 'sinch: 5XX general rule', 'SMTP 5XX is classed as a permanent bounce.');
  // No code at all: the report's own verdict, as under rfc.
  const r = rfc({ ...input, policy: 'rfc' });
  return sinchMk(r.bounce === 'hard' ? 'HARD' : 'SOFT', 'sinch: no code in the mail', r.why);
}

function sinchMk(label: SinchLabel, rule: string, why: string): Decision {
  const bounce: BounceType = label === 'HARD' ? 'hard' : 'soft';
  return {
    policy: 'sinch',
    bounce,
    label,
    rule,
    why:
      label === 'RETRY'
        ? `${why}. RETRY: a temporary status, retried and not counted as a bounce (${SINCH_SOURCE}).`
        : `${why} (${SINCH_SOURCE}).`,
  };
}

function mk(policy: Policy, bounce: BounceType, rule: string, why: string): Decision {
  return { policy, bounce, label: bounce === 'hard' ? 'HARD' : 'SOFT', rule, why };
}
