/**
 * Extraction on real bounces (../shared/corpus, BSD-2-Clause, see its LICENSE): per layout, what the
 * reader takes from the whole MIME message (raw) and from only what a webmail displays (visible):
 * the failed recipient, the enhanced status code, the reply code, the remote host, the SMTP command,
 * and the server's answer joined across continuation lines. Each expectation was checked by reading
 * the mail; the comment beside a case quotes the lines that decide it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../cli/corpus';
import { type ExtractedMessage, extractRaw, extractVisible, visibleTextOf } from '../../core/extract/index';
import type { DsnAction, ExtractedRecipient, SmtpCommand } from '../../core/types';

const CORPUS = join(CORPUS_DIR, 'eml');

type Mode = 'raw' | 'visible';

interface Want {
  recipient: string;
  status?: string | null; // null: no status must be reported
  replyCode?: string | null;
  remoteMta?: string | null;
  command?: SmtpCommand | null;
  dsnAction?: DsnAction;
  /** The answer as it must read (whole string). */
  diagnostic?: string;
  /** Substrings the answer must contain (joined continuation lines, no repeated reply prefix). */
  contains?: string[];
  /** Substrings it must not contain (the MTA's own lines, the next history entry, wrappers). */
  excludes?: string[];
}

interface Case {
  file: string;
  layout: string;
  modes: Mode[];
  want: Want;
  /** Exactly these recipients, no more (no sender, no instruction address). */
  only?: string[];
}

const BOTH: Mode[] = ['raw', 'visible'];

const CASES: Case[] = [
  // ---------------------------------------------------------------- Postfix
  {
    // "<addr>: host\n    gmail-smtp-in...[...] said: 550-5.7.1\n    [...] Messages with multiple 550\n
    //  5.7.1 addresses in From: header are not accepted. ... (in reply to end of DATA command)"
    file: 'lhost-postfix-29',
    layout: 'Postfix, Gmail multi-line reply wrapped by Postfix, "said:" on the wrapped line',
    modes: BOTH,
    want: {
      recipient: 'kijitora@gmail.example.com',
      status: '5.7.1',
      replyCode: '550',
      remoteMta: 'gmail-smtp-in.l.google.com',
      command: 'DATA',
      contains: ['Messages with multiple addresses in From: header are not accepted'],
      excludes: ['multiple 550', '550 5.7.1 addresses'],
    },
  },
  {
    // DSN and text: "said: 550-5.1.1 The email account that you tried to reach does not exist.
    // Please try 550-5.1.1 double-checking ... (in reply to RCPT TO command)"
    file: 'lhost-postfix-31',
    layout: 'Postfix with DSN, Gmail NoSuchUser multi-line reply',
    modes: ['raw'],
    want: {
      recipient: 'kijitora@gmail.com',
      status: '5.1.1',
      replyCode: '550',
      remoteMta: 'gmail-smtp-in.l.google.com',
      contains: ['does not exist. Please try double-checking the recipient'],
      excludes: ['try 550-5.1.1'],
    },
  },
  {
    // "<postmaster@libsisimai.org> (expanded from <neko@example.co.jp>): host email-smtp...[...] said:
    //  554\n    Transaction failed: Duplicate header 'DKIM-Signature'. (in reply to end of\n DATA command)"
    file: 'lhost-postfix-78',
    layout: 'Postfix, answer wrapped after the reply code',
    modes: BOTH,
    want: {
      recipient: 'postmaster@libsisimai.org',
      replyCode: '554',
      remoteMta: 'email-smtp.ap-northeast-1.amazonaws.com',
      command: 'DATA',
      contains: ["554 Transaction failed: Duplicate header 'DKIM-Signature'."],
    },
  },
  {
    // "host smtpz4.laposte.net[194.117.213.1] refused to\n    talk to me: 550 5.5.0 Service refuse."
    file: 'rhost-franceptt-10',
    layout: 'Postfix, refusal at the greeting, cue split by the wrap',
    modes: BOTH,
    want: {
      recipient: 'xxxx@laposte.net',
      status: '5.5.0',
      replyCode: '550',
      remoteMta: 'smtpz4.laposte.net',
      command: 'CONN',
      contains: ['Service refuse. Veuillez essayer plus tard.'],
    },
  },
  // ---------------------------------------------------------------- Sendmail
  {
    // "(reason: 550-5.7.1 [...] Messages with multiple addresses in From:)" and the transcript
    // "<<< 550-5.7.1 ... From:\n<<< 550 5.7.1 header are not accepted. ...\n554 5.0.0 Service unavailable";
    // the DSN's Diagnostic-Code keeps only the first line.
    file: 'lhost-sendmail-43',
    layout: 'Sendmail, multi-line reply in the transcript, DSN with the first line only',
    modes: BOTH,
    want: {
      recipient: 'kijitora@gmail.example.com',
      status: '5.7.1',
      replyCode: '550',
      remoteMta: 'gmail-smtp-in.l.google.com',
      command: 'DATA',
      contains: ['Messages with multiple addresses in From: header are not accepted'],
      excludes: ['<<<', 'Service unavailable'],
    },
  },
  {
    // "<<< 550 5.7.1 IP address blacklisted by recipient\n550 5.1.1 <addr>... User unknown" (the second
    // line is Sendmail's own, not the server's)
    file: 'lhost-sendmail-33',
    layout: 'Sendmail transcript: only "<<<" lines are the server\'s',
    modes: ['visible'],
    want: {
      recipient: 'mailboxfull@neko.example.org',
      status: '5.7.1',
      replyCode: '550',
      remoteMta: 'inbound-smtp.us-west-2.amazonaws.com',
      diagnostic: '550 5.7.1 IP address blacklisted by recipient',
    },
  },
  {
    // "... while talking to gateway-a.example.net.:\n<<< 450 busy - please try later\n... while talking
    //  to smtp45.example.net.:\n>>> DATA\n<<< 551 not our user"
    file: 'lhost-sendmail-17',
    layout: 'Sendmail transcript with two hosts: the permanent answer and its host',
    modes: BOTH,
    want: {
      recipient: 'kijitora@example.net',
      replyCode: '551',
      remoteMta: 'smtp45.example.net',
      command: 'DATA',
      diagnostic: '551 not our user',
    },
  },
  {
    // "<<< 421\n<addr>... Deferred: 421\nMessage could not be delivered for 8 hours"
    file: 'lhost-sendmail-30',
    layout: 'Sendmail queue expiry printed apart from the last answer',
    modes: BOTH,
    want: {
      recipient: 'this-local-part-does-not-exist-on-the-system@y-mobile.ne.jp',
      replyCode: '421',
      remoteMta: 'ymx1.softbank.ne.jp',
      contains: ['Message could not be delivered for 8 hours'],
    },
  },
  {
    // "While talking to mx.example.edu:\n>>> MAIL From:<...>\n<<< 550 Insecure Mail Relay\n554 <addr>...
    //  Remote protocol error"
    file: 'lhost-v5sendmail-06',
    layout: 'V5 Sendmail: the transcript above the address line',
    modes: BOTH,
    want: {
      recipient: 'kijitora@example.edu',
      status: null,
      replyCode: '550',
      remoteMta: 'mx.example.edu',
      command: 'MAIL',
      diagnostic: '550 Insecure Mail Relay',
    },
  },
  {
    // From: MAILER-DAEMON@nekochan.example.ne.jp; "kijitora@example.co.jp\n    (reason: 452 4.4.5
    //  Insufficient disk space; try again later)\n    (expanded from: kijitora)"; the DSN's
    //  Final-Recipient is kijitora@nekochan.example.ne.jp
    file: 'lhost-sendmail-39',
    layout: 'Sendmail local alias: the address the sender wrote, qualified with the reporting host',
    modes: BOTH,
    only: ['kijitora@nekochan.example.ne.jp'],
    want: {
      recipient: 'kijitora@nekochan.example.ne.jp',
      status: '4.4.5',
      replyCode: '452',
      remoteMta: 'mx.example.co.jp',
      command: 'MAIL',
      contains: ['452 4.4.5 Insufficient disk space; try again later'],
    },
  },
  {
    // text: "\"|IFS=' ' && exec /usr/local/bin/procmail ...\"\n (expanded from: <kijitora@neko.example.edu>)"
    // and "554 \"|IFS=...procmail...\"... Service unavailable"; DSN (printed in the text) without a
    // Diagnostic-Code.
    file: 'rfc3464-04',
    layout: "Sendmail pipe delivery: the DSN recipient takes the text block's answer",
    modes: ['raw'],
    want: {
      recipient: 'kijitora@mailx-53.neko.example.edu',
      status: '5.5.0',
      contains: ['procmail', 'Service unavailable'],
    },
  },
  // ---------------------------------------------------------------- Exim
  {
    // "SMTP error from remote mail server after end of data:\n    host mx.example.jp [192.0.2.20]: 554
    //  5.7.0 Header error"
    file: 'lhost-exim-03',
    layout: 'Exim, "host X [ip]:" before the reply',
    modes: BOTH,
    want: {
      recipient: 'kijitora@example.or.jp',
      status: '5.7.0',
      replyCode: '554',
      remoteMta: 'mx.example.jp',
      command: 'DATA',
      diagnostic: '554 5.7.0 Header error',
    },
  },
  {
    // "The following address(es) failed:\n\n  kijitora\n    SMTP error from remote mail server after MAIL
    //  FROM:<...>" and in the returned message "for kijitora@example.ed.jp"
    file: 'lhost-exim-04',
    layout: 'Exim, unqualified recipient completed from the returned envelope',
    modes: BOTH,
    want: {
      recipient: 'kijitora@example.ed.jp',
      status: '5.7.0',
      replyCode: '550',
      remoteMta: 'mx.example.jp',
      command: 'MAIL',
      contains: ['Please use the smtp server of your ISP'],
    },
  },
  {
    // "host mx1.example.eu [192.0.2.32]: 554 5.7.1 <addr>:\n    Recipient address rejected: Access denied"
    file: 'lhost-exim-30',
    layout: 'Exim, reply wrapped onto a "Recipient address rejected:" line',
    modes: BOTH,
    want: {
      recipient: 'kijitora@exmaple.ch',
      status: '5.7.1',
      replyCode: '554',
      remoteMta: 'mx1.example.eu',
      command: 'RCPT',
      contains: ['Recipient address rejected: Access denied'],
    },
  },
  {
    // Mail.ru (Exim): "SMTP error from remote mail server after RCPT TO:<addr>:\n host mx.example.jp
    //  [192.0.2.222]: 550 5.1.1 <addr>... User Unknown"
    file: 'lhost-mailru-01',
    layout: 'Mail.ru (Exim templates, Russian text)',
    modes: BOTH,
    want: {
      recipient: 'kijitora@example.jp',
      status: '5.1.1',
      replyCode: '550',
      remoteMta: 'mx.example.jp',
      command: 'RCPT',
      contains: ['550 5.1.1 <kijitora@example.jp>... User Unknown'],
    },
  },
  {
    // 1&1: "SMTP error from remote server for TEXT command, host: smtp-in.orange.fr (193.252.22.65)
    //  reason: 550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]"
    file: 'lhost-einsundeins-03',
    layout: '1&1 / GMX "host: X (ip) reason:"',
    modes: BOTH,
    want: {
      recipient: 'xxxx@xxxx.fr',
      status: '5.2.0',
      replyCode: '550',
      remoteMta: 'smtp-in.orange.fr',
      command: 'DATA',
      diagnostic: '550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]',
    },
  },
  // ---------------------------------------------------------------- qmail
  {
    // "<addr>:\nSorry, no SMTP connection got far enough; most progress was RCPT TO response; remote
    //  host 192.0.2.32 said: 550 Unknown user kijitora@example.ne.jp\n. (#5.5.0)"
    file: 'lhost-qmail-01',
    layout: 'qmail "most progress was RCPT TO response; remote host X said:"',
    modes: BOTH,
    want: {
      recipient: 'kijitora@example.ne.jp',
      replyCode: '550',
      remoteMta: '192.0.2.32',
      command: 'RCPT',
      contains: ['Unknown user kijitora@example.ne.jp'],
    },
  },
  {
    // "Connected to 192.0.2.225 but sender was rejected.\nRemote host said: 550 5.7.1 <...>... Access denied"
    file: 'lhost-qmail-03',
    layout: 'qmail "sender was rejected"',
    modes: BOTH,
    want: {
      recipient: 'kijitora@example.org',
      status: '5.7.1',
      replyCode: '550',
      remoteMta: '192.0.2.225',
      command: 'MAIL',
      contains: ['Access denied'],
    },
  },
  // ---------------------------------------------------------------- Exchange / Office 365
  {
    // "msmx.au.com gave this error:\n Remote server returned unknown recipient ... -> 550 <addr>: User
    //  unknown" and below "Remote Server returned '550 5.1.351 Remote server returned unknown ..."
    file: 'lhost-office365-07',
    layout: 'Office 365 (outlook.com), the "Remote Server returned \'550 ...\'" line over the prose',
    modes: BOTH,
    want: {
      recipient: 'otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp',
      status: '5.1.351',
      replyCode: '550',
      contains: ['-> 550 <otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp>: User unknown'],
      excludes: ['reported by an email server outside'],
    },
  },
  {
    // " 6/19/2018 7:32:05 AM - Server at SG2APC01HT007... returned '550 5.4.316 Message expired,
    //  connection refused(Socketerror code 10061)'\n 6/19/2018 7:26:11 AM - Server at neko.example.jp
    //  (153.126.192.107) returned '450 4.4.316 Connection refused ..."
    file: 'lhost-office365-08',
    layout: 'Exchange Online delivery history ("Server at X returned"), one entry only',
    modes: BOTH,
    want: {
      recipient: 'nyaan@neko.example.jp',
      status: '5.4.316',
      replyCode: '550',
      contains: ['550 5.4.316 Message expired, connection refused'],
      excludes: ['450 4.4.316'],
    },
  },
  {
    // New EXO layout: "Status code: 550 5.1.10" ... "Original Message Details ... Sender Address: ...
    //  Recipient Address: kijitora@example.com" ... "Error Details\nReported error: 550 5.1.10
    //  RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\nDSN generated by: ..."
    file: 'rhost-microsoft-03',
    layout: 'Exchange Online new layout: "Reported error:" 80 lines below the recipient',
    modes: BOTH,
    only: ['kijitora@example.com'],
    want: {
      recipient: 'kijitora@example.com',
      status: '5.1.10',
      replyCode: '550',
      diagnostic: '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
    },
  },
  {
    // "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##"
    file: 'lhost-exchange2007-01',
    layout: 'Exchange 2007, "#... ##" wrapper',
    modes: BOTH,
    want: {
      recipient: 'mikeneko@example.co.jp',
      status: '5.1.1',
      replyCode: '550',
      diagnostic: '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found',
    },
  },
  {
    // Italian Exchange: "Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'"
    // (the corpus copy's HTML part is elided to "...", so only raw mode can read it)
    file: 'lhost-exchange2007-07',
    layout: 'Exchange 2007, Italian',
    modes: ['raw'],
    want: {
      recipient: 'kijitora@example.jp',
      status: '5.1.1',
      replyCode: '550',
      diagnostic: '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found',
    },
  },
  {
    // "The following recipient(s) could not be reached: ... The recipient name is not recognized
    //  MSEXCH:IMS:..."
    file: 'lhost-exchange2003-03',
    layout: 'Exchange 2003 IMS',
    modes: BOTH,
    want: {
      recipient: 'kijitora@example.jp',
      status: null,
      contains: ['The recipient name is not recognized'],
    },
  },
  // ---------------------------------------------------------------- Gmail / Google
  {
    // "550 5.2.1 The email account that you tried to reach is disabled." (in reply to end of DATA)
    file: 'rhost-google-01',
    layout: 'Postfix relaying a Google answer',
    modes: BOTH,
    want: {
      recipient: 'shironeko@example.ne.jp',
      status: '5.2.1',
      replyCode: '550',
      remoteMta: 'aspmx.l.google.com',
      command: 'DATA',
      contains: ['The email account that you tried to reach is disabled.'],
    },
  },
  {
    // Gmail delay: "Message will be retried for 2 more day(s)"
    file: 'lhost-gmail-08',
    layout: 'Gmail delay notice',
    modes: BOTH,
    want: { recipient: 'kijitora@example.com', dsnAction: 'delayed', contains: ['will be retried'] },
  },
  {
    // Gmail card: "Your message wasn't delivered to kijitora@example.it because the address couldn't
    //  be found."
    file: 'rfc3464-65',
    layout: 'Gmail "Address not found" card',
    modes: ['visible'],
    want: { recipient: 'kijitora@example.it', contains: ["the address couldn't be found"] },
  },
  {
    // "Hello kijitora@example.jp, We're writing to let you know that the group you tried to contact
    //  (libsisimai) may not exist ..." and the returned message "To: libsisimai@googlegroups.com"
    file: 'lhost-googlegroups-02',
    layout: 'Google Groups notice: the greeting names the sender, the returned To the group',
    modes: BOTH,
    only: ['libsisimai@googlegroups.com'],
    want: {
      recipient: 'libsisimai@googlegroups.com',
      contains: ['may not have permission to post messages to the group'],
    },
  },
  // ---------------------------------------------------------------- Yahoo, SES, others
  {
    // "Remote host said: 550 5.1.1 <kijitora@example.org>... User Unknown [RCPT_TO]"
    file: 'lhost-yahoo-01',
    layout: 'Yahoo (qmail-style, [RCPT_TO])',
    modes: BOTH,
    want: { recipient: 'kijitora@example.org', status: '5.1.1', replyCode: '550', command: 'RCPT' },
  },
  {
    // "The reason for the problem:\n5.1.0 - Unknown address error 550-'5.7.1 <...>... Access denied'"
    file: 'lhost-amazonses-01',
    layout: 'Amazon SES: its own code first, the remote reply quoted after it',
    modes: BOTH,
    want: {
      recipient: 'shironeko@example.co.jp',
      status: '5.7.1',
      replyCode: '550',
      contains: ["5.1.0 - Unknown address error 550-'5.7.1", 'Access denied'],
    },
  },
  {
    file: 'lhost-courier-03',
    layout: 'Courier',
    modes: BOTH,
    want: {
      recipient: 'kijitora@example.jp',
      status: '5.7.1',
      replyCode: '550',
      command: 'DATA',
      diagnostic: "550 5.7.1 can't determine Purported Responsible Address",
    },
  },
  {
    file: 'lhost-opensmtpd-02',
    layout: 'OpenSMTPD, two recipients',
    modes: BOTH,
    only: ['mailboxfull@example.jp', 'userunknown@example.jp'],
    want: {
      recipient: 'mailboxfull@example.jp',
      status: '5.2.2',
      replyCode: '550',
      diagnostic: '550 5.2.2 <mailboxfull@example.jp>... Mailbox Full',
    },
  },
  {
    // "A message is delayed for more than 4 hours ... only a temporary failure report"
    file: 'lhost-opensmtpd-12',
    layout: 'OpenSMTPD delay warning',
    modes: BOTH,
    want: { recipient: 'neko@nyaan.jp', dsnAction: 'delayed', contains: ['No MX found for domain'] },
  },
  {
    file: 'lhost-domino-01',
    layout: 'IBM Domino',
    modes: BOTH,
    want: {
      recipient: 'kijitora@example.jp',
      diagnostic: 'User some.name (kijitora@example.jp) not listed in Domino Directory',
    },
  },
  {
    file: 'lhost-notes-03',
    layout: 'Lotus Notes',
    modes: BOTH,
    want: { recipient: 'kijitora@example.com', contains: ['User not listed in public Name & Address Book'] },
  },
  {
    // "Reason: LMTP transmission failure has occurred\n  Diagnostic code: smtp;522 5.2.0 Delivery
    //  failed: Over quota\n  Remote system: dns;mx.example.net (...)"
    file: 'lhost-messagingserver-02',
    layout: 'Sun/Oracle Messaging Server: Diagnostic code over Reason, report fields end the answer',
    modes: BOTH,
    want: {
      recipient: 'kijitora@example.net',
      status: '5.2.0',
      replyCode: '522',
      diagnostic: '522 5.2.0 Delivery failed: Over quota',
    },
  },
  {
    // "outlook-com.olc.protection.outlook.com [52.101.42.17] did not like our final DATA:\n550 5.7.509 ..."
    file: 'lhost-dragonfly-02',
    layout: 'DragonFly Mail Agent ("did not like our final DATA")',
    modes: BOTH,
    want: {
      recipient: 'pseudo-local-part@outlook.example.com',
      status: '5.7.509',
      replyCode: '550',
      remoteMta: 'outlook-com.olc.protection.outlook.com',
      command: 'DATA',
      contains: ['does not pass DMARC verification'],
    },
  },
  {
    // "after RCPT command: host: mx.example.co.jp 5.2.1 <addr>... User Unknown"
    file: 'lhost-gmx-03',
    layout: 'GMX, two recipients',
    modes: BOTH,
    only: ['mikeneko@example.co.jp', 'sabineko@example.co.jp'],
    want: {
      recipient: 'sabineko@example.co.jp',
      status: '5.2.2',
      remoteMta: 'mx.example.co.jp',
      command: 'RCPT',
    },
  },
  {
    // "Sent <<< RCPT TO:<addr>\nReceived >>> 550 5.1.1 <addr>... user unknown\n\n...\n\n*** End of message ***"
    file: 'lhost-trendmicro-01',
    layout: 'Trend Micro InterScan transcript',
    modes: BOTH,
    want: {
      recipient: 'kijitora@example.co.jp',
      status: '5.1.1',
      replyCode: '550',
      command: 'RCPT',
      diagnostic: '550 5.1.1 <kijitora@example.co.jp>... user unknown',
    },
  },
  {
    file: 'lhost-zoho-01',
    layout: 'Zoho "ERROR_CODE :550, ERROR_CODE :5.1.1"',
    modes: BOTH,
    want: {
      recipient: 'kijitora@example.co.jp',
      status: '5.1.1',
      replyCode: '550',
      contains: ['User Unknown'],
    },
  },
  {
    // "You are not a member of this mailing list <neko-nyaan@example.org>. ... send mail with the mail
    //  body\n\n\tguide\n\nto the address\n\n\tneko-nyaan-ctl@example.org"
    file: 'lhost-fml-02',
    layout: 'fml list manager: a statement ending in the list address; the -ctl address is an instruction',
    modes: BOTH,
    only: ['neko-nyaan@example.org'],
    want: { recipient: 'neko-nyaan@example.org', contains: ['You are not a member of this mailing list'] },
  },
  {
    // "Could not be delivered to: <addr>\n     As their mailbox is full."
    file: 'lhost-kddi-02',
    layout: 'KDDI (dion.ne.jp)',
    modes: BOTH,
    want: { recipient: 'kijitora@00000000000000.dion.ne.jp', contains: ['mailbox is full'] },
  },
  {
    // "reject reason: Mailbox full\ntarget mail address: xxxx@yyyyyy.net\n---\nbounced E-Mail:\n\nFrom ..."
    file: 'rb-issue-368-bug',
    layout: 'Reason printed before the address; "bounced E-Mail:" starts the returned message',
    modes: BOTH,
    want: { recipient: 'xxxx@yyyyyy.net', diagnostic: 'Mailbox full' },
  },
  {
    // "Your message was not delivered within 0 days and 1 hours.\nRemote host is not responding."
    file: 'lhost-ezweb-05',
    layout: 'EZweb (au) expiry in the intro',
    modes: BOTH,
    want: {
      recipient: 'this-local-part-does-not-exist-on-the-server@ezweb.ne.jp',
      contains: ['not delivered within 0 days and 1 hours'],
    },
  },
  {
    // McAfee: "--- The following addresses had delivery problems ---\n<addr>   (addr... No such user)"
    file: 'lhost-mcafee-04',
    layout: 'McAfee Email Gateway',
    modes: BOTH,
    want: { recipient: 'kijitora@example.com', contains: ['No such user'] },
  },
];

const cache = new Map<string, Promise<Record<Mode, ExtractedMessage>>>();
function extract(file: string): Promise<Record<Mode, ExtractedMessage>> {
  let p = cache.get(file);
  if (!p) {
    p = (async () => {
      const buf = readFileSync(`${CORPUS}/${file}.eml`);
      return { raw: await extractRaw(buf), visible: extractVisible(await visibleTextOf(buf)) };
    })();
    cache.set(file, p);
  }
  return p;
}

function check(r: ExtractedRecipient | undefined, w: Want): void {
  expect(r, `recipient ${w.recipient}`).toBeDefined();
  if (!r) return;
  const field = <K extends keyof Want & keyof ExtractedRecipient>(k: K) => {
    const v = w[k];
    if (v === undefined) return;
    if (v === null) expect(r[k], k).toBeUndefined();
    else expect(r[k], k).toBe(v);
  };
  field('status');
  field('replyCode');
  field('remoteMta');
  field('command');
  if (w.dsnAction) expect(r.dsnAction).toBe(w.dsnAction);
  if (w.diagnostic !== undefined) expect(r.diagnostic).toBe(w.diagnostic);
  for (const s of w.contains ?? []) expect(r.diagnostic ?? '').toContain(s);
  for (const s of w.excludes ?? []) expect(r.diagnostic ?? '').not.toContain(s);
  // every field read from the mail points at the line it came from
  expect(r.evidence.some((e) => e.field === 'recipient')).toBe(true);
  if (r.diagnostic) expect(r.evidence.some((e) => e.field === 'diagnostic')).toBe(true);
}

describe.skipIf(!existsSync(CORPUS))('extraction on real bounces, per layout', () => {
  for (const c of CASES) {
    for (const mode of c.modes) {
      it(`${c.file} [${mode}] ${c.layout}`, async () => {
        const x = (await extract(c.file))[mode];
        const found = x.recipients.map((r) => r.recipient);
        if (c.only) expect([...found].sort()).toEqual([...c.only].sort());
        check(
          x.recipients.find((r) => r.recipient === c.want.recipient),
          c.want,
        );
      });
    }
  }

  it('covers at least twenty layouts, in raw and visible modes', () => {
    expect(new Set(CASES.map((c) => c.file)).size).toBeGreaterThanOrEqual(20);
    expect(CASES.filter((c) => c.modes.includes('visible')).length).toBeGreaterThanOrEqual(20);
  });
});
