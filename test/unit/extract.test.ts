/**
 * Extraction from raw messages: line ends, transfer encodings, charsets, MIME shapes, the RFC 3464
 * fields per recipient, codes of every shape, the original message, and the evidence lines.
 */
import { describe, expect, it } from 'vitest';
import {
  findAllEnhanced,
  findEnhancedStatus,
  findReplyCode,
  joinContinuations,
} from '../../core/extract/codes';
import { readSesNotification } from '../../core/extract/ses';
import { classifyRaw, classifyVisible } from '../../core/index';
import type { RecipientVerdict } from '../../core/types';
import { makeDsn } from '../helpers/mail';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64').replace(/.{76}/g, '$&\n');

describe('codes', () => {
  it('finds enhanced codes with up to three digits per part, not IPs or versions', () => {
    expect(findEnhancedStatus('550 5.7.606 Access denied, banned sending IP [192.0.2.1]')).toBe('5.7.606');
    expect(findEnhancedStatus('550 5.1.10 RESOLVER.ADR.RecipientNotFound')).toBe('5.1.10');
    expect(findEnhancedStatus('host 192.0.2.5 said: 550 unknown')).toBeUndefined();
    expect(findEnhancedStatus('Exim 4.86.2 said hello')).toBeUndefined();
    expect(findEnhancedStatus('(#5.1.1)')).toBe('5.1.1');
    expect(findAllEnhanced('554 4.4.7 expired <421 4.4.2 timed out>')).toEqual(['4.4.7', '4.4.2']);
  });
  it('finds the reply code at the start, after markers, or beside an enhanced code', () => {
    expect(findReplyCode('550-5.1.1 The email account')).toBe('550');
    expect(findReplyCode('host mx[1.2.3.4] said: 552 mailbox full')).toBe('552');
    expect(findReplyCode('<<< 554 5.7.1 rejected')).toBe('554');
    expect(findReplyCode("Remote Server returned '550 5.1.10 RESOLVER'")).toBe('550');
    expect(findReplyCode('Size (in bytes): 222')).toBeUndefined();
    // SurfControl: "addr: [ip], 550 addr... No such user"
    expect(
      findReplyCode('kijitora@example.com: [192.0.2.55], 550 kijitora@example.com... No such user'),
    ).toBe('550');
    expect(findReplyCode('relay [192.0.2.55], 2010-04-29 23:34')).toBeUndefined();
  });
  it('joins 550- continuation lines', () => {
    expect(
      joinContinuations(
        '550-5.7.26 This mail is unauthenticated, 550-5.7.26 which poses a risk. 550 5.7.26 Learn more',
      ),
    ).toBe('550-5.7.26 This mail is unauthenticated, which poses a risk. Learn more');
  });
});

describe('RFC 3464 fields', () => {
  it('reads the per-message fields when no empty line separates them from the first recipient (AOL)', async () => {
    const raw = [
      'From: MAILER-DAEMON@aol.example.com',
      'Subject: Undeliverable',
      'Received: from relay.example.net by partner-mbd01.mx.aol.example.com',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; omr-m04.mx.aol.example.com',
      'Arrival-Date: Fri, 21 Nov 2014 17:15:27 -0500 (EST)',
      'Final-Recipient: rfc822; kijitora@example.jp',
      'Action: failed',
      'Status: 5.4.4',
      'Diagnostic-Code: X-Outbound-Mail-Relay; Host or domain name not found.',
      '--b--',
      '',
    ].join('\n');
    const v = await classifyRaw(raw);
    expect(v.reportingMta).toBe('omr-m04.mx.aol.example.com');
    expect(v.recipients).toHaveLength(1);
    expect(v.recipients[0]).toMatchObject({ recipient: 'kijitora@example.jp', status: '5.4.4' });
  });

  it('reads every field of each recipient, and the original message', async () => {
    const raw = makeDsn([
      {
        recipient: 'a@example.com',
        status: '5.1.1',
        diagnostic: '550 5.1.1 <a@example.com>: User unknown',
        remoteMta: 'mx1.example.com',
      },
      {
        recipient: 'b@example.net',
        status: '4.2.2',
        diagnostic: '452 4.2.2 Mailbox full',
        remoteMta: 'mx.example.net',
        action: 'delayed',
      },
    ]).replace('Action: failed', 'Action: failed\nLast-Attempt-Date: Thu, 29 Apr 2021 23:34:45 +0900');
    const v = await classifyRaw(raw);
    expect(v.isBounce).toBe(true);
    expect(v.format).toBe('rfc3464');
    expect(v.reportingMta).toBe('mail.example.org');
    const [a, b] = v.recipients as [RecipientVerdict, RecipientVerdict];
    expect(a).toMatchObject({
      recipient: 'a@example.com',
      dsnAction: 'failed',
      status: '5.1.1',
      replyCode: '550',
      remoteMta: 'mx1.example.com',
      reportingMta: 'mail.example.org',
      command: 'RCPT',
      lastAttempt: 'Thu, 29 Apr 2021 23:34:45 +0900',
      reason: 'userunknown',
      bounce: 'hard',
    });
    expect(b).toMatchObject({
      recipient: 'b@example.net',
      dsnAction: 'delayed',
      status: '4.2.2',
      replyCode: '452',
      reason: 'mailboxfull',
      bounce: 'soft',
    });
    expect(v.original).toMatchObject({
      subject: 'Quarterly report',
      to: 'a@example.com',
      messageId: '<original-123@example.org>',
    });
    // evidence: which lines produced the fields
    const fields = a.evidence.map((e) => e.field);
    for (const f of ['recipient', 'status', 'remoteMta', 'diagnostic', 'action']) expect(fields).toContain(f);
    expect(a.evidence.find((e) => e.field === 'status')?.text).toBe('Status: 5.1.1');
  });

  it('reads LF, CRLF and CR line ends alike', async () => {
    const lf = makeDsn({ recipient: 'a@example.com', status: '5.1.1', diagnostic: '550 5.1.1 unknown' });
    const results = await Promise.all(
      [lf, lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r')].map((m) => classifyRaw(m)),
    );
    for (const v of results) {
      expect(v.recipients.map((r) => [r.recipient, r.status, r.replyCode])).toEqual([
        ['a@example.com', '5.1.1', '550'],
      ]);
    }
  });

  it('reads the header block after blank lines a save or a paste put before it', async () => {
    const m = makeDsn({ recipient: 'a@example.com', status: '5.1.1', diagnostic: '550 5.1.1 unknown' });
    for (const lead of ['\n', '\n\n', '\r\n\r\n', ' \n\t\n']) {
      const v = await classifyRaw(lead + m);
      expect(v.format).toBe('rfc3464');
      expect(v.subject).toBe('Undelivered Mail Returned to Sender');
      expect(v.recipients.map((r) => [r.recipient, r.status])).toEqual([['a@example.com', '5.1.1']]);
    }
    // A message that is all body (no header field after the blank lines) keeps its empty header block.
    const body = await classifyRaw('\n\nThis is just text, no headers: nothing to read.\n');
    expect(body.subject).toBeUndefined();
  });

  it('decodes base64 and quoted-printable parts and any charset', async () => {
    const report =
      'Reporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; a@example.jp\nAction: failed\nStatus: 5.2.2\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full\n';
    const body =
      'メールボックスが一杯です。\n<a@example.jp>: host mx.example.jp[192.0.2.1] said: 552 5.2.2 Mailbox full (in reply to RCPT TO command)\n';
    const raw = `From: MAILER-DAEMON@example.org
Subject: =?UTF-8?B?${Buffer.from('配信エラー: Undelivered Mail').toString('base64')}?=
Content-Type: multipart/report; report-type=delivery-status; boundary=XX

--XX
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: base64

${b64(body)}
--XX
Content-Type: message/delivery-status
Content-Transfer-Encoding: quoted-printable

${report.replace(/=/g, '=3D').replace(/Mailbox full/, 'Mailbox=20full')}
--XX--
`;
    const v = await classifyRaw(raw);
    expect(v.subject).toBe('配信エラー: Undelivered Mail');
    expect(v.recipients[0]).toMatchObject({
      recipient: 'a@example.jp',
      status: '5.2.2',
      replyCode: '552',
      reason: 'mailboxfull',
    });
  });

  it('reads ISO-2022-JP and Shift_JIS text parts', async () => {
    const text = '宛先のメールアドレスが見つかりません。\n<a@example.jp>: 550 5.1.1 User unknown\n';
    for (const charset of ['iso-2022-jp', 'shift_jis']) {
      const encoded = Buffer.from(new TextEncoder().encode(text));
      // Node has no encoder for these: build the bytes with a decoder round trip table.
      const bytes = charset === 'iso-2022-jp' ? iso2022(text) : sjis(text);
      if (!bytes) continue;
      const raw = Buffer.concat([
        Buffer.from(
          `From: MAILER-DAEMON@example.jp\nSubject: Returned mail\nContent-Type: text/plain; charset=${charset}\nContent-Transfer-Encoding: ${charset === 'iso-2022-jp' ? '7bit' : '8bit'}\n\n`,
        ),
        bytes,
      ]);
      void encoded;
      const v = await classifyRaw(new Uint8Array(raw));
      expect(v.isBounce).toBe(true);
      expect(v.recipients[0]).toMatchObject({
        recipient: 'a@example.jp',
        status: '5.1.1',
        reason: 'userunknown',
      });
    }
  });

  it('reads text/rfc822-headers and message/rfc822 for the original, and bounces with no DSN part', async () => {
    const raw = `From: Mail Delivery System <Mailer-Daemon@mx.example.org>
Subject: Mail delivery failed: returning message to sender
X-Failed-Recipients: kijitora@example.net
Content-Type: text/plain

This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  kijitora@example.net
    host mx.example.net [192.0.2.20]
    SMTP error from remote mail server after RCPT TO:<kijitora@example.net>:
    550-5.7.1 Your message was rejected by this system
    550 5.7.1 because of the reputation of your IP

------ This is a copy of the message, including all the headers. ------

From: Sironeko <sironeko@example.org>
To: Kijitora <kijitora@example.net>
Subject: Lunch
Message-Id: <abc@example.org>

Hi
`;
    const v = await classifyRaw(raw);
    expect(v.format).toBe('text');
    const r = v.recipients[0] as RecipientVerdict;
    expect(r).toMatchObject({
      recipient: 'kijitora@example.net',
      status: '5.7.1',
      replyCode: '550',
      remoteMta: 'mx.example.net',
      command: 'RCPT',
    });
    expect(r.diagnostic).toContain(
      'Your message was rejected by this system because of the reputation of your IP',
    );
    expect(v.original).toMatchObject({ subject: 'Lunch', messageId: '<abc@example.org>' });
  });

  it('recognises a bounce from its visible text alone (pasted or displayed)', () => {
    const v = classifyVisible({
      text: "Delivery has failed to these recipients or groups:\n\nnobody@example.com\nThe email address you entered couldn't be found.\n\nDiagnostic information for administrators:\n\nGenerating server: AM0PR01MB1234.eurprd01.prod.exchangelabs.com\n\nnobody@example.com\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'\n",
      subject: 'Undeliverable: Quarterly report',
      from: 'postmaster@example.onmicrosoft.com',
    });
    expect(v.source).toBe('visible-text');
    expect(v.recipients[0]).toMatchObject({
      recipient: 'nobody@example.com',
      status: '5.1.10',
      replyCode: '550',
      reason: 'userunknown',
    });
  });
});

describe('not bounces', () => {
  it('ordinary mail quoting an SMTP code, an auto-reply, a feedback report', async () => {
    const ordinary =
      'From: Bob <bob@example.org>\nTo: a@example.com\nSubject: Re: your bounce\nIn-Reply-To: <x@y>\n\nI saw "550 5.1.1 <a@example.com>: User unknown" too.\n';
    expect((await classifyRaw(ordinary)).isBounce).toBe(false);
    const auto =
      'From: Alice <alice@example.com>\nSubject: Automatic reply: Quarterly report\nAuto-Submitted: auto-replied\n\nI am out of the office until Monday.\n';
    const a = await classifyRaw(auto);
    expect(a.isBounce).toBe(false);
    expect(a.kind).toBe('autoreply');
    const arf = `From: abuse@example.net
Subject: complaint about message from 192.0.2.1
Content-Type: multipart/report; report-type=feedback-report; boundary=B

--B
Content-Type: text/plain

This is an email abuse report.
--B
Content-Type: message/feedback-report

Feedback-Type: abuse
--B--
`;
    const f = await classifyRaw(arf);
    expect(f.isBounce).toBe(false);
    expect(f.kind).toBe('feedback');
  });
  it('a DSN that reports a successful delivery is not a bounce', async () => {
    const v = await classifyRaw(
      makeDsn({
        recipient: 'a@example.com',
        status: '2.0.0',
        diagnostic: '250 2.0.0 OK',
        action: 'delivered',
      }),
    );
    expect(v.isBounce).toBe(false);
    expect(v.kind).toBe('delivered');
  });
});

// --- tiny encoders for the charset test (only the characters used above) ---
function iso2022(text: string): Buffer | undefined {
  const dec = new TextDecoder('iso-2022-jp');
  return roundTrip(
    text,
    dec,
    (jis) => Buffer.concat([Buffer.from([0x1b, 0x24, 0x42]), jis, Buffer.from([0x1b, 0x28, 0x42])]),
    true,
  );
}
function sjis(text: string): Buffer | undefined {
  return roundTrip(text, new TextDecoder('shift_jis'), (b) => b, false);
}
/** Encode by searching the decoder's table (fine for a handful of characters). */
function roundTrip(
  text: string,
  dec: TextDecoder,
  wrap: (b: Buffer) => Buffer,
  jis: boolean,
): Buffer | undefined {
  const table = new Map<string, Buffer>();
  const lo = jis ? 0x21 : 0x81;
  const hi = jis ? 0x7e : 0xfc;
  for (let a = lo; a <= hi; a++) {
    for (let b = jis ? 0x21 : 0x40; b <= (jis ? 0x7e : 0xfc); b++) {
      const bytes = Buffer.from([a, b]);
      const s = dec.decode(
        jis
          ? Buffer.concat([Buffer.from([0x1b, 0x24, 0x42]), bytes, Buffer.from([0x1b, 0x28, 0x42])])
          : bytes,
      );
      if (s.length === 1 && !table.has(s)) table.set(s, bytes);
    }
  }
  const out: Buffer[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(Buffer.from(ch));
    else {
      const b = table.get(ch);
      if (!b) return undefined;
      out.push(wrap(b));
    }
  }
  return Buffer.concat(out);
}

describe('pasted text (the popup paste box)', () => {
  it('a pasted report without sender or subject is read', () => {
    const v = classifyVisible(
      {
        text: '<nobody@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown (in reply to RCPT TO command)',
      },
      { pasted: true },
    );
    expect(v.isBounce).toBe(true);
    expect(v.recipients[0]).toMatchObject({
      recipient: 'nobody@example.com',
      status: '5.1.1',
      reason: 'userunknown',
      command: 'RCPT',
    });
    // The same text in a webmail, from a person, is not badged.
    expect(
      classifyVisible({ text: v.recipients[0]?.diagnostic ?? '', from: 'bob@example.org', subject: 'fyi' })
        .isBounce,
    ).toBe(false);
  });
  it('a lone SMTP answer is explained for an unnamed recipient', () => {
    const v = classifyVisible({ text: '550 5.7.1 Connection refused - OXSUS001_403' }, { pasted: true });
    expect(v.isBounce).toBe(true);
    expect(v.recipients[0]).toMatchObject({
      recipient: '',
      status: '5.7.1',
      replyCode: '550',
      reason: 'userunknown',
    });
    expect(v.recipients[0]?.vendor[0]?.ruleId).toBe('vade-oxsus-403');
  });
  it('a lone code-less failure text is explained when it names a known failure', () => {
    const cases: [string, string][] = [
      [
        'Host or domain name not found. Name service error for name=example.invalid type=MX: Host not found, try again',
        'hostunknown',
      ],
      ['Mailbox is full / Blocks limit exceeded / Inode limit exceeded', 'mailboxfull'],
      ['connect to mx.example.com[192.0.2.5]:25: Connection timed out', 'expired'],
    ];
    for (const [text, reason] of cases) {
      const v = classifyVisible({ text }, { pasted: true });
      expect(v.isBounce, text).toBe(true);
      expect(v.recipients[0]).toMatchObject({ recipient: '', reason });
    }
    // Code-less words that name no failure stay "not a bounce", pasted or not.
    for (const text of ['Lunch at noon?', 'Please confirm your address before Friday.'])
      expect(classifyVisible({ text }, { pasted: true }).isBounce, text).toBe(false);
    // Not pasted (a message shown in a webmail), the same failure text alone is not badged.
    expect(
      classifyVisible({ text: 'Mailbox is full / Blocks limit exceeded', from: 'bob@example.org' }).isBounce,
    ).toBe(false);
  });
  it('Gmail names the host it could not connect to in brackets: read as the remote server', () => {
    const v = classifyVisible({
      text: 'Message not delivered\nThere was a problem delivering your message to jane@example.org. See the technical details below.\nThe response was:\nThe recipient server did not accept our requests to connect. Learn more at https://support.google.com/mail/answer/7720 [mx.example.org. 192.0.2.5: timed out]\n',
      subject: 'Delivery Status Notification (Failure)',
      from: 'mailer-daemon@googlemail.com',
    });
    expect(v.recipients[0]).toMatchObject({ recipient: 'jane@example.org', remoteMta: 'mx.example.org' });
  });
  it("Exchange Online's newer headline alone: 'X wasn't found at domain.' is user unknown", () => {
    const v = classifyVisible(
      {
        text: "Your message to jane@contoso.com couldn't be delivered.\njane wasn't found at contoso.com.\n",
      },
      { pasted: true },
    );
    expect(v.recipients[0]).toMatchObject({ recipient: 'jane@contoso.com', reason: 'userunknown' });
  });
  it('auto-replies stay auto-replies even when pasted', () => {
    expect(
      classifyVisible(
        { text: 'I am out of the office until Monday.', subject: 'Automatic reply: hi' },
        { pasted: true },
      ).isBounce,
    ).toBe(false);
  });
});

describe('notices that report success, and look-alikes above the recipient list', () => {
  it('an Exchange "Relayed:" notice is not a bounce', () => {
    const v = classifyVisible({
      text: 'Delivery to these recipients or groups is complete, but no delivery notification was sent by the destination server:\n\nkijitora@example.com (kijitora@example.com)\n\nSubject: Nyaan',
      subject: 'Relayed: Nyaan',
      from: 'postmaster@example.org',
    });
    expect(v.isBounce).toBe(false);
    expect(v.kind).toBe('delivered');
  });
  it('addresses above "Delivery has failed to these recipients or groups:" are not recipients', () => {
    const v = classifyVisible({
      text: "attacker@evil.example\nYour invoice\n\nDelivery has failed to these recipients or groups:\n\nkijitora@example.com\nThe email address you entered couldn't be found.\n\nDiagnostic information for administrators:\n\nkijitora@example.com\nRemote Server returned '550 5.1.1 <kijitora@example.com>: Recipient address rejected'\n",
      subject: 'Undeliverable: Nyaan',
      from: 'postmaster@example.org',
    });
    expect(v.recipients.map((r) => r.recipient)).toEqual(['kijitora@example.com']);
  });
});

describe('reporting host from the text', () => {
  it('Exchange "Generating server:" names the reporting MTA', () => {
    const v = classifyVisible({
      text: "Delivery has failed to these recipients or groups:\n\nnobody@example.com\nThe email address you entered couldn't be found.\n\nDiagnostic information for administrators:\n\nGenerating server: mx4.example.org\n\nnobody@example.com\n#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##\n",
      subject: 'Undeliverable: hi',
      from: 'postmaster@example.org',
    });
    expect(v.reportingMta).toBe('mx4.example.org');
    expect(v.recipients[0]).toMatchObject({
      recipient: 'nobody@example.com',
      status: '5.1.1',
      replyCode: '550',
    });
  });
});

describe('Amazon SES notifications', () => {
  // The JSON arrives escaped inside an SNS message; SES writes the Reporting-MTA both as a bare host
  // and in DSN form, "dsn; host" (lhost-amazonses-10 and -12 in the corpus).
  const notification = (reportingMta: string) =>
    String.raw`{"Type":"Notification","Message":"{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"bounceSubType\":\"General\",\"bouncedRecipients\":[{\"emailAddress\":\"nobody@example.jp\",\"action\":\"failed\",\"status\":\"5.1.1\",\"diagnosticCode\":\"smtp; 550 5.1.1 <nobody@example.jp>... User Unknown\"}],\"reportingMTA\":\"${reportingMta}\"}}"}`;
  it.each([
    ['dsn; a27-33.smtp-out.us-west-2.amazonses.com', 'a27-33.smtp-out.us-west-2.amazonses.com'],
    ['dns; A27-33.smtp-out.us-west-2.amazonses.com', 'a27-33.smtp-out.us-west-2.amazonses.com'],
    ['a27-29.smtp-out.us-west-2.amazonses.com', 'a27-29.smtp-out.us-west-2.amazonses.com'],
  ])('reads the recipient, codes and the reporting MTA %s as a host name', (written, host) => {
    const s = readSesNotification(notification(written));
    expect(s?.reportingMta).toBe(host);
    expect(s?.recipients[0]).toMatchObject({
      recipient: 'nobody@example.jp',
      dsnAction: 'failed',
      status: '5.1.1',
      replyCode: '550',
    });
  });
  it('gives the verdict the host name, not the DSN type', async () => {
    const raw = `From: no-reply@sns.amazonaws.com\r\nTo: sender@example.com\r\nSubject: AWS Notification Message\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n${notification('dsn; a27-33.smtp-out.us-west-2.amazonses.com')}\r\n`;
    const v = await classifyRaw(new TextEncoder().encode(raw));
    expect(v.reportingMta).toBe('a27-33.smtp-out.us-west-2.amazonses.com');
    expect(v.recipients[0]).toMatchObject({ recipient: 'nobody@example.jp', status: '5.1.1' });
  });
});
