/**
 * Is it a bounce at all? Bounces (failed or delayed delivery) versus delivery reports, auto-replies
 * (RFC 3834), feedback/abuse reports (ARF, RFC 5965) and ordinary mail, which may well quote an
 * SMTP code. Structure first (report type, DSN part, null sender), then sender and subject, then
 * what the text reader found; phrases alone never make a bounce.
 */

import { type ExtractedMessage, orphanRecipient } from '../extract/index';
import {
  ANY_BOUNCE_BODY,
  AUTOREPLY_SUBJECTS,
  BOUNCE_BODY,
  BOUNCE_BODY_STRONG,
  BOUNCE_SENDERS,
  BOUNCE_SUBJECTS,
  DELIVERED_BODY,
  DELIVERED_SUBJECTS,
  FEEDBACK_SUBJECTS,
} from '../knowledge/ndr-signals';
import type { Evidence, ExtractedRecipient, MessageKind } from '../types';
import { anyMatch, union } from '../util/regex';
import { decideReason } from './reason';

export interface KindResult {
  kind: MessageKind;
  why: string;
  evidence: Evidence[];
}

/** A recipient whose delivery failed or is delayed (the ones a bounce is about). */
export function isFailing(r: ExtractedRecipient): boolean {
  return r.dsnAction === 'failed' || r.dsnAction === 'delayed';
}

const any = (res: readonly RegExp[], s: string) => !!s && res.some((r) => r.test(s));
// Unions of the long lists read over the text (here, not beside the lists: the content script's
// pre-filter imports that module and needs neither).
const ANY_BOUNCE_BODY_STRONG = union(BOUNCE_BODY_STRONG);
const ANY_DELIVERED_BODY = union(DELIVERED_BODY);
const REPLY_PREFIX = /^\s{0,10}(?:re|aw|sv|vs|antw|r|rif|res)\s{0,4}(?:\[\d{1,4}\])?\s{0,4}:/i;
const FORWARD_PREFIX = /^\s{0,10}(?:fwd?|tr|wg|rv|enc|i)\s{0,4}:/i;

export function detectKind(x: ExtractedMessage): KindResult {
  const ev: Evidence[] = [];
  const h = x.headers;
  const subject = x.subject;
  const partTypes = x.partTypes;

  // Feedback reports
  if (x.reportType === 'feedback-report' || partTypes.includes('message/feedback-report')) {
    ev.push({
      field: 'kind',
      text: 'Content-Type: multipart/report; report-type=feedback-report',
      source: 'headers',
    });
    return {
      kind: 'feedback',
      why: 'An ARF feedback (abuse/complaint) report, not a bounce (RFC 5965).',
      evidence: ev,
    };
  }
  if (x.ses?.type === 'Complaint')
    return { kind: 'feedback', why: 'An Amazon SES complaint notification, not a bounce.', evidence: ev };

  const recipients = x.recipients;
  const failing = recipients.filter(isFailing);
  const delivered = recipients.filter(
    (r) => r.dsnAction === 'delivered' || r.dsnAction === 'relayed' || r.dsnAction === 'expanded',
  );
  if (
    recipients.length > 0 &&
    failing.length === 0 &&
    delivered.length > 0 &&
    (x.hasDsn || x.source !== 'text')
  ) {
    return {
      kind: 'delivered',
      why: 'A delivery status report saying the message was delivered (or relayed), not a bounce.',
      evidence: ev,
    };
  }

  // Relay and delivery notices written as text (no failed recipient with an answer): success.
  const failingWithAnswer = failing.some(
    (r) => r.status?.[0] === '5' || r.status?.[0] === '4' || r.replyCode,
  );
  if (
    !failingWithAnswer &&
    (any(DELIVERED_SUBJECTS, subject) ||
      anyMatch(ANY_DELIVERED_BODY, DELIVERED_BODY, x.textReport.section.slice(0, 4000)))
  ) {
    ev.push({ field: 'kind', text: `Subject: ${subject}`, source: x.mode === 'raw' ? 'headers' : 'body' });
    return {
      kind: 'delivered',
      why: 'A delivery or relay notice: the message was passed on, nothing failed.',
      evidence: ev,
    };
  }

  const fromSignal = any(BOUNCE_SENDERS, x.from) || any(BOUNCE_SENDERS, x.fromName);
  const subjectSignal = any(BOUNCE_SUBJECTS, subject) && !REPLY_PREFIX.test(subject);
  const nullSender =
    /^<?\s*>?$/.test((h['return-path'] ?? 'x').trim()) || /mailer-daemon/i.test(h['return-path'] ?? '');
  const dsnReport = x.reportType === 'delivery-status' || x.hasDsn;
  const failedHeader = !!h['x-failed-recipients'];
  const head = x.textReport.section.slice(0, 20_000);
  const bodySignal = anyMatch(ANY_BOUNCE_BODY, BOUNCE_BODY, head);
  const bodyFrame = bodySignal && anyMatch(ANY_BOUNCE_BODY_STRONG, BOUNCE_BODY_STRONG, head);
  const withAnswer = recipients.some((r) => r.status || r.replyCode || r.diagnostic);

  // Auto-replies: RFC 3834 headers or an auto-reply subject, and nothing of a bounce's structure.
  const autoHeader =
    /auto-replied|auto-generated/i.test(h['auto-submitted'] ?? '') ||
    !!h['x-autoreply'] ||
    !!h['x-autorespond'] ||
    /^auto[_-]?reply$/i.test(h.precedence ?? '');
  const autoSubject = any(AUTOREPLY_SUBJECTS, subject);
  if (
    !dsnReport &&
    !failedHeader &&
    !fromSignal &&
    (autoSubject || (autoHeader && !subjectSignal && !bodySignal))
  ) {
    ev.push({
      field: 'kind',
      text: autoSubject ? `Subject: ${subject}` : `Auto-Submitted: ${h['auto-submitted'] ?? ''}`,
      source: 'headers',
    });
    return { kind: 'autoreply', why: 'An auto-reply (out of office, RFC 3834), not a bounce.', evidence: ev };
  }
  if (any(FEEDBACK_SUBJECTS, subject) && !dsnReport && !fromSignal)
    return { kind: 'feedback', why: 'A feedback/abuse report, not a bounce.', evidence: ev };

  let score = 0;
  const reasons: string[] = [];
  if (dsnReport && failing.length) {
    score += 3;
    reasons.push('a delivery-status report with failed recipients');
    ev.push({
      field: 'kind',
      text: `Content-Type: ${x.contentType}; report-type=${x.reportType || 'delivery-status'}`,
      source: 'headers',
    });
  }
  if (x.ses?.type === 'Bounce' && failing.length) {
    score += 3;
    reasons.push('an Amazon SES bounce notification');
  }
  if (fromSignal) {
    score += 2;
    reasons.push('sent by a mail system');
    ev.push({
      field: 'kind',
      text: `From: ${x.fromName ? `${x.fromName} ` : ''}${x.from ? `<${x.from}>` : ''}`.trim(),
      source: x.mode === 'raw' ? 'headers' : 'body',
    });
  }
  if (subjectSignal) {
    score += 2;
    reasons.push('a bounce subject');
    ev.push({ field: 'kind', text: `Subject: ${subject}`, source: x.mode === 'raw' ? 'headers' : 'body' });
  }
  if (failedHeader) {
    score += 2;
    reasons.push('an X-Failed-Recipients header');
  }
  if (nullSender && x.mode === 'raw') score += 1;
  if (bodySignal) {
    score += bodyFrame ? 2 : 1;
    reasons.push(bodyFrame ? 'the fixed wording of a delivery report' : 'bounce wording in the text');
  }
  if (withAnswer) score += 1;
  const forwarded = FORWARD_PREFIX.test(subject) || REPLY_PREFIX.test(subject);
  if (forwarded && !fromSignal) score -= 1;

  const hasFailure =
    failing.length > 0 && (withAnswer || dsnReport || fromSignal || subjectSignal || failedHeader);
  if (score >= 3 && hasFailure) {
    const allDelayed = failing.every((r) => r.dsnAction === 'delayed');
    return {
      kind: allDelayed ? 'delay' : 'bounce',
      why: `${allDelayed ? 'A delay notice' : 'A bounce'}: ${reasons.join(', ')}.`,
      evidence: ev,
    };
  }
  if (score >= 4 && (fromSignal || dsnReport)) {
    return {
      kind: 'bounce',
      why: `A bounce (${reasons.join(', ')}), but no failed recipient could be read from it.`,
      evidence: ev,
    };
  }
  return {
    kind: 'not-bounce',
    why:
      failing.length > 0
        ? 'Mentions addresses and SMTP answers, but nothing marks it as a report from a mail system.'
        : 'No sign of a delivery report.',
    evidence: ev,
  };
}

/**
 * Pasted text (ClassifyOptions.pasted): the user vouches that it is about a bounce. Auto-replies,
 * feedback and delivery notices are still recognised; otherwise any failed recipient or SMTP
 * answer makes it one. A lone answer without an address gets an unnamed recipient, so a support
 * agent pasting just "550 5.7.1 ... OXSUS001_403" still gets it explained.
 */
export function pastedKind(x: ExtractedMessage): KindResult {
  const k = detectKind(x);
  if (k.kind !== 'not-bounce') return k;
  const failing = x.recipients.filter(isFailing);
  const withAnswer = failing.some((r) => r.status || r.replyCode || r.diagnostic);
  if (withAnswer)
    return {
      kind: 'bounce',
      why: "Pasted bounce text with a failed recipient and the server's answer.",
      evidence: k.evidence,
    };
  const o = x.textReport.orphan;
  if (failing.length === 0 && o && (o.status || o.replyCode || readsAsFailure(o.diagnostic))) {
    x.recipients.push(orphanRecipient(x.textReport, ''));
    return {
      kind: 'bounce',
      why:
        o.status || o.replyCode
          ? 'A pasted SMTP answer (the recipient is not in the text).'
          : "A pasted mail system's failure text (no code, and the recipient is not in the text).",
      evidence: k.evidence,
    };
  }
  return k;
}

/**
 * A code-less answer whose words name a known failure ("Host or domain name not found", "Mailbox is
 * full", "Connection timed out"): enough when the user vouches that the text is about a bounce.
 */
function readsAsFailure(diagnostic: string | undefined): boolean {
  if (!diagnostic) return false;
  const r = decideReason({
    status: '',
    replyCode: '',
    diagnostic,
    dsnAction: '',
    command: '',
    diagnosticType: '',
  });
  return r.reason !== 'onhold' && r.reason !== 'undefined' && r.reason !== 'delivered';
}
