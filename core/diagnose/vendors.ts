/**
 * Vendor quirk engine: which receiver (or filter) answered, and which of its documented quirks
 * applies to this recipient. Generic: it only reads the tables in core/vendors/* through the
 * registry; no vendor is named here.
 *
 *   matchVendors(ctx)  -> VendorMatch[] (best first)
 *   toFinding(match)   -> VendorFinding for the verdict
 *
 * Semantics (see core/vendors/types.ts):
 * - A vendor is recognised by any one signal. Signals on the answering side (Remote-MTA host, a
 *   vendor token in the diagnostic, the recipient's domain when no Remote-MTA is named) let all
 *   its rules apply; signals that
 *   only identify the system that wrote the bounce (its headers, From, Subject, Reporting-MTA)
 *   let only rules with `scope: 'any'` apply, unless no other Remote-MTA is named and either the
 *   Reporting-MTA is the vendor's (it wrote about its own mailbox) or the vendor reports its own
 *   verdicts (`ownVerdicts`).
 * - `standalone` rules apply without recognition (their token is unique).
 * - Conditions of a rule AND together; entries inside one condition OR together.
 * - Ranking: recognition strength plus rule specificity (tokens > text > codes), then registry
 *   order, then rule order in its file.
 *
 * Cost: tables are compiled once per registry (WeakMap); per call the diagnostic is normalised
 * once, vendors are skipped after a few anchored host tests and token scans, and cheap code
 * conditions are checked before any text regex. All regexes in the tables are linear-time safe.
 */
import type { VendorFinding } from '../types';
import { union } from '../util/regex';
import { VENDORS } from '../vendors/index';
import type { Vendor, VendorContext, VendorMatch, VendorRule, VendorSide } from '../vendors/types';

/** The diagnostic is scanned up to this many characters, the body fallback up to this many. */
const DIAGNOSTIC_CAP = 8_192;
const BODY_CAP = 16_384;

const STRENGTH = {
  remoteHost: 50,
  token: 40,
  ownVerdict: 30,
  reportingHostAlone: 25,
  recipientDomain: 20,
  reporting: 10,
  standalone: 0,
} as const;

const WEIGHT = {
  tokens: 40,
  text: 12,
  statusExact: 8,
  statusRange: 6,
  statusPrefix: 4,
  replyExact: 3,
  replyClass: 1,
  command: 6,
  hosts: 6,
  headers: 6,
} as const;

interface Range {
  prefix: string; // "5.7."
  lo: number;
  hi: number;
}

interface CompiledRule {
  rule: VendorRule;
  order: number;
  ranges: readonly Range[];
  /** Specificity of the rule's own conditions. */
  weight: number;
  any: boolean;
}

interface CompiledVendor {
  vendor: Vendor;
  order: number;
  rules: readonly CompiledRule[];
  standalone: readonly CompiledRule[];
  hasAnyScope: boolean;
  /** The vendor's recognition tokens in one prefilter (the exact patterns still decide). */
  anyToken: RegExp | undefined;
  /** The vendor's recognition headers, names lower-cased. */
  headers: readonly HeaderWant[];
}

interface Compiled {
  vendors: readonly CompiledVendor[];
  /**
   * Case-insensitive unions of every vendor's recognition tokens and of every standalone rule's
   * tokens/text: one pass over the text tells whether any of them can match at all (the usual
   * answer is no), so the per-vendor scans only run when one might. A superset test only: the
   * exact patterns still decide.
   */
  anyToken: RegExp | undefined;
  anyStandalone: RegExp | undefined;
  /** Unions of the recognition hosts, recipient domains, From and Subject patterns. */
  anyHost: RegExp | undefined;
  anyDomain: RegExp | undefined;
  anyFrom: RegExp | undefined;
  anySubject: RegExp | undefined;
  /** Every recognition header name (lower case): a bounce with none of them skips the per-vendor checks. */
  headerNames: readonly string[];
}

const cache = new WeakMap<readonly Vendor[], Compiled>();

function parseRange([from, to]: readonly [string, string]): Range {
  const a = from.split('.');
  const b = to.split('.');
  const prefix = `${a[0]}.${a[1]}.`;
  if (a.length !== 3 || b.length !== 3 || `${b[0]}.${b[1]}.` !== prefix) {
    throw new Error(`bad status range ${from}-${to}`);
  }
  return { prefix, lo: Number(a[2]), hi: Number(b[2]) };
}

function ruleWeight(rule: VendorRule): number {
  const m = rule.match;
  let w = 0;
  if (m.tokens?.length) w += WEIGHT.tokens;
  if (m.text?.length) w += WEIGHT.text;
  if (m.status?.length || m.statusRange?.length) {
    const exact = m.status?.some((s) => !s.endsWith('.')) ?? false;
    w += exact ? WEIGHT.statusExact : m.statusRange?.length ? WEIGHT.statusRange : WEIGHT.statusPrefix;
  }
  if (m.reply?.length) w += m.reply.some((r) => r.length === 3) ? WEIGHT.replyExact : WEIGHT.replyClass;
  if (m.command?.length) w += WEIGHT.command;
  if (m.hosts?.length) w += WEIGHT.hosts;
  if (m.headers?.length) w += WEIGHT.headers;
  if (m.dsnFields?.length) w += WEIGHT.headers;
  return w;
}

function compile(vendors: readonly Vendor[]): Compiled {
  const hit = cache.get(vendors);
  if (hit) return hit;
  const list = vendors.map((vendor, order): CompiledVendor => {
    const rules = vendor.rules.map(
      (rule, i): CompiledRule => ({
        rule,
        order: i,
        ranges: (rule.match.statusRange ?? []).map(parseRange),
        weight: ruleWeight(rule),
        any: rule.scope === 'any',
      }),
    );
    return {
      vendor,
      order,
      rules,
      standalone: rules.filter((r) => r.rule.standalone),
      hasAnyScope: rules.some((r) => r.any),
      anyToken: union(vendor.recognize.tokens ?? []),
      headers: headerWants(vendor.recognize.headers ?? []),
    };
  });
  const out: Compiled = {
    vendors: list,
    anyToken: union(vendors.flatMap((v) => v.recognize.tokens ?? [])),
    anyHost: union(vendors.flatMap((v) => v.recognize.hosts ?? [])),
    anyDomain: union(vendors.flatMap((v) => v.recognize.recipientDomains ?? [])),
    anyFrom: union(vendors.flatMap((v) => v.recognize.from ?? [])),
    anySubject: union(vendors.flatMap((v) => v.recognize.subjects ?? [])),
    headerNames: [...new Set(list.flatMap((cv) => cv.headers.map((h) => h.lower)))],
    anyStandalone: union(
      list.flatMap((cv) =>
        cv.standalone.flatMap((cr) => [...(cr.rule.match.tokens ?? []), ...(cr.rule.match.text ?? [])]),
      ),
    ),
  };
  cache.set(vendors, out);
  return out;
}

// --- per-call preparation ----------------------------------------------------------------------

const WS = /\s+/g;
/** A leading reply code, after an optional "smtp;" type prefix. */
const LEAD = /^(?:[a-z-]{2,20}; ?)?([2-5][0-9]{2})[ -]/i;
/** Continuation markers inside a joined multi-line reply: " 550-5.7.1 " or a repeated " 550 5.7.1 ". */
const CONT = / ([2-5][0-9]{2})([ -])(?:[2-5]\.[0-9]{1,3}\.[0-9]{1,3} )?/g;
const ENHANCED = /\b([245]\.[0-9]{1,3}\.[0-9]{1,3})\b/;
const REPLY = /(?:^|[\s:;'"(#])([245][0-9]{2})(?=[\s-])/;

/**
 * The last text normalised: the vendor match and the cause diagnosis (core/diagnose/causes.ts) read
 * the same recipient's diagnostic one after the other, so the second call reuses the first's result.
 */
let lastNormalized: { s: string; cap: number; out: string } | undefined;

/** Joins continuation lines into one readable text so phrases split by "550-5.7.1" still match. */
export function normalizeDiagnostic(s: string, cap = DIAGNOSTIC_CAP): string {
  if (lastNormalized?.s === s && lastNormalized.cap === cap) return lastNormalized.out;
  const capped = s.length > cap ? s.slice(0, cap) : s;
  const t = capped.replace(WS, ' ').trim();
  const lead = LEAD.exec(t)?.[1];
  const out = t.replace(CONT, (m, code: string, sep: string) => (sep === '-' || code === lead ? ' ' : m));
  lastNormalized = { s, cap, out };
  return out;
}

interface Prepared {
  ctx: VendorContext;
  /** Some vendor's recognition token may be in the text. */
  mayHaveToken: boolean;
  /** Some standalone rule's token or text may be in the text. */
  mayHaveStandalone: boolean;
  /** Some vendor may recognise the remote host / reporting host / recipient domain / From / Subject. */
  mayRemote: boolean;
  mayReporting: boolean;
  mayDomain: boolean;
  mayFrom: boolean;
  maySubject: boolean;
  /** Text the rules read: the diagnostic, or the body when there is no diagnostic. */
  text: string;
  statuses: readonly string[];
  replies: readonly string[];
  /** Per vendor (registry order): the recognition header present in the bounce's headers, if any. */
  headerHits: readonly (string | undefined)[];
  /** The recipient's DSN group has extension fields (X-...). */
  hasDsnFields: boolean;
}

/**
 * The body fallback is the same for every recipient of a message: its normalised text and the
 * token scans over it are kept for the last body seen (a hostile report lists thousands of
 * recipients without a diagnostic).
 */
let lastBody: { c: Compiled; body: string; text: string; token: boolean; standalone: boolean } | undefined;
/** Header recognition is per message too: kept for the last header set seen. */
let lastHeaders: { c: Compiled; headers: VendorContext['headers']; hits: (string | undefined)[] } | undefined;

function headerHits(c: Compiled, headers: VendorContext['headers']): readonly (string | undefined)[] {
  if (lastHeaders?.c !== c || lastHeaders.headers !== headers) {
    const some = c.headerNames.some((n) => headers[n] !== undefined);
    lastHeaders = { c, headers, hits: some ? c.vendors.map((cv) => wantedHeader(cv.headers, headers)) : [] };
  }
  return lastHeaders.hits;
}

function prepare(ctx: VendorContext, c: Compiled): Prepared {
  const diag = normalizeDiagnostic(ctx.diagnostic);
  let text = diag;
  let mayHaveToken: boolean;
  let mayHaveStandalone: boolean;
  if (diag) {
    mayHaveToken = !!c.anyToken?.test(diag);
    mayHaveStandalone = !!c.anyStandalone?.test(diag);
  } else {
    if (lastBody?.c !== c || lastBody.body !== ctx.body) {
      const t = normalizeDiagnostic(ctx.body, BODY_CAP);
      lastBody = {
        c,
        body: ctx.body,
        text: t,
        token: !!c.anyToken?.test(t),
        standalone: !!c.anyStandalone?.test(t),
      };
    }
    text = lastBody.text;
    mayHaveToken = lastBody.token;
    mayHaveStandalone = lastBody.standalone;
  }
  const head = text.slice(0, 400);
  const statuses: string[] = [];
  if (ctx.status) statuses.push(ctx.status);
  const e = ENHANCED.exec(head)?.[1];
  if (e && e !== ctx.status) statuses.push(e);
  const replies: string[] = [];
  if (ctx.replyCode) replies.push(ctx.replyCode);
  const r = REPLY.exec(head)?.[1];
  if (r && r !== ctx.replyCode) replies.push(r);
  return {
    ctx,
    text,
    statuses,
    replies,
    headerHits: headerHits(c, ctx.headers),
    hasDsnFields: Object.keys(ctx.dsnFields).length > 0,
    mayHaveToken,
    mayHaveStandalone,
    mayRemote: !!ctx.remoteMta && !!c.anyHost?.test(ctx.remoteMta),
    mayReporting: !!ctx.reportingMta && !!c.anyHost?.test(ctx.reportingMta),
    mayDomain: !!ctx.recipientDomain && !!c.anyDomain?.test(ctx.recipientDomain),
    mayFrom: !!ctx.from && !!c.anyFrom?.test(ctx.from),
    maySubject: !!ctx.subject && !!c.anySubject?.test(ctx.subject),
  };
}

// --- recognition -------------------------------------------------------------------------------

interface Recognition {
  side: VendorSide;
  matchedBy: string;
  strength: number;
}

const firstMatch = (patterns: readonly RegExp[] | undefined, s: string): string | undefined => {
  if (!patterns || !s) return undefined;
  for (const p of patterns) {
    const m = p.exec(s);
    if (m) return m[0];
  }
  return undefined;
};

const clip = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}...` : s);

/** A header condition with its name lower-cased once (the bounce's header names are lower case). */
interface HeaderWant {
  name: string;
  lower: string;
  value?: RegExp;
}

const HEADER_WANTS = new WeakMap<readonly { name: string; value?: RegExp }[], readonly HeaderWant[]>();
function headerWants(wanted: readonly { name: string; value?: RegExp }[]): readonly HeaderWant[] {
  let w = HEADER_WANTS.get(wanted);
  if (!w) {
    w = wanted.map((h) => ({ ...h, lower: h.name.toLowerCase() }));
    HEADER_WANTS.set(wanted, w);
  }
  return w;
}

function headerMatch(
  wanted: readonly { name: string; value?: RegExp }[] | undefined,
  headers: Readonly<Record<string, string>>,
): string | undefined {
  return wanted?.length ? wantedHeader(headerWants(wanted), headers) : undefined;
}

function wantedHeader(
  wanted: readonly HeaderWant[],
  headers: Readonly<Record<string, string>>,
): string | undefined {
  for (const h of wanted) {
    const v = headers[h.lower];
    if (v === undefined) continue;
    if (!h.value || h.value.test(v)) return h.name;
  }
  return undefined;
}

function recognise(cv: CompiledVendor, p: Prepared): Recognition | undefined {
  const { ctx } = p;
  const r = cv.vendor.recognize;
  if (p.mayRemote && r.hosts?.some((h) => h.test(ctx.remoteMta))) {
    return {
      side: 'answering',
      matchedBy: `remote host ${clip(ctx.remoteMta)}`,
      strength: STRENGTH.remoteHost,
    };
  }
  const token = p.mayHaveToken && cv.anyToken?.test(p.text) ? firstMatch(r.tokens, p.text) : undefined;
  if (token) return { side: 'answering', matchedBy: `token "${clip(token)}"`, strength: STRENGTH.token };
  // The recipient's domain says who answered only when no Remote-MTA is named: a named host that is
  // not the vendor's (the sender's own relay, a filter in front) answered instead.
  if (!ctx.remoteMta && p.mayDomain && r.recipientDomains?.some((d) => d.test(ctx.recipientDomain))) {
    return {
      side: 'answering',
      matchedBy: `recipient domain ${ctx.recipientDomain}`,
      strength: STRENGTH.recipientDomain,
    };
  }
  let by: string | undefined;
  if (p.mayReporting && r.hosts?.some((h) => h.test(ctx.reportingMta))) {
    by = `reporting host ${clip(ctx.reportingMta)}`;
    // No other server is named: the reporting host wrote the diagnostic about its own mailbox.
    if (!ctx.remoteMta) return { side: 'answering', matchedBy: by, strength: STRENGTH.reportingHostAlone };
  } else {
    const h = p.headerHits[cv.order];
    const d = !h && p.hasDsnFields && r.dsnFields ? headerMatch(r.dsnFields, ctx.dsnFields) : undefined;
    if (h) by = `header ${h}`;
    else if (d) by = `DSN field ${d}`;
    else if (p.mayFrom && firstMatch(r.from, ctx.from)) by = `From ${clip(ctx.from)}`;
    else if (p.maySubject && firstMatch(r.subjects, ctx.subject)) by = `subject "${clip(ctx.subject)}"`;
  }
  if (!by) return undefined;
  // A filter reporting its own refusal: its words are the answer, unless another Remote-MTA is named.
  if (r.ownVerdicts && !ctx.remoteMta)
    return { side: 'answering', matchedBy: by, strength: STRENGTH.ownVerdict };
  return { side: 'reporting', matchedBy: by, strength: STRENGTH.reporting };
}

// --- rule conditions ---------------------------------------------------------------------------

function statusOk(cr: CompiledRule, statuses: readonly string[]): boolean {
  const prefixes = cr.rule.match.status;
  for (const s of statuses) {
    if (prefixes) {
      for (const pre of prefixes) {
        if (pre.endsWith('.') ? s.startsWith(pre) : s === pre || s.startsWith(`${pre}.`)) return true;
      }
    }
    for (const r of cr.ranges) {
      if (s.startsWith(r.prefix)) {
        const n = Number(s.slice(r.prefix.length));
        if (n >= r.lo && n <= r.hi) return true;
      }
    }
  }
  return false;
}

/** The rule's own conditions; recognition is decided by the caller. */
function ruleMatches(cr: CompiledRule, p: Prepared): boolean {
  const m = cr.rule.match;
  const { ctx } = p;
  if (m.command?.length && (!ctx.command || !m.command.includes(ctx.command))) return false;
  if (m.reply?.length && !p.replies.some((r) => m.reply?.some((x) => r.startsWith(x)))) return false;
  if ((m.status?.length || cr.ranges.length) && !statusOk(cr, p.statuses)) return false;
  if (m.hosts?.length) {
    const hostOk = m.hosts.some(
      (h) => (ctx.remoteMta && h.test(ctx.remoteMta)) || (ctx.reportingMta && h.test(ctx.reportingMta)),
    );
    if (!hostOk) return false;
  }
  if (m.headers?.length && !headerMatch(m.headers, ctx.headers)) return false;
  if (m.dsnFields?.length && !headerMatch(m.dsnFields, ctx.dsnFields)) return false;
  if (m.tokens?.length && !m.tokens.some((t) => t.test(p.text))) return false;
  if (m.text?.length && !m.text.some((t) => t.test(p.text))) return false;
  return true;
}

const NONE: readonly CompiledRule[] = [];

// --- public API --------------------------------------------------------------------------------

/** All vendor rules that apply to this recipient, best first. */
export function matchVendors(ctx: VendorContext, vendors: readonly Vendor[] = VENDORS): VendorMatch[] {
  const compiled = compile(vendors);
  const p = prepare(ctx, compiled);
  const found: { m: VendorMatch; vendorOrder: number; ruleOrder: number }[] = [];
  for (const cv of compiled.vendors) {
    const rec = recognise(cv, p);
    const answering = rec?.side === 'answering';
    const candidates = answering
      ? cv.rules
      : rec && cv.hasAnyScope
        ? cv.rules
        : p.mayHaveStandalone
          ? cv.standalone
          : NONE;
    for (const cr of candidates) {
      let side: VendorSide;
      let matchedBy: string;
      let strength: number;
      if (answering && rec) {
        ({ side, matchedBy, strength } = rec);
      } else if (rec && cr.any) {
        ({ side, matchedBy, strength } = rec);
      } else if (cr.rule.standalone) {
        side = 'standalone';
        strength = STRENGTH.standalone;
        matchedBy = '';
      } else {
        continue;
      }
      if (!ruleMatches(cr, p)) continue;
      if (side === 'standalone') {
        const t = firstMatch(cr.rule.match.tokens, p.text) ?? firstMatch(cr.rule.match.text, p.text);
        matchedBy = t ? `token "${clip(t)}"` : 'standalone rule';
      }
      found.push({
        m: { vendor: cv.vendor, rule: cr.rule, matchedBy, side, score: strength + cr.weight },
        vendorOrder: cv.order,
        ruleOrder: cr.order,
      });
    }
  }
  found.sort((a, b) => b.m.score - a.m.score || a.vendorOrder - b.vendorOrder || a.ruleOrder - b.ruleOrder);
  return found.map((f) => f.m);
}

/**
 * Which vendors this recipient's bounce shows, and on which side (answering or reporting), whether
 * or not one of their rules applies. For explanations ("reported by Yahoo; the refusal came from
 * another server") and tests.
 */
export function recogniseVendors(
  ctx: VendorContext,
  vendors: readonly Vendor[] = VENDORS,
): { vendor: Vendor; side: VendorSide; matchedBy: string }[] {
  const compiled = compile(vendors);
  const p = prepare(ctx, compiled);
  const out: { vendor: Vendor; side: VendorSide; matchedBy: string }[] = [];
  for (const cv of compiled.vendors) {
    const rec = recognise(cv, p);
    if (rec) out.push({ vendor: cv.vendor, side: rec.side, matchedBy: rec.matchedBy });
  }
  return out;
}

/** The finding shown to the reader for one match. */
export function toFinding(m: VendorMatch): VendorFinding {
  const { vendor, rule } = m;
  const links = [...(rule.links ?? [])];
  if (vendor.postmaster && !links.includes(vendor.postmaster)) links.push(vendor.postmaster);
  const finding: VendorFinding = {
    vendorId: vendor.id,
    vendor: vendor.name,
    ruleId: rule.id,
    meaning: rule.meaning,
    practice: rule.practice,
    note: rule.note,
    remediation: rule.remediation,
    links,
    source: rule.source,
    matchedBy: m.matchedBy,
  };
  if (rule.reason) finding.reason = rule.reason;
  return finding;
}
