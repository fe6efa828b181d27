/**
 * The reason step (core/diagnose/reason.ts over core/knowledge/reasons.ts):
 *  (a) agreement with Sisimai 5.1.0p3 on the corpus, fed Sisimai's own extracted fields;
 *  (b) focused cases per reason, multilingual phrases and contradictions;
 *  (c) the tables stay linear-time (recheck) and the engine copes with hostile input.
 */
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { type Label as LabelRow, loadLabels } from '../../cli/corpus';
import {
  decideReason,
  inferCommand,
  normaliseReasonText,
  type ReasonInput,
} from '../../core/diagnose/reason';
import { COMMAND_PATTERNS } from '../../core/knowledge/commands';
import { REASON_WORDS, reasonMeaning, reasonText } from '../../core/knowledge/reason-text';
import {
  PRIMARY_ORDER,
  REASON_PHRASES,
  SECONDARY_ORDER,
  SISIMAI_PSEUDO_STATUS,
  SISIMAI_PSEUDO_STATUS_PATTERN,
  STATUS_RULES,
} from '../../core/knowledge/reasons';
import type { DsnAction, Reason, SmtpCommand } from '../../core/types';

const rows: LabelRow[] = loadLabels();

const NOT_A_REASON = new Set(['feedback', 'vacation', 'delivered', '(unlabeled)', '(not-a-bounce)']);

function toInput(r: LabelRow): ReasonInput {
  return {
    // Sisimai's pseudo codes (5.0.9xx / 4.0.9xx) carry its answer, not evidence from the mail.
    status: SISIMAI_PSEUDO_STATUS_PATTERN.test(r.deliverystatus) ? '' : r.deliverystatus,
    replyCode: String(r.replycode ?? ''),
    diagnostic: r.diagnosticcode,
    dsnAction: r.action as DsnAction | '',
    command: '', // inferred by the engine from the text, as Sisimai's fields do not carry it
    diagnosticType: r.diagnostictype,
  };
}

const key = (r: LabelRow) => `${r.file.replace(/^eml\//, '')}#${r.message}.${r.index}`;

/**
 * Every row where we answer differently from Sisimai, with the category. Each is explained, with
 * evidence, in docs/reason-notes.md. A disagreement not listed here fails the test.
 */
type Category =
  | 'no-command' // Sisimai's default reads "user unknown" with no SMTP command as `filtered`
  | 'command-elsewhere' // Sisimai took the SMTP command from another part of the mail
  | 'vendor' // decided by one of Sisimai's per-host modules (a vendor rule's job here)
  | 'sisimai-wrong' // the mail says otherwise; we keep the mail's answer
  | 'label-cut'; // the 500-character diagnostic in labels.jsonl lost the deciding words

const KNOWN: Record<string, { sisimai: string; ours: Reason; category: Category }> = {
  'lhost-activehunter-02.eml#1.1': { sisimai: 'filtered', ours: 'userunknown', category: 'no-command' },
  'lhost-amazonses-02.eml#1.1': { sisimai: 'filtered', ours: 'userunknown', category: 'no-command' },
  'lhost-exchange2003-04.eml#1.1': { sisimai: 'filtered', ours: 'userunknown', category: 'no-command' },
  'lhost-messagingserver-03.eml#1.1': { sisimai: 'filtered', ours: 'userunknown', category: 'no-command' },
  'lhost-messagingserver-03.eml#1.2': { sisimai: 'filtered', ours: 'userunknown', category: 'no-command' },
  'lhost-mfilter-01.eml#1.1': { sisimai: 'filtered', ours: 'userunknown', category: 'command-elsewhere' },
  'lhost-mfilter-03.eml#1.1': { sisimai: 'filtered', ours: 'userunknown', category: 'command-elsewhere' },
  'lhost-postfix-07.eml#1.1': { sisimai: 'filtered', ours: 'userunknown', category: 'no-command' },
  'lhost-sendmail-48.eml#1.1': { sisimai: 'filtered', ours: 'userunknown', category: 'command-elsewhere' },
  'lhost-x1-01.eml#1.1': { sisimai: 'filtered', ours: 'userunknown', category: 'no-command' },
  'lhost-x1-02.eml#1.1': { sisimai: 'filtered', ours: 'userunknown', category: 'no-command' },
  'lhost-x2-01.eml#1.1': { sisimai: 'filtered', ours: 'userunknown', category: 'no-command' },
  'lhost-zoho-03.eml#1.1': { sisimai: 'filtered', ours: 'userunknown', category: 'no-command' },
  'rfc3464-66.eml#1.1': { sisimai: 'filtered', ours: 'userunknown', category: 'no-command' },
  'lhost-gmx-03.eml#1.1': { sisimai: 'userunknown', ours: 'filtered', category: 'command-elsewhere' },
  'lhost-postfix-02.eml#1.1': { sisimai: 'userunknown', ours: 'filtered', category: 'command-elsewhere' },
  'lhost-yandex-02.eml#1.1': { sisimai: 'userunknown', ours: 'filtered', category: 'command-elsewhere' },
  'lhost-ezweb-01.eml#1.1': { sisimai: 'filtered', ours: 'onhold', category: 'vendor' },
  'rhost-cox-01.eml#1.1': { sisimai: 'blocked', ours: 'rejected', category: 'vendor' },
  'rhost-cox-01.eml#2.1': { sisimai: 'blocked', ours: 'rejected', category: 'vendor' },
  'rhost-franceptt-08.eml#1.1': { sisimai: 'systemerror', ours: 'onhold', category: 'vendor' },
  'rhost-franceptt-10.eml#1.1': { sisimai: 'undefined', ours: 'blocked', category: 'vendor' },
  'rhost-franceptt-12.eml#1.1': { sisimai: 'policyviolation', ours: 'blocked', category: 'vendor' },
  'lhost-postfix-74.eml#1.1': { sisimai: 'rejected', ours: 'badreputation', category: 'vendor' },
  'rhost-yahooinc-02.eml#1.1': { sisimai: 'rejected', ours: 'badreputation', category: 'vendor' },
  'rhost-mimecast-02.eml#1.1': { sisimai: 'virusdetected', ours: 'onhold', category: 'vendor' },
  'lhost-sendmail-21.eml#1.1': { sisimai: 'blocked', ours: 'expired', category: 'sisimai-wrong' },
  'rhost-microsoft-06.eml#1.1': { sisimai: 'securityerror', ours: 'authfailure', category: 'sisimai-wrong' },
  'lhost-dragonfly-18.eml#1.1': {
    sisimai: 'securityerror',
    ours: 'policyviolation',
    category: 'sisimai-wrong',
  },
  'rhost-zoho-02.eml#1.1': { sisimai: 'securityerror', ours: 'policyviolation', category: 'sisimai-wrong' },
  'rhost-zoho-03.eml#1.1': { sisimai: 'securityerror', ours: 'spamdetected', category: 'sisimai-wrong' },
  'lhost-postfix-80.eml#1.1': { sisimai: 'userunknown', ours: 'rejected', category: 'sisimai-wrong' },
  'rb-issue-368-bug.eml#1.1': { sisimai: 'mailboxfull', ours: 'onhold', category: 'label-cut' },
};

describe('reason: agreement with Sisimai 5.1.0p3 on its own extracted fields', () => {
  const scored = rows.filter((r) => !NOT_A_REASON.has(r.reason));
  const results = scored.map((r) => ({ row: r, got: decideReason(toInput(r)) }));
  const agree = results.filter((x) => x.got.reason === x.row.reason).length;
  const rate = agree / scored.length;
  const disagreements = results.filter((x) => x.got.reason !== x.row.reason);

  it('scores every labelled bounce row', () => {
    expect(scored.length).toBeGreaterThan(400);
  });

  it('agrees on at least 92% of the rows, and every disagreement is a documented one', () => {
    const byCategory = new Map<string, string[]>();
    for (const d of disagreements) {
      const k = key(d.row);
      const cat = KNOWN[k]?.category ?? 'UNDOCUMENTED';
      const line = `  ${k}: sisimai=${d.row.reason} ours=${d.got.reason} | ${d.got.why}`;
      byCategory.set(cat, [...(byCategory.get(cat) ?? []), line]);
    }
    const report = [...byCategory.entries()].map(
      ([c, lines]) => `${c} (${lines.length})\n${lines.join('\n')}`,
    );
    console.log(
      `reason agreement: ${agree}/${scored.length} = ${(100 * rate).toFixed(1)}%\n${report.join('\n')}`,
    );

    const undocumented = disagreements
      .filter((d) => KNOWN[key(d.row)]?.ours !== d.got.reason || KNOWN[key(d.row)]?.sisimai !== d.row.reason)
      .map((d) => `${key(d.row)}: sisimai=${d.row.reason} ours=${d.got.reason}`);
    expect(undocumented).toEqual([]);
    expect(rate).toBeGreaterThanOrEqual(0.92);
  });

  it('agrees on at least 95% once the rows Sisimai decides from outside these fields are set aside', () => {
    // Rows decided by a Sisimai per-host module, by an SMTP command these fields do not carry, or
    // whose label lost the deciding words to the 500-character cut (see docs/reason-notes.md).
    const outside = new Set<Category>(['vendor', 'command-elsewhere', 'label-cut']);
    const kept = results.filter((x) => !outside.has(KNOWN[key(x.row)]?.category as Category));
    const ok = kept.filter((x) => x.got.reason === x.row.reason).length;
    console.log(`reason agreement without vendor/command/label-cut rows: ${ok}/${kept.length}`);
    expect(ok / kept.length).toBeGreaterThanOrEqual(0.95);
  });

  it('lists no stale known disagreements', () => {
    const stale = Object.keys(KNOWN).filter((k) => !disagreements.some((d) => key(d.row) === k));
    expect(stale).toEqual([]);
  });

  it('explains every answer with a sentence and names what matched when a phrase or code decided', () => {
    for (const { got } of results) {
      expect(got.why.length).toBeGreaterThan(20);
      if (got.reason !== 'onhold' && got.reason !== 'undefined') expect(got.matched).toBeTruthy();
    }
  });
});

/* ------------------------------------------------------------------------------------------------
 * Focused cases
 * ---------------------------------------------------------------------------------------------- */

interface Case {
  want: Reason;
  diag: string;
  status?: string;
  reply?: string;
  action?: DsnAction | '';
  command?: SmtpCommand | '';
  type?: string;
  note?: string;
}

function run(c: Case) {
  return decideReason({
    status: c.status ?? '',
    replyCode: c.reply ?? '',
    diagnostic: c.diag,
    dsnAction: c.action ?? 'failed',
    command: c.command ?? '',
    diagnosticType: c.type ?? 'SMTP',
  });
}

const CASES: Record<string, Case[]> = {
  userunknown: [
    {
      want: 'userunknown',
      status: '5.1.1',
      reply: '550',
      diag: '550 5.1.1 <kijitora@example.jp>... User Unknown',
    },
    {
      want: 'userunknown',
      status: '4.1.1',
      reply: '450',
      diag: '450 4.1.1 <a@example.org>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)',
      note: '4xx user unknown',
    },
    {
      want: 'userunknown',
      status: '5.7.1',
      reply: '550',
      diag: '550 5.7.1 <a@example.fr>: Recipient address rejected: User unknown (in reply to RCPT TO command)',
      note: '5.7.1 with a user-unknown text at RCPT',
    },
    {
      want: 'userunknown',
      status: '5.0.0',
      reply: '550',
      type: 'X-Postfix',
      diag: 'host saturno51.mail.sys.intranet[172.26.20.8] said: 550 RCPT TO:<ritauhrig@example.com.ar> User unknown (in reply to RCPT TO command)',
      note: 'old Postfix quoted the remote reply under X-Postfix: still an SMTP reply (was onhold)',
    },
    {
      want: 'userunknown',
      status: '5.0.0',
      type: 'X-Postfix',
      diag: 'host mx.example.net[192.0.2.8] said:550 <a@example.net>: User unknown',
      note: 'quoted reply without the command note',
    },
    {
      want: 'userunknown',
      status: '5.7.1',
      reply: '554',
      diag: '554 5.7.1 <a@example.ch>: Recipient address rejected: Access denied',
      command: 'RCPT',
      note: 'Postfix/Exchange DBEB "Access denied" for a recipient',
    },
    {
      want: 'userunknown',
      status: '5.1.10',
      reply: '550',
      diag: "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'",
      note: 'Microsoft uses the null-MX code for an unknown recipient',
    },
    { want: 'userunknown', reply: '550', diag: '550 Utilisateur inconnu', command: 'RCPT' },
    { want: 'userunknown', reply: '550', diag: '550 5.1.1 Benutzer unbekannt: a@example.de' },
    { want: 'userunknown', reply: '550', diag: '550 El usuario no existe en este servidor' },
    { want: 'userunknown', reply: '550', diag: '550 Indirizzo inesistente' },
    { want: 'userunknown', reply: '550', diag: '550 O usuário não existe' },
    { want: 'userunknown', reply: '550', diag: '550 Gebruiker onbekend' },
    { want: 'userunknown', reply: '550', diag: '550 Нет такого пользователя' },
    { want: 'userunknown', diag: '宛先がみつかりませんでした。' },
    { want: 'userunknown', reply: '550', diag: "550 Le destinataire n'existe pas" },
    { want: 'userunknown', diag: 'No se encontró la dirección de correo electrónico que especificó.' },
    { want: 'userunknown', diag: 'このメールアドレスのユーザーは存在しません' },
    {
      want: 'userunknown',
      diag: "Your message wasn't delivered to a@example.it because the address couldn't be found, or is unable to receive mail.",
      note: 'Gmail "Address not found" card (webmail-dom.md 3.1)',
    },
    {
      want: 'onhold',
      diag: "Your message wasn't delivered to a@example.comn because the domain example.comn couldn't be found.",
      note: 'the same card for a domain is not a user-unknown (the DNS answer printed below it decides)',
    },
  ],
  mailboxfull: [
    { want: 'mailboxfull', status: '5.2.2', reply: '552', diag: '552 5.2.2 Mailbox full' },
    {
      want: 'mailboxfull',
      status: '5.1.1',
      reply: '550',
      diag: '550 5.1.1 <a@example.com>... mailbox full',
      note: 'the text contradicts X.1.1; a full mailbox exists',
    },
    {
      want: 'mailboxfull',
      reply: '452',
      diag: '452 4.2.2 The email account that you tried to reach is over quota.',
    },
    {
      want: 'mailboxfull',
      reply: '550',
      diag: '550 Boite du destinataire pleine. Recipient mailbox full. OFR_417',
    },
    { want: 'mailboxfull', diag: '送信先のメールボックスが一杯のため、送信できませんでした。' },
    { want: 'mailboxfull', diag: 'procmail: Quota exceeded while writing', type: 'X-Unix', status: '5.2.0' },
  ],
  filtered: [
    {
      want: 'filtered',
      status: '5.0.0',
      type: 'X-Notes',
      diag: 'Cannot route mail to user (kijitora@example.com)',
      note: "Domino's routing refusal, as Sisimai's Domino module reads it",
    },
    { want: 'filtered', status: '5.2.0', reply: '550', diag: '550 Unknown user kijitora@ntt.example.ne.jp' },
    {
      want: 'filtered',
      reply: '550',
      diag: '550 : User unknown',
      note: 'KDDI: empty address means a filter',
    },
    {
      want: 'filtered',
      reply: '550',
      diag: '550 Unknown user a@example.ne.jp (in reply to end of DATA command)',
      note: 'user unknown after DATA is a filter',
    },
    { want: 'filtered', reply: '550', diag: '550 5.7.1 Message rejected due to user rules' },
  ],
  hostunknown: [
    {
      want: 'hostunknown',
      status: '5.1.2',
      reply: '550',
      diag: '550 5.1.2 <a@example.org>... Host unknown (Name server: example.org: host not found)',
    },
    {
      want: 'hostunknown',
      status: '5.4.4',
      diag: 'Host or domain name not found. Name service error for name=example.jp type=A: Host not found',
    },
    { want: 'hostunknown', diag: 'DNS lookup failure: host cx.example.org not found' },
    { want: 'hostunknown', diag: '550 Domaine inconnu' },
  ],
  hasmoved: [
    {
      want: 'hasmoved',
      status: '5.1.6',
      reply: '550',
      diag: '550 5.1.6 recipient no longer on server: a@example.jp',
    },
    {
      want: 'hasmoved',
      reply: '550',
      diag: '550 kijitora@example.jp has been replaced by kijitora@example.org',
    },
    { want: 'hasmoved', status: '5.1.6', reply: '551', diag: '551 not our customer' },
  ],
  suspend: [
    {
      want: 'suspend',
      reply: '525',
      diag: '525 5.7.13 <a@example.net>: Recipient address rejected: User account disabled',
    },
    {
      want: 'suspend',
      status: '5.2.1',
      reply: '550',
      diag: '550 5.2.1 The email account that you tried to reach is disabled.',
    },
    { want: 'suspend', reply: '550', diag: '550 Mailbox is frozen. See http://mail.i.ua/err/3/' },
    {
      want: 'suspend',
      status: '5.5.0',
      reply: '550',
      diag: '550 5.5.0 Le compte du destinataire est bloque. The recipient account is blocked.',
    },
    { want: 'suspend', diag: '550 Cuenta suspendida' },
  ],
  mesgtoobig: [
    {
      want: 'mesgtoobig',
      diag: 'message size 18876259 exceeds size limit 10485760 of server cluster.example.net[192.0.2.148]',
      note: "Postfix's own SIZE check, no code (visible text; was onhold)",
    },
    { want: 'mesgtoobig', status: '5.3.4', reply: '552', diag: '552 5.3.4 Message too large' },
    {
      want: 'mesgtoobig',
      diag: 'Mail size limit exceeded. For explanation visit http://postmaster.1and1.com/en/error-messages',
    },
    { want: 'mesgtoobig', reply: '552', diag: '552 Taille limite du message atteinte' },
  ],
  exceedlimit: [
    {
      want: 'exceedlimit',
      status: '5.2.3',
      reply: '552',
      diag: '552 5.2.3 Message size exceeds fixed maximum message size (10485760)',
    },
    {
      want: 'exceedlimit',
      status: '4.2.3',
      reply: '452',
      diag: '452 4.2.3 Message length exceeds administrative limit',
    },
    { want: 'exceedlimit', reply: '552', diag: '552 Message header size exceeds limit' },
  ],
  norelaying: [
    {
      want: 'norelaying',
      status: '5.7.1',
      reply: '554',
      diag: '554 5.7.1 <a@example.org>: Relay access denied',
    },
    { want: 'norelaying', reply: '550', diag: '550 5.7.1 Unable to relay for a@example.org' },
    { want: 'norelaying', reply: '550', diag: 'Remote protocol error: 550 Insecure Mail Relay' },
    { want: 'norelaying', reply: '550', diag: '550 Relaying denied' },
  ],
  authfailure: [
    {
      want: 'authfailure',
      status: '5.7.509',
      reply: '550',
      diag: '550 5.7.509 Access denied, sending domain [EXAMPLE.JP] does not pass DMARC verification and has a DMARC policy of reject.',
    },
    {
      want: 'authfailure',
      status: '5.7.23',
      reply: '550',
      diag: '550 5.7.23 Message rejected due to: SPF fail - not authorized.',
    },
    {
      want: 'authfailure',
      status: '5.7.1',
      reply: '550',
      diag: '550 5.7.1 DKIM signature verification failed',
    },
    {
      want: 'authfailure',
      status: '5.7.26',
      reply: '550',
      diag: '550 5.7.26 Gmail requires all senders to authenticate with either SPF or DKIM.',
    },
  ],
  requireptr: [
    {
      want: 'requireptr',
      reply: '550',
      diag: '550 5.7.25 [192.0.2.1] The IP address sending this message does not have a PTR record setup',
    },
    { want: 'requireptr', reply: '571', diag: '571 No PTR Record found. Reverse DNS required: 203.0.113.22' },
    { want: 'requireptr', status: '5.7.25', reply: '550', diag: '550 5.7.25 Client rejected' },
    {
      want: 'requireptr',
      reply: '450',
      diag: '450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.1]',
    },
  ],
  notcompliantrfc: [
    {
      want: 'notcompliantrfc',
      status: '5.7.1',
      reply: '550',
      diag: '550 5.7.1 Messages with multiple addresses in From: header are not accepted.',
    },
    {
      want: 'notcompliantrfc',
      status: '5.7.1',
      reply: '550',
      diag: '550 5.7.1 This message is not RFC 5322 compliant. There are multiple Subject headers.',
    },
    {
      want: 'notcompliantrfc',
      reply: '550',
      diag: '550 5.7.512 Message must be RFC 5322 section 3.6.2 compliant',
    },
  ],
  contenterror: [
    {
      want: 'contenterror',
      status: '5.6.1',
      reply: '500',
      diag: '500 5.6.1 Message content rejected',
      note: 'X.6 status wins over the spam-like words',
    },
    {
      want: 'contenterror',
      status: '5.0.0',
      reply: '554',
      diag: "554 Transaction failed: Duplicate header 'DKIM-Signature'.",
    },
    {
      want: 'contenterror',
      status: '5.6.9',
      reply: '550',
      diag: '550 5.6.9 improper use of 8-bit data in message header',
    },
    { want: 'contenterror', status: '4.6.0', reply: '450', diag: '450 4.6.0 try again' },
  ],
  badreputation: [
    {
      want: 'badreputation',
      status: '4.7.650',
      reply: '451',
      diag: '451 4.7.650 The mail server [192.0.2.1] has been temporarily rate limited due to IP reputation.',
    },
    {
      want: 'badreputation',
      status: '4.7.0',
      reply: '421',
      diag: '421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints',
    },
    {
      want: 'badreputation',
      status: '5.7.1',
      reply: '550',
      diag: '550 5.7.1 Our system has detected a very low reputation of the sending domain.',
    },
  ],
  rejected: [
    {
      want: 'rejected',
      status: '5.1.1',
      reply: '550',
      command: 'DATA',
      diag: '550-Verification failed for <bounces+x1@example.com> 550-The mail server could not deliver mail to bounces+x1@example.com. The account or domain may not exist, they may be blacklisted, or missing the proper dns entries. 550 Sender verify failed',
      note: "Exim's sender callout failed; Sendmail relayed it as 5.1.1 for the recipient (was hostunknown)",
    },
    {
      want: 'rejected',
      status: '5.1.1',
      reply: '550',
      command: 'RCPT',
      diag: '550 5.1.1 <a@example.org>: Sender address verification failed',
    },
    {
      want: 'rejected',
      status: '5.1.8',
      reply: '553',
      diag: '553 5.1.8 <root@host.example>... Domain of sender address root@host.example does not exist',
    },
    {
      want: 'rejected',
      status: '5.7.1',
      reply: '550',
      diag: '550 5.7.1 Access denied (in reply to MAIL FROM command)',
    },
    { want: 'rejected', diag: 'You are not a member of this mailing list <list@example.org>.' },
    {
      want: 'rejected',
      diag: 'Hallo a@example.jp, Sie nicht die erforderlichen Berechtigungen haben, um der Gruppe Nachrichten zu posten.',
    },
    { want: 'rejected', reply: '550', diag: '550 5.1.0 Emetteur invalide. Invalid Sender. OFR_102' },
  ],
  spamdetected: [
    {
      want: 'spamdetected',
      status: '5.0.0',
      reply: '554',
      diag: '554 Spam email. Email Session ID: {4EA34C51-0-5059ED9-FFFF} (in reply to end of DATA command)',
      note: 'the answer is just "spam" (was onhold)',
    },
    {
      want: 'spamdetected',
      type: 'X-XWall',
      diag: '5.9.8 Spam',
      note: 'XWall: status subject 9 does not exist',
    },
    {
      want: 'spamdetected',
      status: '5.7.1',
      reply: '550',
      diag: '550 5.7.1 Message content rejected, UBE, id=22220-02-222',
    },
    {
      want: 'spamdetected',
      status: '5.7.0',
      reply: '554',
      diag: '554 5.7.0 Reject, id=22222-22 NekoNyaan-2y:2 - SPAM. See http://example.com/block',
    },
    {
      want: 'spamdetected',
      diag: 'Your email to group a@example.com was rejected due to spam classification.',
    },
    { want: 'spamdetected', reply: '550', diag: '550 Message rejeté: considéré comme spam', command: 'DATA' },
    {
      want: 'spamdetected',
      reply: '550',
      diag: '550 Ihre Nachricht wurde als Spam eingestuft',
      command: 'DATA',
    },
    {
      want: 'spamdetected',
      diag: 'Your message to: a@example.jp was blocked by our Spam & Virus Firewall. The email you sent with the following subject has NOT BEEN DELIVERED',
      note: 'Barracuda notice as displayed (no code)',
    },
  ],
  virusdetected: [
    {
      want: 'virusdetected',
      reply: '550',
      diag: '550 Virus Detected; Content Rejected (in reply to end of DATA command)',
    },
    {
      want: 'virusdetected',
      status: '5.7.1',
      reply: '554',
      diag: '554 5.7.1 Your message was infected with a virus',
    },
    { want: 'virusdetected', reply: '552', diag: '552 5.7.0 It has a potentially executable attachment' },
  ],
  toomanyconn: [
    { want: 'toomanyconn', status: '4.3.2', reply: '452', diag: '452 4.3.2 Connection rate limit exceeded.' },
    {
      want: 'toomanyconn',
      reply: '421',
      diag: '421 4.7.0 Too many connections from your IP, try again later',
    },
    { want: 'toomanyconn', reply: '550', diag: '550 Ip frequency limited [Blocked IP 192.0.2.22]' },
    {
      want: 'toomanyconn',
      reply: '421',
      diag: '421 mwinf5c04 ME Trop de connexions, veuillez verifier votre configuration.',
    },
  ],
  speeding: [
    {
      want: 'speeding',
      status: '5.2.1',
      reply: '550',
      diag: 'The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered.',
    },
    {
      want: 'speeding',
      status: '5.1.1',
      reply: '550',
      diag: '550 5.1.1 <a@example.com> - 203.0.113.222 has sent to too many recipients this hour. IB607',
    },
    {
      want: 'speeding',
      status: '4.7.1',
      reply: '451',
      diag: '451 4.7.1 <mx.example.org[192.0.2.2]>: Client host rejected: Please try again slower',
    },
  ],
  blocked: [
    {
      want: 'blocked',
      status: '5.7.1',
      reply: '554',
      diag: '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org',
    },
    { want: 'blocked', status: '5.7.1', reply: '550', diag: '550 5.7.1 IP address blacklisted by recipient' },
    {
      want: 'blocked',
      status: '5.7.606',
      reply: '550',
      diag: '550 5.7.606 Access denied, banned sending IP [192.0.2.225].',
    },
    {
      want: 'blocked',
      reply: '554',
      diag: 'host mx.example.org[192.0.2.1] refused to talk to me: 554 Service unavailable',
      note: 'refused at greeting',
    },
    {
      want: 'blocked',
      reply: '550',
      diag: 'SMTP error from remote mail server after initial connection: 550 Access denied',
    },
    { want: 'blocked', reply: '554', diag: '554 Votre adresse IP est sur liste noire' },
  ],
  notaccept: [
    {
      want: 'notaccept',
      diag: "DNS Error: DNS type 'mx' lookup of example.org responded with code NOERROR The domain example.org doesn't receive email according to the administrator: returned Null MX",
    },
    {
      want: 'notaccept',
      status: '5.3.2',
      reply: '521',
      diag: '521 5.3.2 System not accepting network messages',
    },
    { want: 'notaccept', reply: '556', diag: '556 Domain does not accept mail' },
    { want: 'notaccept', diag: 'an MX or SRV record indicated no SMTP service' },
  ],
  policyviolation: [
    {
      want: 'policyviolation',
      status: '5.7.9',
      reply: '554',
      diag: '554 5.7.9 Message not accepted for policy reasons.',
    },
    { want: 'policyviolation', status: '5.7.0', reply: '550', diag: '550 5.7.0 Local Policy Violation' },
    {
      want: 'policyviolation',
      status: '5.7.0',
      reply: '552',
      diag: '552 5.7.0 This message was blocked because its content presents a potential security issue.',
    },
  ],
  securityerror: [
    {
      want: 'securityerror',
      status: '5.7.1',
      reply: '550',
      diag: '#550 5.7.1 RESOLVER.RST.AuthRequired; authentication required',
    },
    { want: 'securityerror', reply: '550', diag: '550 Unauthenticated senders not allowed' },
    {
      want: 'securityerror',
      status: '5.7.1',
      reply: '554',
      diag: '554 5.7.1 Access denied (in reply to RCPT TO command)',
      note: 'plain Access denied at RCPT',
    },
    { want: 'securityerror', status: '5.7.0', reply: '550', diag: '550 5.7.0 Something odd' },
    {
      want: 'securityerror',
      status: '4.7.29',
      reply: '421',
      diag: '421-4.7.29 Gmail requires all bulk email senders to use TLS/SSL for SMTP connections.',
      note: '"bulk email" alone is not a spam verdict',
    },
  ],
  systemerror: [
    {
      want: 'systemerror',
      status: '5.0.0',
      type: 'X-Notes',
      diag: 'Recipient user name info (info@example.com ) not unique.  Several matches found in Domino Directory.',
      note: "Domino's ambiguous directory lookup (was onhold)",
    },
    {
      want: 'systemerror',
      status: '5.3.5',
      reply: '550',
      diag: '550 5.3.5 <a@example.org>... Internal System Error',
    },
    { want: 'systemerror', reply: '451', diag: '451 Could not load DRD for domain (example.com)' },
    { want: 'systemerror', status: '4.4.3', diag: 'Unable to contact LDAP server. (#4.4.3)' },
    { want: 'systemerror', reply: '451', diag: '451 Erreur interne, réessayez plus tard' },
    {
      want: 'systemerror',
      diag: '/home/kijitora/bin/filter.sh: /bin/sh^M: bad interpreter: No such file or directory',
      note: "qmail's local delivery program cannot start (was onhold)",
    },
    {
      want: 'systemerror',
      status: '5.0.0',
      diag: "This domain's DNS violates RFC 1035.",
      note: "Courier's DNS error (was onhold)",
    },
    {
      want: 'systemerror',
      status: '5.4.4',
      diag: 'Permanent error while executing qmail-forward. (#5.4.4)',
      note: "qmail-ldap's forwarding program failed: the text beats 5.4.4's 'unable to route' (was hostunknown)",
    },
  ],
  systemfull: [
    {
      want: 'systemfull',
      status: '4.4.5',
      reply: '452',
      diag: '452 4.4.5 Insufficient disk space; try again later',
    },
    { want: 'systemfull', status: '4.3.1', reply: '452', diag: '452 4.3.1 Mail system full' },
    { want: 'systemfull', reply: '452', diag: '452 Requested action not taken: insufficient system storage' },
    {
      want: 'systemfull',
      reply: '452',
      diag: '452 Requested action not taken: mailbox unavailable (not enough free space)',
      note: 'qmail: the server\'s disk, not the "mailbox unavailable" around it (was userunknown)',
    },
  ],
  networkerror: [
    {
      want: 'networkerror',
      status: '5.0.0',
      diag: 'Loop detected',
      note: "OpenSMTPD's relay failure (was onhold)",
    },
    {
      want: 'networkerror',
      status: '5.4.6',
      reply: '554',
      diag: '554 5.4.6 Hop count exceeded - possible mail loop',
    },
    {
      want: 'networkerror',
      status: '4.4.1',
      action: 'delayed',
      type: 'X-Postfix',
      diag: 'connect to example.com[192.0.2.2]:25: No route to host',
    },
    {
      want: 'networkerror',
      status: '5.4.4',
      diag: 'Name service error for name=example.org type=MX: Malformed or unexpected name server reply',
    },
    {
      want: 'networkerror',
      status: '4.0.0',
      diag: "DNS Error: DNS type 'mx' lookup of example.jp responded with code NXDOMAIN",
    },
  ],
  expired: [
    {
      want: 'expired',
      status: '4.4.7',
      action: 'delayed',
      diag: 'Delivery to the following recipients has been delayed.',
    },
    { want: 'expired', action: 'delayed', diag: '', note: 'delayed with nothing else' },
    {
      want: 'expired',
      action: 'delayed',
      diag: 'Delay reason: connection to mail.example.jp timed out',
      note: "Exim's delay warning (was onhold)",
    },
    {
      want: 'expired',
      diag: 'Message 1abcDE-000Fgh-2I has been frozen by the system filter.',
      note: 'Exim froze the message (was onhold)',
    },
    { want: 'expired', diag: 'Message 1abcDE-000Fgh-2I was frozen on arrival by ACL.' },
    { want: 'expired', diag: 'retry timeout exceeded' },
    {
      want: 'expired',
      status: '5.4.7',
      reply: '554',
      diag: '554 5.4.7 Message expired: unable to deliver in 840 minutes',
    },
  ],
  mailererror: [
    {
      want: 'mailererror',
      status: '5.3.0',
      reply: '554',
      type: 'X-Unix',
      diag: '554 5.3.0 unknown mailer error 255',
    },
    { want: 'mailererror', status: '4.3.0', type: 'X-Unix', diag: 'temporary failure' },
    {
      want: 'mailererror',
      status: '5.5.0',
      reply: '554',
      diag: '554 "|IFS=\' \' && exec /usr/local/bin/procmail -f- || exit 75 #user"... Service unavailable',
    },
  ],
  syntaxerror: [
    { want: 'syntaxerror', reply: '503', diag: '503 Improper sequence of commands' },
    {
      want: 'syntaxerror',
      status: '5.5.2',
      reply: '500',
      diag: '500 5.5.2 Syntax error, command unrecognized',
    },
    { want: 'syntaxerror', reply: '504', diag: '504 Command parameter not implemented' },
  ],
  onhold: [
    {
      want: 'onhold',
      status: '4.3.0',
      reply: '421',
      diag: '421 4.3.0 Upstream error, please check the postmaster page',
    },
    { want: 'onhold', diag: 'Did not reach the following recipient: a@example.net' },
    { want: 'onhold', status: '5.4.1', diag: '541 5.4.1 Mail rejected by destination domain' },
  ],
  undefined: [
    { want: 'undefined', diag: '' },
    { want: 'undefined', diag: '   \n  ', reply: '' },
    { want: 'undefined', status: '5.0.0', diag: '' },
  ],
  delivered: [
    { want: 'delivered', status: '2.6.0', reply: '250', diag: '250 2.6.0 Message received' },
    { want: 'delivered', status: '2.1.5', diag: '250 OK' },
    { want: 'delivered', status: '2.0.0', diag: '' },
  ],
};

describe('reason: focused cases', () => {
  for (const [name, cases] of Object.entries(CASES)) {
    it(`${name}: ${cases.length} cases`, () => {
      expect(cases.length).toBeGreaterThanOrEqual(3);
      for (const c of cases) {
        const got = run(c);
        expect({ diag: c.diag, note: c.note, reason: got.reason }).toEqual({
          diag: c.diag,
          note: c.note,
          reason: c.want,
        });
      }
    });
  }

  it('says which phrase decided', () => {
    const r = run({
      want: 'userunknown',
      reply: '550',
      diag: '550 5.1.1 <A@EXAMPLE.ORG>: Recipient address rejected: User unknown in virtual mailbox table',
    });
    expect(r.reason).toBe('userunknown');
    expect(r.matched).toBe('user unknown in virtual mailbox table');
    expect(r.why).toContain('user unknown in virtual mailbox table');
  });

  it('says which code decided', () => {
    const r = run({ want: 'mailboxfull', status: '5.2.2', reply: '552', diag: '552 5.2.2 Sorry' });
    expect(r).toMatchObject({ reason: 'mailboxfull', matched: '5.2.2' });
    expect(r.why).toContain('5.2.2');
    const s = run({ want: 'suspend', reply: '525', diag: '525 Sorry' });
    expect(s).toMatchObject({ reason: 'suspend', matched: '525' });
  });

  it('reads X-Postfix diagnostics as SMTP replies (Sisimai: SMTP), with a sentence that reads', () => {
    // Postfix's own finding under X-Postfix, status 5.0.0 (BounceParser corpus postfix-host-unknown)
    const host = run({
      want: 'hostunknown',
      status: '5.0.0',
      type: 'X-Postfix',
      diag: '[dest.example.com]: Name or service not known',
    });
    expect(host.reason).toBe('hostunknown');
    const conn: Case = {
      want: 'blocked',
      command: 'CONN',
      diag: 'delivery temporarily suspended: host mx.example.net[192.0.2.1] refused to talk to me: 421 Service not available',
    };
    expect(run({ ...conn, type: 'X-Postfix' }).why).toBe(
      'The server refused at connection time, before any mail was sent: blocked by receiver.',
    );
    // the last-resort rule for other types, which used to say "refused the connection was refused"
    expect(run({ ...conn, type: 'X-Other' })).toMatchObject({
      reason: 'blocked',
      why: 'The server refused at connection time, before any mail was sent.',
    });
  });

  it('uses the command given by the caller over the one read from the text', () => {
    const diag = '550 Unknown user a@example.ne.jp (in reply to RCPT TO command)';
    expect(run({ want: 'userunknown', diag }).reason).toBe('userunknown');
    expect(run({ want: 'filtered', diag, command: 'DATA' }).reason).toBe('filtered');
  });

  it('ignores malformed status codes instead of guessing', () => {
    expect(run({ want: 'onhold', status: '5.1', diag: 'whatever happened' }).reason).toBe('onhold');
    expect(run({ want: 'userunknown', status: '5.01.001', diag: 'x' }).reason).toBe('userunknown');
  });
});

/**
 * Reply texts from Sisimai's own reason phrase lists that the tables lacked (SIS-PH in
 * core/knowledge/reasons.ts). Each gave onhold, or another reason, before they were added. Written
 * as the servers send them: with the reply code, and with the status code where it would not
 * decide on its own.
 */
const SISIMAI_PHRASES: Case[] = [
  // userunknown
  { want: 'userunknown', reply: '550', diag: '550 #5.1.1 bad address kijitora@example.jp' },
  { want: 'userunknown', reply: '550', diag: '550 5.1.1 <kijitora@example.jp>: user missing home directory' },
  { want: 'userunknown', reply: '550', diag: '550 Mailbox not present' },
  { want: 'userunknown', reply: '550', diag: '550 sorry, no mailbox by that name is currently available' },
  { want: 'userunknown', reply: '550', diag: '550 Requested action not taken: mailbox is unavailable' },
  {
    want: 'userunknown',
    reply: '550',
    diag: '550 vdeliver: Invalid or unknown virtual user kijitora@example.jp',
  },
  {
    want: 'userunknown',
    reply: '550',
    diag: '550 Account kijitora@example.jp does not exist at the organization this email was sent to',
  },
  { want: 'userunknown', reply: '550', diag: '550 Mailbox kijitora does not exist' },
  { want: 'userunknown', reply: '553', diag: '553 User (kijitora@example.jp) unknown' },
  { want: 'userunknown', reply: '550', diag: '550 5.1.1 <kijitora@example.jp> not found' },
  { want: 'userunknown', reply: '550', diag: '550 Recipient kijitora@example.jp was not found in LDAP' },
  // mailboxfull, not suspend / toomanyconn
  { want: 'mailboxfull', reply: '552', diag: '552 5.2.2 User is over the quota. You can try again later.' },
  {
    want: 'mailboxfull',
    reply: '552',
    diag: '552 Recipient rejected: mailbox would exceed maximum allowed storage',
  },
  {
    want: 'mailboxfull',
    reply: '550',
    diag: '550 Account disabled temporarly for exceeding receiving limits',
    note: 'not suspend: the account is paused because it received too much',
  },
  {
    want: 'toomanyconn',
    reply: '454',
    diag: '454 Throttling failure: Daily message quota exceeded.',
    note: "Amazon SES: the sender's own quota, not the recipient's mailbox",
  },
  {
    want: 'toomanyconn',
    reply: '421',
    diag: '421 example.jp has exceeded the max emails per hour (100/100 (100%)) allowed',
  },
  // expired
  {
    want: 'expired',
    diag: 'retry time not reached for any host after a long failure period',
    type: 'X-Postfix',
  },
  { want: 'expired', reply: '451', diag: '451 Message timed out' },
  {
    want: 'expired',
    diag: 'The recipient was not reachable within the allowed queue period',
    type: 'X-Postfix',
  },
  // blocked, rejected (sender side)
  { want: 'blocked', reply: '550', diag: '550 5.7.1 Access from ip address 192.0.2.1 blocked' },
  { want: 'blocked', reply: '554', diag: '554 5.7.1 Server IP 192.0.2.1 listed as abusive' },
  {
    want: 'blocked',
    reply: '550',
    diag: '550 Too many spams from your IP (192.0.2.1), please visit http://postmaster.free.fr/',
  },
  {
    want: 'blocked',
    status: '4.7.0',
    reply: '421',
    diag: '421 4.7.0 [TS01] Messages from 192.0.2.1 temporarily deferred due to user complaints - 4.16.55.1',
  },
  { want: 'rejected', reply: '553', diag: '553 5.1.8 Sender email address rejected' },
  {
    want: 'rejected',
    reply: '550',
    diag: '550 Access denied (sender blacklisted)',
    note: 'the sender, not the IP',
  },
  { want: 'rejected', reply: '550', diag: '550 Envelope blocked - User Entry - kijitora@example.jp' },
  { want: 'rejected', reply: '550', diag: '550 BATV failed to verify' },
  {
    want: 'rejected',
    reply: '553',
    diag: '553 sorry, your envelope sender is in my badmailfrom list; sender is in my black list',
  },
  // spamdetected, content
  { want: 'spamdetected', reply: '554', diag: '554 5.7.1 Your message has triggered a SPAM block' },
  { want: 'spamdetected', reply: '550', diag: '550 This message scored 12.5 spam points' },
  { want: 'spamdetected', reply: '550', diag: '550 5.7.1 Message rejected by mx.example.org (spam)' },
  {
    want: 'spamdetected',
    reply: '554',
    diag: '554 blacklisted URL in message',
    note: 'a content finding, not an IP block',
  },
  { want: 'spamdetected', reply: '550', diag: '550 Too many spam complaints' },
  // securityerror, policyviolation, norelaying
  {
    want: 'securityerror',
    diag: 'SASL authentication failed; server mx.example.org[192.0.2.1] said: 535 5.7.8 Error: authentication failed',
    type: 'X-Postfix',
  },
  {
    want: 'securityerror',
    status: '5.0.0',
    reply: '554',
    diag: '554 Message rejected: User arn:aws:iam::123456789012:user/ses-smtp is not authorized to perform ses:SendRawEmail on resource arn:aws:ses:us-east-1:123456789012:identity/example.jp',
  },
  { want: 'policyviolation', reply: '550', diag: "550 You're using a mass mailer" },
  {
    want: 'norelaying',
    reply: '553',
    diag: "553 sorry, that domain isn't in my list of allowed rcpthost (#5.7.1)",
  },
  // networkerror, requireptr, systemerror, suspend
  {
    want: 'networkerror',
    status: '4.4.0',
    diag: 'DNS records for the destination computer could not be found',
    type: 'X-Postfix',
  },
  { want: 'requireptr', reply: '550', diag: '550 5.7.1 Bad DNS PTR resource record' },
  { want: 'systemerror', reply: '451', diag: '451 4.3.0 Unable to connect to the filter daemon' },
  { want: 'suspend', reply: '550', diag: '550 5.2.1 This account has been temporarily suspended' },
];

/** Providers' own replies from Sisimai's per-provider (Rhost) tables that the phrases lacked. */
const PROVIDER_REPLIES: Case[] = [
  {
    want: 'systemerror',
    status: '4.7.0',
    reply: '421',
    diag: '421 4.7.0 Temporary System Problem. Try again later (10). - gsmtp',
  },
  {
    want: 'systemerror',
    status: '4.7.500',
    reply: '451',
    diag: '451 4.7.500 Server busy. Please try again later from [192.0.2.2]. (AS761)',
  },
  {
    want: 'systemerror',
    status: '4.7.700',
    reply: '451',
    diag: '451 4.7.700 PFA agent busy, please try again.',
  },
  {
    want: 'toomanyconn',
    status: '4.7.652',
    reply: '451',
    diag: '451 4.7.652 The mail server [192.0.2.251] has exceeded the maximum number of connections. (S3115)',
  },
  {
    want: 'toomanyconn',
    status: '4.7.0',
    reply: '421',
    diag: '421 4.7.0 cmsmtp Too many sessions from 192.0.2.1',
  },
  {
    want: 'speeding',
    status: '5.7.508',
    reply: '550',
    diag: '550 5.7.508 Access denied, [192.0.2.1] has exceeded permitted limits within 2001:db8::/48 range',
  },
  {
    want: 'hostunknown',
    status: '5.4.310',
    reply: '550',
    diag: '550 5.4.310 DNS domain example.jp does not exist [Message=InfoDomainNonexistent]',
  },
  {
    want: 'notaccept',
    status: '4.4.4',
    reply: '451',
    diag: '451 4.4.4 Mail received as unauthenticated, incoming to a recipient domain configured in a hosted tenant which has no mail-enabled subscriptions. ATTR5',
  },
  { want: 'blocked', reply: '553', diag: '553 Sorry, your IP address (192.0.2.1) has been blocked' },
  { want: 'rejected', reply: '553', diag: '553 Sorry, your domain has been blocked' },
  { want: 'spamdetected', reply: '552', diag: '552 Message rejected for spam or virus content' },
  {
    want: 'norelaying',
    reply: '451',
    diag: '451 Open relay is not allowed - https://community.mimecast.com/docs/DOC-1369#451',
  },
  {
    want: 'securityerror',
    reply: '535',
    diag: '535 Incorrect authentication data - https://community.mimecast.com/docs/DOC-1369#535',
  },
  { want: 'contenterror', status: '5.5.6', reply: '550', diag: '550 5.5.6 Invalid message content' },
  {
    want: 'syntaxerror',
    status: '4.5.0',
    reply: '451',
    diag: '451 4.5.0 SMTP protocol violation, see RFC 2821 - gsmtp',
  },
  {
    want: 'expired',
    status: '4.7.0',
    reply: '421',
    diag: '421 4.7.0 Connection expired, try reconnecting. - gsmtp',
  },
  { want: 'rejected', status: '5.7.0', reply: '550', diag: '550 5.7.0 Mail Sending denied. - gsmtp' },
  {
    want: 'rejected',
    reply: '553',
    diag: '553 sorry, your envelope sender is in my badmailfrom list (#5.7.1)',
  },
  { want: 'authfailure', reply: '553', diag: '553 DMARC domain authentication fail' },
  {
    want: 'userunknown',
    status: '5.1.4',
    reply: '550',
    diag: '550 5.1.4 Recipient address reserved by RFC 2606',
  },
];

/** MTAs' own failure texts from Sisimai's per-MTA (Lhost) tables that the phrases lacked. */
const MTA_TEXTS: Case[] = [
  { want: 'hostunknown', diag: 'all host address lookups failed permanently' },
  { want: 'hostunknown', diag: 'all relevant MX records point to non-existent hosts' },
  { want: 'notaccept', diag: 'no host found for existing SMTP connection', type: 'X-Exim' },
  { want: 'systemerror', diag: 'delivery to pipe forbidden', type: 'X-Exim' },
  { want: 'syntaxerror', diag: 'missing or malformed local part (expected word or "<")', type: 'X-Exim' },
  {
    want: 'networkerror',
    status: '5.4.6',
    diag: "Sorry. Although I'm listed as a best-preference MX or A for that host, it isn't in my control/locals file, so I don't treat it as local. (#5.4.6)",
  },
  { want: 'suspend', status: '5.2.1', diag: 'Sorry, Mailaddress is administrativley disabled. (#5.2.1)' },
  { want: 'systemerror', status: '4.3.0', diag: 'Automatic homedir creator crashed. (#4.3.0)' },
  { want: 'networkerror', diag: 'Message has exceeded maximum hop count' },
  { want: 'networkerror', status: '5.0.0', diag: 'No valid route to remote MX' },
  {
    want: 'userunknown',
    diag: 'El usuario kijitora (kijitora@example.jp) no se encuentra en el Directorio de Domino',
  },
  { want: 'expired', diag: 'Delivery failed 5 attempts: kijitora@example.com' },
  { want: 'suspend', diag: 'The user(s) account is temporarily limited.' },
];

/** Texts beyond the corpus, from Sisimai's own tables (docs/reason-notes.md, 2026-11-24). */
const BEYOND_THE_CORPUS: Record<string, Case[]> = {
  "Sisimai's phrase lists (SIS-PH)": SISIMAI_PHRASES,
  "providers' replies (Sisimai Rhost tables)": PROVIDER_REPLIES,
  "MTAs' own texts (Sisimai Lhost tables)": MTA_TEXTS,
};

for (const [name, cases] of Object.entries(BEYOND_THE_CORPUS)) {
  describe(`reason: ${name}`, () => {
    it.each(cases.map((c) => [c.diag, c] as const))('%s', (_diag, c) => {
      expect(run(c).reason).toBe(c.want);
    });
  });
}

describe('reason: command inference', () => {
  it.each([
    ['host x[1.2.3.4] said: 550 nope (in reply to RCPT TO command)', 'RCPT'],
    ['SMTP error from remote mail server after MAIL FROM:<a@b> SIZE=1: 550 no', 'MAIL'],
    ['SMTP error from remote mail server after end of data: 550 no', 'DATA'],
    ['host x refused to talk to me: 554 go away', 'CONN'],
    ['Connected to 192.0.2.1 but my name was rejected.', 'HELO'],
    ['192.0.2.1 does not like recipient. Remote host said: 550 no', 'RCPT'],
    ['550 5.1.1 User Unknown [RCPT_TO]', 'RCPT'],
    ['550 nothing here', ''],
  ])('%s -> %s', (text, want) => {
    expect(inferCommand(text)).toBe(want);
  });

  it('reads the same cue table as the extractor (Exim HELO, X6, X3, Yahoo MAIL_FROM)', () => {
    expect(inferCommand('SMTP error from remote mail server after HELO foo: 550 no')).toBe('HELO');
    expect(inferCommand('SMTP error from remote mail server after EHLO foo: 550 no')).toBe('EHLO');
    expect(inferCommand('Error following RCPT command: 550 no such user')).toBe('RCPT');
    expect(inferCommand('SMTP:RCPT host mx.example.org: 553 no')).toBe('RCPT');
    expect(inferCommand('553 5.7.1 [BL21] Connections will not be accepted [MAIL_FROM]')).toBe('MAIL');
  });

  it('the recipient command outranks a later DATA in a transcript', () => {
    expect(inferCommand('>>> RCPT To:<a@b> <<< 550 no >>> DATA <<< 503 no')).toBe('RCPT');
  });
});

/* ------------------------------------------------------------------------------------------------
 * Tables
 * ---------------------------------------------------------------------------------------------- */

describe('reason: tables', () => {
  const allPatterns = Object.values(REASON_PHRASES).flatMap((groups) =>
    (groups ?? []).flatMap((g) => g.patterns),
  );

  it('keeps every phrase lower-case and single-spaced (the engine lower-cases the text once)', () => {
    for (const p of allPatterns) {
      if (typeof p !== 'string') continue;
      // Leading/trailing spaces are deliberate word boundaries (" - spam"); inside, it must be normal.
      expect(normaliseReasonText(p), p).toBe(p.trim());
    }
    for (const c of COMMAND_PATTERNS) expect(c.key).toBe(c.key.toLowerCase());
  });

  it('notes a source beside every family', () => {
    for (const groups of Object.values(REASON_PHRASES))
      for (const g of groups ?? []) expect(g.source.length).toBeGreaterThan(3);
    for (const r of STATUS_RULES) expect(r.source.length).toBeGreaterThan(2);
  });

  it('uses only RegExps that recheck finds safe, without flags that change their cost', () => {
    const regexps = [
      ...allPatterns.filter((p): p is RegExp => p instanceof RegExp),
      SISIMAI_PSEUDO_STATUS_PATTERN,
    ];
    expect(regexps.length).toBeGreaterThan(5);
    for (const re of regexps) {
      expect(re.flags.replace(/[iu]/g, ''), String(re)).toBe('');
      // The automaton checker is exact (no random fuzzing) for regexes without back-references.
      const diagnosis = checkSync(re.source, re.flags, { checker: 'automaton', timeout: 20_000 });
      expect(`${re} ${diagnosis.status}`).toBe(`${re} safe`);
    }
  }, 120_000);

  it('has status codes of the right shape, each listed once', () => {
    const seen = new Set<string>();
    for (const r of STATUS_RULES) {
      expect(r.code, r.code).toMatch(/^[X45]\.\d{1,3}\.\d{1,3}$/);
      expect(seen.has(r.code), r.code).toBe(false);
      seen.add(r.code);
    }
  });

  it('maps every Sisimai pseudo code seen in the corpus to the reason Sisimai gave it', () => {
    const odd: string[] = [];
    for (const r of rows) {
      if (!SISIMAI_PSEUDO_STATUS_PATTERN.test(r.deliverystatus)) continue;
      const want = SISIMAI_PSEUDO_STATUS[r.deliverystatus];
      expect(want, r.deliverystatus).toBeTruthy();
      if (want !== r.reason) odd.push(`${r.deliverystatus} ${r.reason}`);
    }
    // x.0.901 is Sisimai's "onhold" code; a per-host module later turned three such rows into requireptr.
    expect([...new Set(odd)].sort()).toEqual(['4.0.901 requireptr', '5.0.901 requireptr']);
  });

  it('names only phrase families that exist in the decision orders', () => {
    const keys = new Set(Object.keys(REASON_PHRASES));
    for (const p of PRIMARY_ORDER) {
      for (const k of [...(p.phrases ?? []), ...(p.statusGivesWayTo ?? [])])
        expect(keys.has(k), k).toBe(true);
    }
    for (const k of SECONDARY_ORDER) expect(keys.has(k), k).toBe(true);
  });

  it('has plain words and a sentence for every reason', () => {
    for (const r of Object.keys(REASON_WORDS) as Reason[]) {
      expect(reasonText(r).length).toBeGreaterThan(3);
      expect(reasonText(r).length).toBeLessThan(40);
      expect(reasonMeaning(r)).toMatch(/^[A-Z].{20,}\.$/);
    }
    expect(reasonText('userunknown')).toBe('address does not exist');
    expect(reasonText('mailboxfull')).toBe('mailbox full');
    expect(reasonText('blocked')).toBe('blocked by receiver');
    expect(reasonText('speeding')).toBe('rate limited');
  });
});

describe('reason: hostile input', () => {
  it('reads only the head of a huge diagnostic', () => {
    const huge = `${'x'.repeat(5_000_000)} user unknown`;
    expect(
      decideReason({
        status: '',
        replyCode: '',
        diagnostic: huge,
        dsnAction: 'failed',
        command: '',
        diagnosticType: 'SMTP',
      }).reason,
    ).toBe('onhold');
    const head = `550 5.2.2 mailbox full ${'y '.repeat(2_000_000)}`;
    expect(
      decideReason({
        status: '',
        replyCode: '550',
        diagnostic: head,
        dsnAction: 'failed',
        command: '',
        diagnosticType: 'SMTP',
      }).reason,
    ).toBe('mailboxfull');
    expect(inferCommand(`${'(in reply to '.repeat(400_000)}RCPT TO command)`)).toBe('');
  });

  it('copes with near-miss repetitions aimed at each RegExp', () => {
    const attacks = [
      'multiple '.repeat(2000),
      `user ${'a'.repeat(4000)}`,
      `doesn't have a ${'b '.repeat(2000)}`,
      `dns lookup failure: host ${'c'.repeat(4000)}`,
      `553 ${'d.'.repeat(2000)}`,
      `550 : ${'user '.repeat(1000)}`,
      `rfc 5322 section ${'1.'.repeat(2000)}`,
      `mail rejete. mail rejected. ${'5'.repeat(4000)}`,
      `usuario ${'no '.repeat(2000)}`,
    ];
    for (const a of attacks) {
      const r = decideReason({
        status: '',
        replyCode: '',
        diagnostic: a,
        dsnAction: 'failed',
        command: '',
        diagnosticType: 'SMTP',
      });
      expect(typeof r.reason).toBe('string');
    }
  });
});
