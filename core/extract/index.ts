/**
 * Step 1 of the pipeline, EXTRACT: from a raw message (or the visible text of one) to the fields of
 * each failed recipient, with the lines that produced them.
 *
 * Raw mode reads, in this order of trust: the message/delivery-status part (RFC 3464), the human
 * text (core/extract/text.ts; fills what the DSN lacks and stands alone when there is no DSN), DSN
 * fields printed inside the text, Amazon SES JSON notifications, and finally X-Failed-Recipients or
 * the returned message's To. Visible mode reads only the displayed text.
 */
import { BOUNCE_SENDERS, BOUNCE_SUBJECTS } from '../knowledge/ndr-signals';
import { FAILURE_WORDS } from '../knowledge/text-formats';
import type { DsnAction, Evidence, ExtractedRecipient, OriginalMessage } from '../types';
import { findReplyCode, normaliseAddress, statusInReply } from './codes';
import { findCommand } from './command';
import { type DsnReport, parseDsn } from './dsn';
import {
  cteOf,
  type DecodedText,
  decodeHeaderValue,
  decodePart,
  type Headers,
  hasContent,
  LIMITS,
  type Part,
  parseHeaderBlock,
  parseParams,
  scanMessage,
  splitHeaderBlock,
  toBinaryString,
} from './mime';
import { readSesNotification, type SesNotification } from './ses';
import { readText, type TextRecipient, type TextReport } from './text';

export interface ExtractedMessage {
  mode: 'raw' | 'visible-text';
  /** The bounce's own headers (empty in visible mode). */
  headers: Record<string, string>;
  subject: string;
  from: string;
  fromName: string;
  to: string;
  /** Top-level media type and report-type parameter. */
  contentType: string;
  reportType: string;
  /** Media types of all parts (for kind detection: message/feedback-report, ...). */
  partTypes: string[];
  hasDsn: boolean;
  /** The human-readable text (what a webmail would show). */
  text: string;
  textReport: TextReport;
  dsn?: DsnReport;
  ses?: SesNotification;
  recipients: ExtractedRecipient[];
  /** The MTA that wrote the report, as the report names it (DSN, SES, "Generating server:"...). */
  namedReportingMta?: string;
  /**
   * What the verdict shows: the named one, else the bounce's top Received "by" host (raw mode);
   * the one the displayed text names (visible mode).
   */
  reportingMta?: string;
  original: OriginalMessage;
  /** "rfc3464", "text", "ses-json". */
  source: string;
  notes: string[];
  evidence: Evidence[];
}

export async function extractRaw(
  raw: Uint8Array | ArrayBuffer | string,
  depth = 0,
): Promise<ExtractedMessage> {
  const notes: string[] = [];
  const bin = typeof raw === 'string' && depth > 0 ? raw : toBinaryString(raw);
  const sk = scanMessage(bin);
  notes.push(...sk.notes);
  const h = sk.headers;
  const ct = parseParams(h.get('content-type') ?? 'text/plain');

  // Human-readable text: text/plain parts (HTML rendered to text when there is no plain part).
  const textParts = sk.parts.filter((p) => p.role === 'text' && hasContent(p.body));
  const htmlParts = sk.parts.filter((p) => p.role === 'html' && hasContent(p.body));
  const texts: string[] = [];
  for (const p of (textParts.length ? textParts : htmlParts).slice(0, 6)) {
    // decodePart returns a promise only when postal-mime decodes the part: no await otherwise.
    let d = decodePart(p, p.role === 'html' ? 'html-as-text' : 'text');
    if (d instanceof Promise) d = await d;
    if (d.note) notes.push(d.note);
    texts.push(d.text);
  }
  const text = texts.join('\n');

  // DSN part(s)
  let dsn: DsnReport | undefined;
  for (const p of sk.parts.filter((x) => x.role === 'dsn').slice(0, 3)) {
    let d = decodePart(p);
    if (d instanceof Promise) d = await d;
    if (d.note) notes.push(d.note);
    const r = parseDsn(d.text);
    if (!dsn) dsn = r;
    else dsn.recipients.push(...r.recipients);
  }

  let original = readOriginal(sk.parts, notes);
  if (original instanceof Promise) original = await original;
  const subject = decodeHeaderValue(h.get('subject') ?? '');
  const fromRaw = decodeHeaderValue(h.get('from') ?? '');
  const to = normaliseAddress(h.get('to') ?? '');
  const from = fromRaw.includes('@') ? normaliseAddress(fromRaw) : '';
  const fromName = displayName(fromRaw);
  const exclude = new Set([to, from, original.from ? normaliseAddress(original.from) : ''].filter(Boolean));
  const localDomain = mailSystemDomain(from, fromName);
  const textReport = readText(text, { exclude, ...(localDomain ? { localDomain } : {}) });
  if (!original.subject && textReport.originalStart !== -1) {
    Object.assign(original, originalFromText(text, textReport.originalStart));
  }
  senderIsNotTheRecipient(textReport, original);

  const evidence: Evidence[] = [];
  const recipients: ExtractedRecipient[] = [];
  let source = 'text';
  const ses = readSesNotification(text);

  if (dsn?.recipients.length) {
    source = 'rfc3464';
    for (const d of dsn.recipients) recipients.push(fromDsn(d, dsn));
    reconcileWithText(recipients, textReport);
  } else {
    // DSN fields printed inside the text part (Amazon WorkMail, some Sendmail/Exchange variants).
    const inText = dsnInText(text);
    if (inText?.recipients.length) {
      source = 'rfc3464-in-text';
      dsn = inText;
      for (const d of inText.recipients) recipients.push(fromDsn(d, inText));
    } else if (ses?.recipients.length) {
      source = 'ses-json';
      for (const r of ses.recipients)
        recipients.push({ ...r, ...(ses.reportingMta ? { reportingMta: ses.reportingMta } : {}) });
    }
  }
  // X-Failed-Recipients: the addresses it names (used by both fallbacks below).
  const failed = h.get('x-failed-recipients');
  const xfr = failed
    ? failed
        .split(/[,\s]+/)
        .map(normaliseAddress)
        .filter((a) => a.includes('@'))
    : [];
  const textHasAnswers = textReport.recipients.some((tr) => tr.status || tr.replyCode);
  if (
    recipients.length === 0 &&
    xfr.length &&
    textReport.recipients.length &&
    !textHasAnswers &&
    !textReport.recipients.some((tr) => xfr.includes(tr.recipient))
  ) {
    // The header names the failed recipients; the text's blocks carry the answer.
    source = 'text';
    const only = textReport.recipients.length === 1 ? textReport.recipients[0] : undefined;
    const action = actionOf(textReport);
    for (const a of xfr.slice(0, 50)) {
      const fields = only ? { ...only, recipient: a } : { recipient: a, evidence: [] as Evidence[] };
      recipients.push({
        ...fields,
        dsnAction: action,
        evidence: [
          {
            field: 'recipient',
            text: `X-Failed-Recipients: ${failed ?? ''}`,
            source: 'headers',
          },
          ...fields.evidence.filter((e) => e.field !== 'recipient'),
        ],
      });
    }
  }
  mergeText(recipients, textReport, recipients.length === 0);

  // A bounce wrapped in another notice (a filter or gateway forwarding the NDR as message/rfc822).
  if (recipients.length === 0 && depth < 2) {
    const inner = sk.parts.find((p) => p.role === 'original');
    if (inner && isBounceHeaderBlock(inner.body)) {
      const x = await extractRaw(inner.body.replace(/^\n+/, ''), depth + 1);
      if (x.recipients.length) {
        notes.push('The bounce was found inside a forwarded message.', ...x.notes);
        return { ...x, mode: 'raw', headers: h.record(), subject: subject || x.subject, notes };
      }
    }
  }
  if (recipients.length === 0) {
    const orphanHasCode = !!(textReport.orphan?.status || textReport.orphan?.replyCode);
    const orphanFails =
      orphanHasCode ||
      (!!textReport.orphan?.diagnostic && isMailSystemNotice(fromRaw, fromName, subject)) ||
      FAILURE_WORDS.test(textReport.orphan?.diagnostic ?? '');
    const fallback = xfr.length ? xfr : original.to && orphanFails ? [normaliseAddress(original.to)] : [];
    for (const a of fallback.slice(0, 50)) {
      const why = failed ? `X-Failed-Recipients: ${failed}` : `To: ${original.to ?? ''} (returned message)`;
      recipients.push(
        orphanRecipient(textReport, a, {
          field: 'recipient',
          text: why,
          source: failed ? 'headers' : 'original',
        }),
      );
    }
  }

  const namedReportingMta = dsn?.reportingMta ?? ses?.reportingMta ?? textReport.reportingMta;
  const reportingMta = namedReportingMta ?? receivedBy(h);
  return {
    mode: 'raw',
    headers: h.record(),
    subject,
    from,
    fromName,
    to,
    contentType: ct.value,
    reportType: (ct.params['report-type'] ?? '').toLowerCase(),
    partTypes: sk.parts.map((p) => p.type),
    hasDsn: sk.parts.some((p) => p.role === 'dsn'),
    text,
    textReport,
    ...(dsn ? { dsn } : {}),
    ...(ses ? { ses } : {}),
    recipients,
    ...(namedReportingMta ? { namedReportingMta } : {}),
    ...(reportingMta ? { reportingMta } : {}),
    original,
    source,
    notes,
    evidence,
  };
}

export interface VisibleInput {
  text: string;
  subject?: string;
  from?: string;
  fromName?: string;
}

/** Visible mode: only what a webmail displays (no DSN part, no headers). */
export function extractVisible(v: VisibleInput): ExtractedMessage {
  const text = v.text.length > LIMITS.maxTextPart ? v.text.slice(0, LIMITS.maxTextPart) : v.text;
  const notes: string[] = [];
  if (v.text.length > text.length) notes.push('The displayed text was cut for reading.');
  const from = v.from?.includes('@') ? normaliseAddress(v.from) : '';
  const localDomain = mailSystemDomain(from, v.fromName ?? '');
  const textReport = readText(text, {
    exclude: new Set(from ? [from] : []),
    ...(localDomain ? { localDomain } : {}),
  });
  const original: OriginalMessage =
    textReport.originalStart !== -1 ? originalFromText(text, textReport.originalStart) : {};
  senderIsNotTheRecipient(textReport, original);
  const recipients: ExtractedRecipient[] = [];
  let source = 'text';
  const inText = dsnInText(text);
  const ses = readSesNotification(text);
  if (inText?.recipients.length) {
    source = 'rfc3464-in-text';
    for (const d of inText.recipients) recipients.push(fromDsn(d, inText));
  } else if (ses?.recipients.length) {
    source = 'ses-json';
    for (const r of ses.recipients) recipients.push({ ...r });
  }
  mergeText(recipients, textReport, recipients.length === 0);
  const o = textReport.orphan;
  const fromMailSystem = isMailSystemNotice(v.from ?? '', v.fromName ?? '', v.subject ?? '');
  if (
    recipients.length === 0 &&
    o &&
    (o.status || o.replyCode || fromMailSystem || FAILURE_WORDS.test(o.diagnostic ?? '')) &&
    original.to
  ) {
    recipients.push(
      orphanRecipient(textReport, normaliseAddress(original.to), {
        field: 'recipient',
        text: `To: ${original.to}`,
        source: 'original',
      }),
    );
  }
  const namedReportingMta = ses?.reportingMta ?? textReport.reportingMta;
  return {
    mode: 'visible-text',
    headers: {},
    subject: v.subject ?? '',
    from,
    fromName: v.fromName ?? (from ? '' : (v.from ?? '')),
    to: '',
    contentType: '',
    reportType: '',
    partTypes: [],
    hasDsn: false,
    text,
    textReport,
    ...(ses ? { ses } : {}),
    recipients,
    ...(namedReportingMta ? { namedReportingMta } : {}),
    ...(textReport.reportingMta ? { reportingMta: textReport.reportingMta } : {}),
    original,
    source,
    notes,
    evidence: [],
  };
}

/** The human-readable text a webmail would display (for --visible-text and tests). */
export async function visibleTextOf(raw: Uint8Array | ArrayBuffer | string): Promise<VisibleInput> {
  const bin = toBinaryString(raw);
  const sk = scanMessage(bin);
  const htmlParts = sk.parts.filter((p) => p.role === 'html' && hasContent(p.body));
  const textParts = sk.parts.filter((p) => p.role === 'text' && hasContent(p.body));
  const texts: string[] = [];
  // Webmails render the HTML alternative when there is one.
  const chosen = htmlParts.length ? htmlParts : textParts;
  for (const p of chosen.slice(0, 6)) {
    let d = decodePart(p, p.role === 'html' ? 'html-as-text' : 'text');
    if (d instanceof Promise) d = await d;
    texts.push(d.text);
  }
  const fromRaw = decodeHeaderValue(sk.headers.get('from') ?? '');
  return {
    text: texts.join('\n'),
    subject: decodeHeaderValue(sk.headers.get('subject') ?? ''),
    from: fromRaw.includes('@') ? normaliseAddress(fromRaw) : fromRaw,
    fromName: displayName(fromRaw),
  };
}

// ---------------------------------------------------------------------------------------------

/** The display name of a From value ('"Mail Delivery System" <MAILER-DAEMON@x>' -> 'Mail Delivery System'). */
function displayName(fromRaw: string): string {
  return fromRaw
    .replace(/<[^>]{0,320}>/, '')
    .replace(/["']/g, '')
    .trim();
}

/** DSN fields printed inside the text part (Amazon WorkMail, some Sendmail/Exchange variants). */
function dsnInText(text: string): DsnReport | undefined {
  return /^\s{0,4}(?:final-recipient|original-recipient)\s{0,2}:/im.test(text) ? parseDsn(text) : undefined;
}

/** The action of recipients read from the text: delayed when it says so and nothing says permanent. */
function actionOf(t: TextReport): DsnAction {
  return t.delayed && !t.permanent ? 'delayed' : 'failed';
}

/** The domain of a mail system's own address ("MAILER-DAEMON@mx.example.jp" -> "mx.example.jp"). */
function mailSystemDomain(from: string, fromName: string): string | undefined {
  const at = from.lastIndexOf('@');
  if (at === -1 || !BOUNCE_SENDERS.some((re) => re.test(from) || re.test(fromName))) return undefined;
  const domain = from.slice(at + 1).toLowerCase();
  return /^[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,10}$/.test(domain) ? domain : undefined;
}

/**
 * A delivery notice: sent by a mail system (MAILER-DAEMON, postmaster, "Mail Delivery Subsystem"...)
 * under a bounce subject ("Delivery Status Notification (Failure)"). Its text is the failure even
 * when it uses none of FAILURE_WORDS (Google Groups: "the group ... may not exist").
 */
function isMailSystemNotice(from: string, fromName: string, subject: string): boolean {
  return (
    BOUNCE_SENDERS.some((re) => re.test(from) || re.test(fromName)) &&
    BOUNCE_SUBJECTS.some((re) => re.test(subject))
  );
}

/**
 * The only address the text names is the original sender's, in a notice without any SMTP answer
 * ("kijitora@example.jp 様" / "Hello kijitora@example.jp," in Google Groups notices): a bounce goes
 * back to the sender, who is not the failed recipient, so when the returned message was addressed
 * to someone else, that address failed.
 */
function senderIsNotTheRecipient(t: TextReport, original: OriginalMessage): void {
  const sender = original.from ? normaliseAddress(original.from) : '';
  const target = original.to ? normaliseAddress(original.to) : '';
  if (!sender || !target.includes('@') || target === sender || t.recipients.length === 0) return;
  if (!t.recipients.every((r) => r.recipient === sender)) return;
  // A block with an SMTP answer names the address the server refused (sanitised samples reuse the
  // sender's address for the recipient): keep it.
  if (t.recipients.some((r) => r.status || r.replyCode)) return;
  t.recipients = t.recipients.slice(0, 1).map((r) => ({
    ...r,
    recipient: target,
    evidence: [
      { field: 'recipient', text: `To: ${original.to ?? ''}`, source: 'original' },
      ...r.evidence.filter((e) => e.field !== 'recipient'),
    ],
  }));
}

const USABLE_ADDRESS = /^[^@\s/|]{1,64}@[^@\s]{1,255}$/;

/**
 * A DSN recipient that is not a mailbox (file path, pipe, bare host) takes the text's address when
 * the text names exactly one other recipient.
 */
function reconcileWithText(recipients: ExtractedRecipient[], t: TextReport): void {
  const textOnly = t.recipients.filter(
    (tr) => !recipients.some((r) => r.recipient === tr.recipient || r.originalRecipient === tr.recipient),
  );
  if (recipients.length !== 1 || textOnly.length !== 1) return;
  const r = recipients[0] as ExtractedRecipient;
  if (USABLE_ADDRESS.test(r.recipient)) return;
  r.originalRecipient = r.recipient;
  r.recipient = textOnly[0]?.recipient ?? r.recipient;
}

function fromDsn(d: DsnReport['recipients'][number], report: DsnReport): ExtractedRecipient {
  const r: ExtractedRecipient = {
    recipient: d.recipient,
    dsnAction: d.dsnAction ?? 'failed',
    evidence: [...d.evidence],
  };
  if (d.originalRecipient) r.originalRecipient = d.originalRecipient;
  // The code inside the server's own answer is more specific than the DSN's Status when they differ
  // (Status: 5.0.0 with "550 5.1.1 ..."; a relay's Status with the upstream's code).
  const said = d.diagnostic ? statusInReply(d.diagnostic) : undefined;
  if (said) r.status = said;
  else if (d.status) r.status = d.status;
  if (d.remoteMta) r.remoteMta = d.remoteMta;
  if (report.reportingMta) r.reportingMta = report.reportingMta;
  if (d.diagnostic) r.diagnostic = d.diagnostic;
  if (d.diagnosticType) r.diagnosticType = d.diagnosticType;
  if (d.lastAttempt) r.lastAttempt = d.lastAttempt;
  if (d.extensions) r.dsnExtensions = d.extensions;
  const reply = d.diagnostic ? findReplyCode(d.diagnostic) : undefined;
  if (reply) r.replyCode = reply;
  else if (d.statusReply) r.replyCode = d.statusReply;
  const cmd = d.diagnostic ? findCommand(d.diagnostic) : undefined;
  if (cmd) r.command = cmd;
  return r;
}

/** Fill recipients' missing fields from the text blocks; add text-only recipients when asked. */
function mergeText(recipients: ExtractedRecipient[], t: TextReport, addNew: boolean): void {
  const action = actionOf(t);
  for (const tr of t.recipients) {
    const same = recipients.find((r) => r.recipient === tr.recipient || r.originalRecipient === tr.recipient);
    if (same) {
      if (!same.diagnostic && tr.diagnostic) same.diagnostic = tr.diagnostic;
      else if (same.diagnostic && tr.diagnostic && completesFirstLine(same.diagnostic, tr.diagnostic))
        same.diagnostic = tr.diagnostic;
      // A generic DSN Status (X.0.0) yields to the specific code the text quotes from the server.
      const generic = !same.status || /^\d\.0\.0$/.test(same.status);
      if (generic && tr.status && tr.status[0] === (same.status ?? tr.status)[0]) same.status = tr.status;
      if (!same.replyCode && tr.replyCode) same.replyCode = tr.replyCode;
      if (!same.remoteMta && tr.remoteMta) same.remoteMta = tr.remoteMta;
      if (!same.command && tr.command) same.command = tr.command;
      same.evidence.push(...tr.evidence.filter((e) => e.field !== 'recipient'));
    } else if (addNew) {
      recipients.push({ ...tr, dsnAction: action, evidence: [...tr.evidence] });
    }
  }
  // A single DSN recipient without a diagnostic takes the answer of the text's only block when that
  // block names another address (Sendmail prints the pipe or alias it expanded to; the DSN the
  // final address): with one failed recipient there is one failure.
  const only = recipients.length === 1 ? recipients[0] : undefined;
  if (only && !only.diagnostic && t.recipients.length === 1) {
    const tr = t.recipients[0] as TextRecipient;
    if (tr.recipient !== only.recipient && tr.recipient !== only.originalRecipient && tr.diagnostic) {
      only.diagnostic = tr.diagnostic;
      if (!only.replyCode && tr.replyCode) only.replyCode = tr.replyCode;
      if (!only.status && tr.status) only.status = tr.status;
      if (!only.remoteMta && tr.remoteMta) only.remoteMta = tr.remoteMta;
      if (!only.command && tr.command) only.command = tr.command;
      only.evidence.push(...tr.evidence.filter((e) => e.field !== 'recipient'));
    }
  }
  // A single DSN recipient without a diagnostic takes the text's unattributed answer.
  if (recipients.length === 1 && t.orphan) {
    const r = recipients[0] as ExtractedRecipient;
    if (!r.diagnostic && t.orphan.diagnostic) r.diagnostic = t.orphan.diagnostic;
    if (!r.replyCode && t.orphan.replyCode) r.replyCode = t.orphan.replyCode;
    if (!r.status && t.orphan.status) r.status = t.orphan.status;
    if (!r.remoteMta && t.orphan.remoteMta) r.remoteMta = t.orphan.remoteMta;
  }
}

/**
 * Sendmail's DSN keeps only the first line of a multi-line reply ("550-5.7.1 ... in From:"); the
 * transcript in the text has the whole reply. True when `text` is that same reply, continued.
 */
function completesFirstLine(dsn: string, text: string): boolean {
  const d = dsn.replace(/\s+/g, ' ').trim();
  if (!/^[245]\d\d-/.test(d) || text.length <= d.length) return false;
  const t = text.replace(/\s+/g, ' ').trim();
  return t.startsWith(d.slice(0, Math.min(d.length, 60)));
}

/**
 * A recipient found elsewhere (X-Failed-Recipients, the returned message's To, or none when pasted
 * text is just an SMTP answer) with the answer the text gave without naming an address.
 */
export function orphanRecipient(t: TextReport, recipient: string, found?: Evidence): ExtractedRecipient {
  const o = t.orphan;
  const answer: Partial<ExtractedRecipient> = {};
  if (o?.status) answer.status = o.status;
  if (o?.replyCode) answer.replyCode = o.replyCode;
  if (o?.diagnostic) answer.diagnostic = o.diagnostic;
  if (o?.remoteMta) answer.remoteMta = o.remoteMta;
  if (o?.command) answer.command = o.command;
  return {
    recipient,
    dsnAction: actionOf(t),
    ...answer,
    evidence: [...(found ? [found] : []), ...(o?.evidence ?? [])],
  };
}

/** The returned message's headers; a promise only when postal-mime has to decode its part. */
function readOriginal(parts: Part[], notes: string[]): OriginalMessage | Promise<OriginalMessage> {
  const p = parts.find((x) => x.role === 'original' || x.role === 'original-headers');
  if (!p) return {};
  const cte = cteOf(p.headers);
  if (cte !== 'base64' && cte !== 'quoted-printable') return originalIn(p.body);
  // Only the head of the returned message is needed.
  const d = decodePart({ ...p, body: p.body.slice(0, 64 * 1024) });
  const read = (t: DecodedText): OriginalMessage => {
    if (t.note) notes.push(t.note);
    return originalIn(t.text);
  };
  return d instanceof Promise ? d.then(read) : read(d);
}

function originalIn(body: string): OriginalMessage {
  const { block } = splitHeaderBlock(body.replace(/^\n+/, ''));
  return originalFromHeaders(parseHeaderBlock(block));
}

function originalFromHeaders(h: Headers): OriginalMessage {
  const o: OriginalMessage = {};
  const subject = h.get('subject');
  if (subject !== undefined) o.subject = decodeHeaderValue(subject);
  const to = h.get('to');
  if (to) o.to = decodeHeaderValue(to);
  const from = h.get('from');
  if (from) o.from = decodeHeaderValue(from);
  const id = h.get('message-id');
  if (id) o.messageId = id.trim();
  const date = h.get('date');
  if (date) o.date = date.trim();
  return o;
}

/** The returned message's headers when they are printed inside the text part. */
function originalFromText(text: string, startLine: number): OriginalMessage {
  // Lines are read by offset (only the first TEXT_LINES_LIMIT lines of the text count); `pos` is the
  // offset of line `i`, or -1 when there is no such line.
  const next = (at: number): number => {
    const nl = text.indexOf('\n', at);
    return nl === -1 ? -1 : nl + 1;
  };
  const lineAt = (at: number): string => {
    const nl = text.indexOf('\n', at);
    return nl === -1 ? text.slice(at) : text.slice(at, nl);
  };
  let i = 0;
  let pos = 0;
  const advance = () => {
    i++;
    pos = i < TEXT_LINES_LIMIT ? next(pos) : -1;
  };
  while (pos !== -1 && i < startLine) advance();
  // skip the marker line itself and blank lines
  if (pos !== -1 && !/^[A-Za-z][A-Za-z0-9-]{1,40}:/.test(lineAt(pos))) advance();
  while (pos !== -1 && lineAt(pos).trim() === '') advance();
  let rest = '';
  if (pos !== -1) {
    // The next 400 lines at most.
    let end = pos;
    for (let n = 0; n < Math.min(400, TEXT_LINES_LIMIT - i) && end !== -1; n++) end = next(end);
    rest = text
      .slice(pos, end === -1 ? text.length : end - 1)
      .split('\n')
      .map((l) => l.replace(/^\s{0,3}>\s?/, ''))
      .join('\n');
  }
  const { block } = splitHeaderBlock(rest);
  return originalFromHeaders(parseHeaderBlock(block));
}
const TEXT_LINES_LIMIT = 6000;

/** Reporting host from the bounce's own top Received header ("by host"). */
function receivedBy(h: Headers): string | undefined {
  const r = h.get('received');
  const m = r ? /\bby\s{1,3}([a-z0-9][a-z0-9.-]{1,253}\.[a-z]{2,63})\b/i.exec(r) : null;
  return m?.[1]?.toLowerCase();
}

/** Does this header block (of an embedded message) belong to a bounce? */
function isBounceHeaderBlock(body: string): boolean {
  const { block } = splitHeaderBlock(body.replace(/^\n+/, ''));
  const h = parseHeaderBlock(block);
  const from = h.get('from') ?? '';
  const ct = h.get('content-type') ?? '';
  return BOUNCE_SENDERS.some((re) => re.test(from)) || /report-type\s*=\s*"?delivery-status/i.test(ct);
}
