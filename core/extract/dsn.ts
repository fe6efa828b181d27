/**
 * RFC 3464 delivery-status fields: one per-message group, then one group per recipient, separated by
 * empty lines. Real MTAs bend the format (no empty lines, missing address types, "Status: 553 text",
 * folded Diagnostic-Code), so groups are also split where a new Final-Recipient starts.
 */
import type { DsnAction, Evidence } from '../types';
import { findEnhancedStatus, findReplyCode, joinContinuations, normaliseAddress } from './codes';

export interface DsnField {
  name: string; // lower case
  value: string;
  line: string;
  lineNo: number;
}

export interface DsnRecipient {
  recipient: string;
  originalRecipient?: string;
  dsnAction?: DsnAction;
  status?: string;
  /** Reply code when the Status field carried one instead of an enhanced code. */
  statusReply?: string;
  remoteMta?: string;
  diagnostic?: string;
  diagnosticType?: string;
  lastAttempt?: string;
  /**
   * The group's extension fields ("X-PowerMTA-BounceCategory: bad-mailbox"), names lower case,
   * first value of each; for vendor rules that read an MTA's own classification.
   */
  extensions?: Record<string, string>;
  evidence: Evidence[];
}

export interface DsnReport {
  reportingMta?: string;
  receivedFromMta?: string;
  originalMessageId?: string;
  arrivalDate?: string;
  recipients: DsnRecipient[];
}

/** Recipients read from one report (the verdict classifies at most 100). */
const MAX_DSN_RECIPIENTS = 200;

const RECIPIENT_FIELDS = new Set(['final-recipient', 'original-recipient']);
/** A group naming a recipient in any of these fields is a per-recipient group. */
const RECIPIENT_NAMES = new Set(['final-recipient', 'original-recipient', 'x-actual-recipient']);

/** Parse the decoded text of a message/delivery-status part. */
export function parseDsn(text: string): DsnReport {
  const groups = groupFields(text);
  const report: DsnReport = { recipients: [] };
  for (const group of groups) {
    const perRecipient = group.some((f) => RECIPIENT_NAMES.has(f.name));
    // Per-message fields; some MTAs (AOL's Outbound Mail Relay) omit the empty line between them
    // and the first recipient's fields, so they are read from a recipient group too (first wins).
    for (const f of group) {
      if (f.name === 'reporting-mta') report.reportingMta ??= mtaName(f.value);
      else if (f.name === 'received-from-mta') report.receivedFromMta ??= mtaName(f.value);
      else if (f.name === 'x-original-message-id') report.originalMessageId ??= f.value;
      else if (f.name === 'arrival-date') report.arrivalDate ??= f.value;
    }
    if (!perRecipient) continue;
    const r = recipientFrom(group);
    if (r) report.recipients.push(r);
    // A real report lists a handful of recipients; a hostile one thousands.
    if (report.recipients.length >= MAX_DSN_RECIPIENTS) break;
  }
  return report;
}

/** Fields grouped by empty lines, a new group also starting at a repeated recipient field. */
function groupFields(text: string): DsnField[][] {
  const groups: DsnField[][] = [];
  let group: DsnField[] = [];
  let last: DsnField | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && i < 5000; i++) {
    const raw = lines[i] ?? '';
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') {
      if (group.length) groups.push(group);
      group = [];
      last = undefined;
      continue;
    }
    const c = line.charCodeAt(0);
    if ((c === 32 || c === 9) && last) {
      last.value += ` ${line.trim()}`;
      last.line += ` ${line.trim()}`;
      continue;
    }
    const m = /^([A-Za-z][A-Za-z0-9-]{0,60})\s*:\s?(.*)$/.exec(line);
    if (!m) {
      // Text that is not a field: a continuation without indentation (seen in Diagnostic-Code).
      if (last && last.name === 'diagnostic-code') {
        last.value += ` ${line.trim()}`;
        last.line += ` ${line.trim()}`;
      }
      continue;
    }
    const name = (m[1] ?? '').toLowerCase();
    if (RECIPIENT_FIELDS.has(name) && group.some((f) => f.name === name)) {
      groups.push(group);
      group = [];
    }
    last = { name, value: (m[2] ?? '').trim(), line: line.trim(), lineNo: i + 1 };
    group.push(last);
  }
  if (group.length) groups.push(group);
  return groups;
}

/** "dns; mx.example.com" -> "mx.example.com"; also strips [ip] and trailing dots. */
export function mtaName(v: string): string {
  const semi = v.indexOf(';');
  let s = (semi === -1 ? v : v.slice(semi + 1)).trim();
  s = s.replace(/^\[|\]$/g, '');
  const sp = s.search(/[\s([]/);
  if (sp > 0) s = s.slice(0, sp);
  return s.replace(/\.$/, '').toLowerCase();
}

/** "rfc822; <user@example.com>" -> "user@example.com". */
function addressValue(v: string): string {
  const semi = v.indexOf(';');
  return normaliseAddress(semi === -1 ? v : v.slice(semi + 1));
}

const ACTIONS: Record<string, DsnAction> = {
  failed: 'failed',
  failure: 'failed',
  delayed: 'delayed',
  delivered: 'delivered',
  deliverable: 'delivered',
  relayed: 'relayed',
  expanded: 'expanded',
  expired: 'failed',
};

const STORE_CHANNEL = /@[a-z]{0,8}-ms-daemon$/;
/** An address whose domain has a dot (not a local host or channel name). */
const ROUTABLE = /^[^@\s]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,10}$/;

function recipientFrom(group: DsnField[]): DsnRecipient | undefined {
  const ev: Evidence[] = [];
  const get = (n: string) => group.find((f) => f.name === n);
  const final = get('final-recipient') ?? get('x-actual-recipient');
  const original = get('original-recipient');
  let recipient = final ? addressValue(final.value) : '';
  // A source route ("@relay:user@host"), a file or a pipe is not a mailbox: use Original-Recipient.
  const rawFinal = final ? final.value.slice(final.value.indexOf(';') + 1).trim() : '';
  const unusable = !recipient.includes('@') || /^<?@/.test(rawFinal) || /^["<]?[/|]/.test(rawFinal);
  // Sun/iPlanet Messaging Server names its message store channel ("user@ims-ms-daemon"), which is
  // no mail domain: a routable Original-Recipient names the mailbox the sender wrote to. (Other
  // dot-less hosts stay: Postfix's "user@mailhub0" after a local alias is the mailbox that failed.)
  const internal = !unusable && STORE_CHANNEL.test(recipient);
  const originalAddress = original ? addressValue(original.value) : '';
  const fromOriginal =
    (unusable && originalAddress.includes('@')) || (internal && ROUTABLE.test(originalAddress));
  if (fromOriginal) recipient = originalAddress;
  else if (unusable) recipient = rawFinal.includes('@') || !rawFinal ? recipient : rawFinal.toLowerCase();
  if (!recipient) return undefined;
  const src = (fromOriginal ? original : final) ?? original;
  if (src) ev.push({ field: 'recipient', text: src.line, source: 'dsn', line: src.lineNo });
  const r: DsnRecipient = { recipient, evidence: ev };
  if (original) {
    const o = addressValue(original.value);
    if (o && o !== recipient) r.originalRecipient = o;
  }
  const action = get('action');
  if (action) {
    const a = ACTIONS[/^[a-z]{1,20}/.exec(action.value.toLowerCase())?.[0] ?? ''];
    if (a) {
      r.dsnAction = a;
      ev.push({ field: 'action', text: action.line, source: 'dsn', line: action.lineNo });
    }
  }
  const status = get('status');
  if (status) {
    const code = findEnhancedStatus(status.value);
    if (code) r.status = code;
    else {
      const reply = findReplyCode(status.value);
      if (reply) r.statusReply = reply;
    }
    if (code || r.statusReply)
      ev.push({ field: 'status', text: status.line, source: 'dsn', line: status.lineNo });
  }
  const remote = get('remote-mta');
  if (remote) {
    const name = mtaName(remote.value);
    if (name) {
      r.remoteMta = name;
      ev.push({ field: 'remoteMta', text: remote.line, source: 'dsn', line: remote.lineNo });
    }
  }
  const diag = get('diagnostic-code');
  if (diag) {
    const semi = diag.value.indexOf(';');
    const type = semi === -1 ? '' : diag.value.slice(0, semi).trim();
    const typed = semi !== -1 && /^[A-Za-z][A-Za-z0-9-]{0,30}$/.test(type);
    r.diagnosticType = typed ? type.toUpperCase() : '';
    r.diagnostic = joinContinuations((typed ? diag.value.slice(semi + 1) : diag.value).trim());
    if (r.diagnostic) ev.push({ field: 'diagnostic', text: diag.line, source: 'dsn', line: diag.lineNo });
  }
  const last = get('last-attempt-date');
  if (last) r.lastAttempt = last.value;
  const extensions = extensionFields(group);
  if (extensions) r.extensions = extensions;
  return r;
}

/** Extension fields ("X-..."), at most 20, values capped; undefined when there are none. */
function extensionFields(group: DsnField[]): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  let n = 0;
  for (const f of group) {
    if (!f.name.startsWith('x-') || f.name === 'x-actual-recipient') continue;
    out ??= {};
    if (out[f.name] === undefined && n++ < 20) out[f.name] = f.value.slice(0, 300);
  }
  return out;
}
