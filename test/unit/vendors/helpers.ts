/**
 * Test-local helpers for the vendor tests: build a VendorContext from a reply string, and read the
 * few fields the tests need from a corpus .eml (the core extractor is written elsewhere; this is
 * deliberately small and only good enough for these fixtures).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BounceType, Policy, Reason, SmtpCommand } from '../../../core/types';
import type { VendorContext } from '../../../core/vendors/types';

export const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../../../../shared/corpus');

export interface CaseOpts {
  status?: string;
  reply?: string;
  cmd?: SmtpCommand;
  rcpt?: string;
  reporting?: string;
  headers?: Record<string, string>;
  from?: string;
  subject?: string;
  body?: string;
}

/** A VendorContext as the extractor would build it from one reply line. */
export function ctxFrom(host: string, diagnostic: string, o: CaseOpts = {}): VendorContext {
  const status = o.status ?? /\b[245]\.[0-9]{1,3}\.[0-9]{1,3}\b/.exec(diagnostic)?.[0] ?? '';
  const replyCode = o.reply ?? /^([2-5][0-9]{2})[ -]/.exec(diagnostic)?.[1] ?? '';
  return {
    remoteMta: host.toLowerCase(),
    reportingMta: (o.reporting ?? 'mta1.sender.example.net').toLowerCase(),
    diagnostic,
    status,
    replyCode,
    command: o.cmd ?? '',
    recipientDomain: (o.rcpt ?? 'example.com').toLowerCase(),
    headers: o.headers ?? {},
    from: (o.from ?? '').toLowerCase(),
    subject: o.subject ?? '',
    body: o.body ?? '',
  };
}

/** One rule case: the expected top rule, its reason, and the per-policy override code. */
export interface RuleCase {
  rule: string;
  reason: Reason | undefined;
  /**
   * Expected `bounce` overrides, one character per policy in the order rfc, sinch, recipient:
   * 'h' hard, 's' soft, '-' not overridden (the policy's own table decides). A missing third
   * character means '-'.
   */
  bounce: string;
  host: string;
  d: string;
  o?: CaseOpts;
}

export function expectedBounce(code: string): Partial<Record<Policy, BounceType>> {
  const out: Partial<Record<Policy, BounceType>> = {};
  const policies: Policy[] = ['rfc', 'sinch', 'recipient'];
  policies.forEach((p, i) => {
    const c = code[i];
    if (c === 'h') out[p] = 'hard';
    if (c === 's') out[p] = 'soft';
  });
  return out;
}

// --- .eml reading ------------------------------------------------------------------------------

export interface EmlFields {
  headers: Record<string, string>;
  /** First Diagnostic-Code value (continuation lines joined), without the "smtp;" type. */
  diagnostic: string;
  status: string;
  remoteMta: string;
  reportingMta: string;
  finalRecipient: string;
  /** Human-readable text before the returned message, with base64 parts decoded. */
  body: string;
}

function unfold(block: string): string[] {
  const out: string[] = [];
  for (const line of block.split('\n')) {
    if (/^[ \t]/.test(line) && out.length) out[out.length - 1] += ` ${line.trim()}`;
    else out.push(line.trimEnd());
  }
  return out;
}

function field(lines: string[], name: string): string {
  const re = new RegExp(`^${name}\\s*:\\s*(.*)$`, 'i');
  for (const l of lines) {
    const m = re.exec(l);
    if (m?.[1] !== undefined) return m[1].trim();
  }
  return '';
}

export function readEml(file: string): EmlFields {
  const raw = readFileSync(join(CORPUS, 'eml', file), 'utf8').replace(/\r\n/g, '\n');
  const split = raw.indexOf('\n\n');
  const headLines = unfold(raw.slice(0, split));
  const headers: Record<string, string> = {};
  for (const l of headLines) {
    const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(l);
    if (m?.[1] && m[2] !== undefined && headers[m[1].toLowerCase()] === undefined) {
      headers[m[1].toLowerCase()] = m[2];
    }
  }
  const rest = raw.slice(split + 2);
  const lines = unfold(rest);
  const diag = field(lines, 'Diagnostic-Code').replace(/^[a-z-]{2,20};\s*/i, '');
  const stripType = (v: string) =>
    v
      .replace(/^[a-z-]{2,20};\s*/i, '')
      .replace(/\s*\[.*$/, '')
      .trim();
  // Body: cut at the returned message; decode base64 blocks so their text is searchable.
  const cut = rest.search(
    /^(?:Content-Type:\s*(?:message\/rfc822|text\/rfc822-headers)|--- Below this line|------ This is a copy|--- The header of the original message)/im,
  );
  let body = cut > 0 ? rest.slice(0, cut) : rest;
  body = body.replace(
    /Content-Transfer-Encoding:\s*base64\s*\n\s*\n([A-Za-z0-9+/=\n]{16,})/gi,
    (_m, b64: string) => Buffer.from(b64.replace(/\n/g, ''), 'base64').toString('utf8'),
  );
  let remote = stripType(field(lines, 'Remote-MTA'));
  if (!remote) remote = /host ([a-z0-9.-]+)\s?\[/i.exec(body)?.[1] ?? '';
  return {
    headers,
    diagnostic: diag,
    status: field(lines, 'Status'),
    remoteMta: remote.toLowerCase(),
    reportingMta: stripType(field(lines, 'Reporting-MTA')).toLowerCase(),
    finalRecipient: stripType(field(lines, 'Final-Recipient')).toLowerCase(),
    body,
  };
}

/** A VendorContext for the (first) failed recipient of a corpus file. */
export function ctxFromEml(file: string, override: Partial<VendorContext> = {}): VendorContext {
  const e = readEml(file);
  const rcpt = e.finalRecipient || e.headers['x-failed-recipients'] || '';
  const replyCode = /^([2-5][0-9]{2})[ -]/.exec(e.diagnostic)?.[1] ?? '';
  return {
    remoteMta: e.remoteMta,
    reportingMta: e.reportingMta,
    diagnostic: e.diagnostic,
    status: e.status,
    replyCode,
    command: '',
    recipientDomain: rcpt.includes('@') ? (rcpt.split('@')[1] ?? '') : '',
    headers: e.headers,
    from: (e.headers.from ?? '').toLowerCase(),
    subject: e.headers.subject ?? '',
    body: e.body,
    ...override,
  };
}

export interface Label {
  file: string;
  reason: string;
  deliverystatus: string;
  replycode: string;
  rhost: string;
  diagnosticcode: string;
}

export function labels(): Label[] {
  return readFileSync(join(CORPUS, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Label);
}
