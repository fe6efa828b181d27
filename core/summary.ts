/**
 * A plain-text summary of a verdict: what a support agent pastes into a ticket ("Copy summary") and
 * what the command line prints without --json.
 */
import { ACTION_LABEL } from './knowledge/action-text';
import type { RecipientVerdict, Verdict } from './types';

export function summarize(v: Verdict): string {
  const lines: string[] = [];
  if (!v.isBounce) {
    lines.push(`Not a bounce (${v.kind}): ${v.kindWhy}`);
    for (const n of v.notes) lines.push(`Note: ${n}`);
    return lines.join('\n');
  }
  const hard = v.recipients.filter((r) => r.bounce === 'hard').length;
  const head = v.kind === 'delay' ? 'Delivery delayed' : hard > 0 ? 'Hard bounce' : 'Soft bounce';
  lines.push(
    `${head}: ${v.recipients.length} failed recipient${v.recipients.length === 1 ? '' : 's'} (policy: ${v.policy})`,
  );
  for (const r of v.recipients) lines.push('', ...recipientLines(r));
  const o = v.original;
  if (o.subject || o.messageId || o.date) {
    lines.push('', 'Original message:');
    if (o.subject) lines.push(`  Subject: ${o.subject}`);
    if (o.to) lines.push(`  To: ${o.to}`);
    if (o.date) lines.push(`  Date: ${o.date}`);
    if (o.messageId) lines.push(`  Message-ID: ${o.messageId}`);
  }
  if (v.reportingMta) lines.push(`Reported by: ${v.reportingMta}`);
  for (const n of v.notes) lines.push(`Note: ${n}`);
  lines.push('', 'Classified locally by Bounce Lens.');
  return lines.join('\n');
}

function recipientLines(r: RecipientVerdict): string[] {
  const out: string[] = [];
  out.push(
    `${r.recipient || '(recipient not named in the text)'} — ${r.bounce.toUpperCase()}${r.decision.label === 'RETRY' ? ' (RETRY)' : ''}: ${r.reasonText}`,
  );
  if (r.status) {
    const m = r.statusInfo;
    out.push(
      `  Status ${r.status}: ${m ? `${m.summary}${m.registered ? ` (IANA, ${m.reference ?? 'RFC 3463'})` : ''}` : ''}`,
    );
  }
  if (r.replyCode) out.push(`  Reply ${r.replyCode}: ${r.replyInfo?.meaning ?? ''}`);
  out.push(`  Reason: ${r.reason} — ${r.meaning}`);
  if (r.diagnostic) out.push(`  Server said: ${clip(r.diagnostic, 400)}`);
  if (r.remoteMta)
    out.push(`  Remote server: ${r.remoteMta}${r.command ? ` (in reply to ${r.command})` : ''}`);
  for (const f of r.vendor) out.push(`  ${f.vendor}: ${f.meaning.replace(/\.$/, '')}. ${f.note}`);
  if (r.conflict) {
    out.push(
      `  Code conflict: IANA says ${r.conflict.code} = "${r.conflict.iana}"; ${r.conflict.vendor}. Followed: ${r.conflict.followed} (${r.conflict.why})`,
    );
  }
  if (r.diagnosis) {
    out.push(`  Cause: ${r.diagnosis.title}${r.diagnosis.list ? ` (${r.diagnosis.list})` : ''}`);
    for (const c of r.diagnosis.checklist) out.push(`    - ${c}`);
  }
  out.push(`  What to do: ${ACTION_LABEL[r.action]}. ${r.actionWhy}`);
  out.push(`  Decision: ${r.decision.rule}. ${r.decision.why}`);
  return out;
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
