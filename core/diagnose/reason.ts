/**
 * The reason step: given the fields extracted for one failed recipient, name the reason in Sisimai's
 * vocabulary and say which code or phrase decided. A generic engine: every code, phrase and the order
 * they are weighed in live in core/knowledge/reasons.ts.
 *
 * Passes (see PRIMARY_ORDER, SECONDARY_ORDER, PRE_STATUS_RULES, FALLBACK_RULES):
 *   1. 2.x.x status -> delivered.
 *   2. Primary probes, in order (SMTP diagnostics): status codes, reply codes, phrases, SMTP command.
 *   3. Secondary phrase families, when the status says nothing or only suggests a reason.
 *   4. Pre-status rules: X-Unix diagnostic type, refused at MAIL FROM (PRE_STATUS_RULES).
 *   5. The status code's own reason.
 *   6. Fallbacks: status class X.6 / X.7, 50x/40x reply, Action delayed, refused at connection.
 *   7. Any text left -> onhold; nothing at all -> undefined.
 */

import { findCommand } from '../extract/command';
import { reasonText } from '../knowledge/reason-text';
import {
  FALLBACK_RULES,
  type Guard,
  PHRASE_FAMILY_REASON,
  type PhraseKey,
  PRE_STATUS_RULES,
  PRIMARY_DIAGNOSTIC_TYPES,
  PRIMARY_ORDER,
  type Probe,
  QUOTED_SMTP_REPLY,
  REASON_PHRASES,
  REASON_TEXT_LIMIT,
  REPLY_RULES,
  type ReasonPattern,
  type ReplyRule,
  SECONDARY_ORDER,
  SMTP_DIAGNOSTIC_TYPE,
  SMTP_LIKE_DIAGNOSTIC_TYPES,
  STATUS_RULES,
  type StatusRule,
  WEAK_STATUS_REASONS,
} from '../knowledge/reasons';
import type { DsnAction, Reason, SmtpCommand } from '../types';
import { unionForLowerCase } from '../util/regex';
import { statusMeaning } from './meanings';

export interface ReasonInput {
  /** Enhanced status code ("5.1.1"), or '' when unknown. Never a Sisimai pseudo code. */
  status: string;
  /** Basic SMTP reply code ("550"), or ''. */
  replyCode: string;
  /** The remote server's text (Diagnostic-Code or the human-readable equivalent), or ''. */
  diagnostic: string;
  dsnAction: DsnAction | '';
  /** The SMTP command the reply answered, or '' (then it is inferred from the text when possible). */
  command: SmtpCommand | '';
  /** Diagnostic-Code type ("SMTP", "X-Unix", "X-Postfix"...), or ''. */
  diagnosticType: string;
}

export interface ReasonResult {
  reason: Reason;
  /** Plain sentence: which code or phrase decided. */
  why: string;
  /** The phrase or code that matched. */
  matched?: string;
}

/* ------------------------------------------------------------------------------------------------
 * Tables compiled once
 * ---------------------------------------------------------------------------------------------- */

interface CompiledPattern {
  pattern: ReasonPattern;
  source: string;
}

const PHRASES = new Map<PhraseKey, CompiledPattern[]>();
/**
 * One prefilter per family: an alternation of all its phrases and patterns (for the lower-cased
 * text, see unionForLowerCase), so a family whose words are absent costs one regex pass instead of
 * one scan per phrase. The family's own list, in order, still decides which phrase matched.
 */
const FAMILY_ANY = new Map<PhraseKey, RegExp>();
for (const [key, groups] of Object.entries(REASON_PHRASES) as [
  PhraseKey,
  (typeof REASON_PHRASES)[PhraseKey],
][]) {
  const list: CompiledPattern[] = [];
  for (const g of groups ?? []) for (const p of g.patterns) list.push({ pattern: p, source: g.source });
  PHRASES.set(key, list);
  // the text is lower-cased (normaliseReasonText)
  const any = unionForLowerCase(list.map((c) => c.pattern));
  if (any) FAMILY_ANY.set(key, any);
}

/** Exact class-specific codes first ("5.2.1"), then the "X." form for both classes. */
const STATUS = new Map<string, StatusRule>();
for (const r of STATUS_RULES) {
  if (r.code.startsWith('X.')) {
    const rest = r.code.slice(1);
    for (const cls of ['4', '5']) if (!STATUS.has(cls + rest)) STATUS.set(cls + rest, r);
  } else {
    STATUS.set(r.code, r);
  }
}
// Class-specific entries must win over an "X." entry listed earlier.
for (const r of STATUS_RULES) if (!r.code.startsWith('X.')) STATUS.set(r.code, r);

const WEAK = new Set<Reason | ''>(['', ...WEAK_STATUS_REASONS]);

const STATUS_SHAPE = /^([245])\.(\d{1,3})\.(\d{1,3})$/;

/* ------------------------------------------------------------------------------------------------
 * Helpers
 * ---------------------------------------------------------------------------------------------- */

/**
 * The diagnostic type the passes go by: SMTP for the SMTP-like types and when another type's text
 * quotes the remote reply.
 */
function smtpOrGiven(type: string, text: string): string {
  if (!type || type === SMTP_DIAGNOSTIC_TYPE) return type;
  return SMTP_LIKE_DIAGNOSTIC_TYPES.includes(type) || QUOTED_SMTP_REPLY.test(text)
    ? SMTP_DIAGNOSTIC_TYPE
    : type;
}

/** Lower-case, single-spaced, apostrophes folded, cut to REASON_TEXT_LIMIT. Linear time. */
export function normaliseReasonText(diagnostic: string): string {
  const head = diagnostic.length > REASON_TEXT_LIMIT ? diagnostic.slice(0, REASON_TEXT_LIMIT) : diagnostic;
  return head
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** "5.01.001" -> "5.1.1"; anything not shaped like an enhanced status code -> ''. */
export function normaliseStatus(status: string): string {
  const m = STATUS_SHAPE.exec(status.trim());
  if (!m) return '';
  return `${m[1]}.${Number(m[2])}.${Number(m[3])}`;
}

/** The SMTP command a reply answered, read from cues such as "(in reply to RCPT TO command)". */
export function inferCommand(text: string): SmtpCommand | '' {
  const t = text.length > REASON_TEXT_LIMIT ? normaliseReasonText(text) : text;
  return findCommand(t) ?? '';
}

function matchPattern(text: string, p: ReasonPattern): string | undefined {
  if (typeof p === 'string') return text.includes(p) ? p : undefined;
  const m = p.exec(text);
  return m ? m[0] : undefined;
}

interface FamilyMatch {
  matched: string;
  source: string;
}

function scanFamily(text: string, key: PhraseKey): FamilyMatch | null {
  if (!text) return null;
  const any = FAMILY_ANY.get(key);
  if (any && !any.test(text)) return null;
  for (const c of PHRASES.get(key) ?? []) {
    const m = matchPattern(text, c.pattern);
    if (m !== undefined) return { matched: m, source: c.source };
  }
  return null;
}

function replyRule(reply: number, key: keyof typeof REPLY_RULES): ReplyRule | undefined {
  if (!Number.isFinite(reply)) return undefined;
  return REPLY_RULES[key].find((r) => reply >= r.from && reply <= r.to);
}

interface Context {
  status: string;
  statusReason: Reason | '';
  statusRule?: StatusRule;
  reply: number;
  replyCode: string;
  text: string;
  command: SmtpCommand | '';
  action: string;
  diagnosticType: string;
  /** Each family is scanned at most once per decision. */
  seen: Map<PhraseKey, FamilyMatch | null>;
}

function matchFamily(ctx: Context, key: PhraseKey): FamilyMatch | undefined {
  let m = ctx.seen.get(key);
  if (m === undefined) {
    m = scanFamily(ctx.text, key);
    ctx.seen.set(key, m);
  }
  return m ?? undefined;
}

function guardHolds(g: Guard, ctx: Context): boolean {
  if (g.commands && !g.commands.includes(ctx.command)) return false;
  if (g.notCommands?.includes(ctx.command)) return false;
  if (g.statusReasons && !g.statusReasons.includes(ctx.statusReason)) return false;
  if (g.notStatusReasons?.includes(ctx.statusReason)) return false;
  return true;
}

function quote(s: string): string {
  const t = s.length > 80 ? `${s.slice(0, 77)}...` : s;
  return `"${t}"`;
}

function statusWhy(ctx: Context, reason: Reason): string {
  const iana = statusMeaning(ctx.status);
  const label = iana?.registered ? ` (${iana.summary})` : '';
  const note = ctx.statusRule?.note ? ` ${ctx.statusRule.note}` : '';
  return `Status ${ctx.status}${label} means ${reasonText(reason)}.${note}`;
}

function phraseWhy(reason: Reason, matched: string, ctx: Context): string {
  const at = ctx.command ? ` (in reply to ${ctx.command === 'CONN' ? 'the connection' : ctx.command})` : '';
  return `The server's text says ${quote(matched)}${at}: ${reasonText(reason)}.`;
}

function result(reason: Reason, why: string, matched?: string): ReasonResult {
  return matched === undefined ? { reason, why } : { reason, why, matched };
}

function runProbe(p: Probe, ctx: Context): ReasonResult | undefined {
  if (p.when && !guardHolds(p.when, ctx)) return undefined;
  const families: readonly PhraseKey[] = p.phrases ?? [p.reason as PhraseKey];
  const phrasesAllowed = !p.phrasesWhen || p.phrasesWhen.some((g) => guardHolds(g, ctx));

  if (p.status && ctx.statusReason === p.reason) {
    if (p.status === 'decides') {
      const over = p.statusGivesWayTo?.find((k) => matchFamily(ctx, k));
      if (!over) return result(p.reason, statusWhy(ctx, p.reason), ctx.status);
    } else {
      for (const k of families) {
        const m = matchFamily(ctx, k);
        if (m) {
          return result(
            p.reason,
            `Status ${ctx.status} with the text ${quote(m.matched)} means ${reasonText(p.reason)}.`,
            m.matched,
          );
        }
      }
    }
  }

  if (p.reply) {
    const r = replyRule(ctx.reply, p.reply);
    if (r) return result(p.reason, `Reply code ${ctx.replyCode} means ${r.meaning}.`, ctx.replyCode);
  }

  if (p.commands && ctx.command && (p.commands as readonly string[]).includes(ctx.command)) {
    const where = ctx.command === 'CONN' ? 'at connection time' : `at ${ctx.command}`;
    return result(
      p.reason,
      `The server refused ${where}, before any mail was sent: ${reasonText(p.reason)}.`,
      ctx.command,
    );
  }

  if (p.commands && !p.phrases) return undefined;
  if (!phrasesAllowed) return undefined;
  for (const k of families) {
    const m = matchFamily(ctx, k);
    if (m) return result(p.reason, phraseWhy(p.reason, m.matched, ctx), m.matched);
  }
  return undefined;
}

/* ------------------------------------------------------------------------------------------------
 * The decision
 * ---------------------------------------------------------------------------------------------- */

export function decideReason(input: ReasonInput): ReasonResult {
  const status = normaliseStatus(input.status ?? '');
  if (status.startsWith('2.'))
    return result('delivered', `Status ${status} reports a successful delivery.`, status);

  const text = normaliseReasonText(input.diagnostic ?? '');
  const given = input.command ?? '';
  const inferred = given ? '' : inferCommand(text);
  // `status` is already normalised ('' when absent or malformed).
  const statusRule = status ? STATUS.get(status) : undefined;
  const replyCode = (input.replyCode ?? '').trim();
  const ctx: Context = {
    status,
    statusReason: statusRule?.reason ?? '',
    ...(statusRule ? { statusRule } : {}),
    reply: /^[2-5]\d\d$/.test(replyCode) ? Number(replyCode) : Number.NaN,
    replyCode,
    text,
    command: given || inferred,
    action: (input.dsnAction ?? '').toLowerCase(),
    diagnosticType: smtpOrGiven((input.diagnosticType ?? '').trim().toLowerCase(), text),
    seen: new Map(),
  };

  if (PRIMARY_DIAGNOSTIC_TYPES.includes(ctx.diagnosticType)) {
    for (const p of PRIMARY_ORDER) {
      const r = runProbe(p, ctx);
      if (r) return r;
    }
  }

  if (WEAK.has(ctx.statusReason) || ctx.diagnosticType !== SMTP_DIAGNOSTIC_TYPE) {
    for (const k of SECONDARY_ORDER) {
      const m = matchFamily(ctx, k);
      if (m) {
        const reason = PHRASE_FAMILY_REASON[k];
        return result(reason, phraseWhy(reason, m.matched, ctx), m.matched);
      }
    }
  }

  for (const r of PRE_STATUS_RULES) {
    if (r.diagnosticTypePrefix !== undefined && !ctx.diagnosticType.startsWith(r.diagnosticTypePrefix))
      continue;
    if (!guardHolds(r.when, ctx)) continue;
    return result(r.reason, r.why, r.matched === 'command' ? ctx.command : input.diagnosticType);
  }

  if (ctx.statusReason) return result(ctx.statusReason, statusWhy(ctx, ctx.statusReason), status);

  for (const f of FALLBACK_RULES) {
    switch (f.kind) {
      case 'status-class':
        if (status.startsWith(f.prefix)) return result(f.reason, `Status ${status} ${f.meaning}.`, status);
        break;
      case 'reply': {
        const r = replyRule(ctx.reply, f.rules);
        if (r) return result(r.reason, `Reply code ${replyCode} means ${r.meaning}.`, replyCode);
        break;
      }
      case 'action':
        if (f.actions.includes(ctx.action))
          return result(f.reason, `Nothing more specific was found and ${f.meaning}.`, ctx.action);
        break;
      case 'command':
        if (ctx.command && (f.commands as readonly string[]).includes(ctx.command)) {
          return result(f.reason, `The server refused ${f.meaning}.`, ctx.command);
        }
        break;
    }
  }

  if (text) return result('onhold', 'The server gave a reason in words that match no known pattern.');
  return result('undefined', 'The bounce gives no status code and no text to read a reason from.');
}
