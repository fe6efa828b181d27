/**
 * Amazon SES bounce/delivery/complaint notifications delivered by mail (SNS "AWS Notification
 * Message" with a JSON body). The JSON is often wrapped and escaped several times, so fields are read
 * with bounded patterns instead of JSON.parse. Field names: AWS SES API reference "Bounce" and
 * "notification contents" (SES-PASTE in ../shared/docs/peers.md section 7). The bounce subtype is
 * not read here: the vendor rules `ses-subtype-*` (core/vendors/esp.ts) read it when a recipient
 * carries no diagnosticCode.
 */
import type { DsnAction, Evidence } from '../types';
import { findEnhancedStatus, findReplyCode, normaliseAddress } from './codes';
import { mtaName } from './dsn';

export interface SesNotification {
  type: 'Bounce' | 'Delivery' | 'Complaint' | 'Unknown';
  reportingMta?: string;
  recipients: {
    recipient: string;
    dsnAction: DsnAction;
    status?: string;
    replyCode?: string;
    diagnostic?: string;
    remoteMta?: string;
    evidence: Evidence[];
  }[];
}

const q = '\\\\{0,7}"'; // a quote with any level of escaping
const field = (name: string) => new RegExp(`${q}${name}${q}\\s{0,3}:\\s{0,3}${q}([^"\\\\]{0,2000})`, 'i');

const F = {
  type: field('notificationType'),
  reportingMta: field('reportingMTA'),
  email: field('emailAddress'),
  status: field('status'),
  action: field('action'),
  diagnostic: field('diagnosticCode'),
  delivery: field('smtpResponse'),
  deliveryRecipient: new RegExp(`${q}recipients${q}\\s{0,3}:\\s{0,3}\\[\\s{0,3}${q}([^"\\\\]{1,320})`, 'i'),
};

/** Returns undefined unless the text is an SES notification. */
export function readSesNotification(text: string): SesNotification | undefined {
  if (!/notificationType/i.test(text.slice(0, 20000))) return undefined;
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const typeRaw = F.type.exec(head)?.[1] ?? '';
  const type: SesNotification['type'] =
    typeRaw === 'Bounce' || typeRaw === 'Delivery' || typeRaw === 'Complaint' ? typeRaw : 'Unknown';
  const n: SesNotification = { type, recipients: [] };
  const rm = F.reportingMta.exec(head)?.[1];
  // A DSN-style name: SES writes "dsn; a27-33.smtp-out..." (sic) as well as the bare host.
  if (rm) n.reportingMta = mtaName(rm);

  if (type === 'Delivery') {
    const r = F.deliveryRecipient.exec(head)?.[1];
    const resp = F.delivery.exec(head)?.[1] ?? '';
    if (r) {
      const status = findEnhancedStatus(resp);
      const reply = findReplyCode(resp);
      n.recipients.push({
        recipient: normaliseAddress(r),
        dsnAction: 'delivered',
        ...(status ? { status } : {}),
        ...(reply ? { replyCode: reply } : {}),
        ...(resp ? { diagnostic: resp } : {}),
        evidence: [{ field: 'recipient', text: `recipients: ${r}`, source: 'body' }],
      });
    }
    return n;
  }
  // Each bounced recipient is an object; split the text at each emailAddress key.
  const chunks = head.split(/(?=\\{0,7}"emailAddress\\{0,7}")/i).slice(1);
  for (const chunk of chunks.slice(0, 100)) {
    const c = chunk.slice(0, 4000);
    const email = F.email.exec(c)?.[1];
    if (!email) continue;
    const status = F.status.exec(c)?.[1];
    const action = (F.action.exec(c)?.[1] ?? 'failed').toLowerCase();
    const diag = F.diagnostic.exec(c)?.[1];
    const ev: Evidence[] = [{ field: 'recipient', text: `emailAddress: ${email}`, source: 'body' }];
    if (diag) ev.push({ field: 'diagnostic', text: `diagnosticCode: ${diag}`, source: 'body' });
    const code = status ? findEnhancedStatus(status) : diag ? findEnhancedStatus(diag) : undefined;
    const reply = diag ? findReplyCode(diag.replace(/^smtp;\s*/i, '')) : undefined;
    n.recipients.push({
      recipient: normaliseAddress(email),
      dsnAction: action === 'delayed' ? 'delayed' : action === 'delivered' ? 'delivered' : 'failed',
      ...(code ? { status: code } : {}),
      ...(reply ? { replyCode: reply } : {}),
      ...(diag ? { diagnostic: diag.replace(/^smtp;\s*/i, '') } : {}),
      evidence: ev,
    });
  }
  return n;
}
