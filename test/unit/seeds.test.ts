/**
 * Every example of the four seed documents (../shared/docs/seeds/) as a test, end to end through
 * classifyRaw on a standard RFC 3464 bounce carrying the example's answer:
 *  000 Vade's 550 5.7.1 ... OXSUS001_403 (user unknown despite 5.7.1)
 *  001 Sinch's table (row by row in policy.test.ts; the RETRY and a few exceptions end to end here)
 *  002 the SMTP reply/enhanced code guide: its table of common codes, the three wordings of 550 5.1.1
 *      including Gmail's multi-line 550-5.1.1, the 5.7.x subcodes
 *  003 the causes of 550 5.7.1 (SPF, DKIM, DMARC, blocklists, reputation, content, recipient policy,
 *      relaying, reverse DNS) with a checklist for each
 */
import { describe, expect, it } from 'vitest';
import { classifyRaw, summarize } from '../../core/index';
import type { Policy, RecipientVerdict } from '../../core/types';
import { makeDsn } from '../helpers/mail';

async function one(
  diagnostic: string,
  status: string,
  opts: { policy?: Policy; remoteMta?: string; recipient?: string } = {},
) {
  const v = await classifyRaw(
    makeDsn({
      recipient: opts.recipient ?? 'alice@example.com',
      status,
      diagnostic,
      remoteMta: opts.remoteMta ?? 'mx.example.com',
    }),
    { policy: opts.policy ?? 'rfc' },
  );
  expect(v.isBounce).toBe(true);
  expect(v.recipients).toHaveLength(1);
  return v.recipients[0] as RecipientVerdict;
}

describe('seed 000: Vade OXSUS001_403', () => {
  const diag =
    '550 5.7.1 Connection refused - OXSUS001_403 - https://postmaster-oxsus.vadesecure.com/inbound_error_codes/#_403';
  it('is user unknown, hard, suppress, although 5.7.1 is a policy code', async () => {
    const r = await one(diag, '5.7.1', {
      recipient: 'nobody@earthlink.net',
      remoteMta: 'mx01.oxsus-vadesecure.net',
    });
    expect(r.status).toBe('5.7.1');
    expect(r.replyCode).toBe('550');
    expect(r.reason).toBe('userunknown');
    expect(r.bounce).toBe('hard');
    expect(r.action).toBe('suppress');
    expect(r.vendor[0]?.ruleId).toBe('vade-oxsus-403');
    expect(r.statusInfo?.summary).toBe('Delivery not authorized, message refused');
  });
  it('shows both meanings and says it followed the vendor', async () => {
    const r = await one(diag, '5.7.1');
    expect(r.conflict?.code).toBe('5.7.1');
    expect(r.conflict?.iana).toBe('Delivery not authorized, message refused');
    expect(r.conflict?.vendor).toMatch(/not exist|unknown/i);
    expect(r.conflict?.followed).toBe('vendor');
  });
  it('gets no policy-rejection cause: the 5.7.1 is not one, and the summary reads cleanly', async () => {
    const r = await one(diag, '5.7.1');
    expect(r.diagnosis).toBeUndefined();
    const text = summarize(
      await classifyRaw(makeDsn({ recipient: 'alice@example.com', status: '5.7.1', diagnostic: diag })),
    );
    expect(text).not.toMatch(/Cause:|\w\.\.(?:\s|$)/m);
    expect(text).toContain('Vade Secure / Open-Xchange cloud: The recipient does not exist');
  });
  it('is hard under every policy (a 550, and the address is bad)', async () => {
    for (const policy of ['rfc', 'sinch', 'recipient'] as Policy[])
      expect((await one(diag, '5.7.1', { policy })).bounce).toBe('hard');
  });
});

describe('seed 001: Sinch end to end', () => {
  it('421 is RETRY (not sent back as a bounce), soft', async () => {
    const r = await one('421 4.3.2 Service not available, closing transmission channel', '4.3.2', {
      policy: 'sinch',
    });
    expect(r.decision.label).toBe('RETRY');
    expect(r.bounce).toBe('soft');
  });
  it('550 with "over quota" is SOFT; 550 user unknown is HARD', async () => {
    expect(
      (await one('550 5.2.2 The remote mailbox is over quota', '5.2.2', { policy: 'sinch' })).bounce,
    ).toBe('soft');
    expect((await one('550 5.1.1 User unknown', '5.1.1', { policy: 'sinch' })).bounce).toBe('hard');
  });
  it('552 exceeded storage is SOFT, 553 mailbox name invalid is HARD', async () => {
    expect(
      (
        await one('552 5.2.2 Requested mail actions aborted - Exceeded storage allocation', '5.2.2', {
          policy: 'sinch',
        })
      ).bounce,
    ).toBe('soft');
    expect(
      (await one('553 5.1.3 Requested action not taken - Mailbox name invalid', '5.1.3', { policy: 'sinch' }))
        .bounce,
    ).toBe('hard');
  });
});

describe('seed 002: common codes table', () => {
  const table: [string, string, 'hard' | 'soft', string][] = [
    ['421 4.7.0 Try again later, closing connection', '4.7.0', 'soft', 'retry'],
    ['450 4.2.1 Mailbox temporarily unavailable', '4.2.1', 'soft', 'retry'],
    ['451 4.4.1 Server temporarily unavailable', '4.4.1', 'soft', 'retry'],
    ['452 4.2.2 Mailbox full, quota exceeded', '4.2.2', 'soft', 'retry'],
    ['550 5.1.1 User does not exist', '5.1.1', 'hard', 'suppress'],
    ['550 5.7.1 Message rejected by policy', '5.7.1', 'hard', 'fix-sender'],
    ['552 5.2.3 Message too large', '5.2.3', 'hard', 'fix-content'],
    ['553 5.1.8 Sender address rejected', '5.1.8', 'hard', 'fix-sender'],
    ['554 5.7.1 Transaction failed; access denied', '5.7.1', 'hard', 'fix-sender'],
  ];
  it.each(table)('%s', async (diag, status, bounce, action) => {
    const r = await one(diag, status);
    expect(r.status).toBe(status);
    expect(r.replyCode).toBe(diag.slice(0, 3));
    expect(r.bounce).toBe(bounce);
    expect(r.action).toBe(action);
    expect(r.statusInfo?.registered).toBe(true);
    expect(r.replyInfo?.standard).toBe(true);
  });

  it('the three wordings of 550 5.1.1 are all hard user-unknown', async () => {
    for (const d of [
      '550 5.1.1 <alice@example.com>: Recipient address rejected: User unknown',
      '550 5.1.1 The email account that you tried to reach does not exist.',
      "550-5.1.1 The email account that you tried to reach does not exist. 550-5.1.1 Please try double-checking the recipient's email address for typos",
    ]) {
      const r = await one(d, '5.1.1');
      expect(r.reason).toBe('userunknown');
      expect(r.bounce).toBe('hard');
      expect(r.statusInfo?.summary).toBe('Bad destination mailbox address');
    }
  });

  it("Gmail's multi-line 550-5.1.1 reply is joined into one sentence", async () => {
    const raw = makeDsn({
      recipient: 'alice@gmail.com',
      status: '5.1.1',
      remoteMta: 'gmail-smtp-in.l.google.com',
    }).replace(
      'Remote-MTA: dns; gmail-smtp-in.l.google.com',
      [
        'Remote-MTA: dns; gmail-smtp-in.l.google.com',
        'Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does',
        "    not exist. Please try 550-5.1.1 double-checking the recipient's email",
        '    address for typos or 550-5.1.1 unnecessary spaces. Learn more at 550 5.1.1',
        '    https://support.google.com/mail/?p=NoSuchUser a1si123 - gsmtp',
      ].join('\n'),
    );
    const v = await classifyRaw(raw);
    const r = v.recipients[0] as RecipientVerdict;
    expect(r.diagnostic).toBe(
      "550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. Learn more at https://support.google.com/mail/?p=NoSuchUser a1si123 - gsmtp",
    );
    expect(r.reason).toBe('userunknown');
    expect(r.vendor[0]?.vendorId).toBe('google');
  });

  it('the 5.7.x subcodes carry their registry meaning', async () => {
    const cases: [string, string, string][] = [
      ['550 5.7.0 Permission denied', '5.7.0', 'Other or undefined security status'],
      ['530 5.7.9 Authentication required', '5.7.9', 'Authentication mechanism is too weak'],
      ['550 5.7.26 Multiple authentication checks failed', '5.7.26', 'Multiple authentication checks failed'],
      ['550 5.7.25 Reverse DNS validation failed', '5.7.25', 'Reverse DNS validation failed'],
    ];
    for (const [d, s, summary] of cases) {
      const r = await one(d, s);
      expect(r.statusInfo?.summary).toBe(summary);
      expect(r.bounce).toBe('hard');
      expect(r.action).not.toBe('suppress');
    }
  });

  it('Microsoft 5.1.10 is "recipient not found", not the null-MX meaning of the registry', async () => {
    const r = await one(
      '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
      '5.1.10',
      { remoteMta: 'example-com.mail.protection.outlook.com' },
    );
    expect(r.reason).toBe('userunknown');
    expect(r.statusInfo?.summary).toBe('Recipient address has null MX');
    expect(r.conflict?.followed).toBe('vendor');
  });
});

describe('seed 003: causes of 550 5.7.1, with a checklist', () => {
  const cases: [string, string, string | undefined][] = [
    [
      '550 5.7.1 SPF check failed: example.org does not designate 192.0.2.1 as permitted sender',
      'spf',
      undefined,
    ],
    ['550 5.7.1 DKIM signature verification failed', 'dkim', undefined],
    [
      "550 5.7.1 Unauthenticated email from example.org is not accepted due to domain's DMARC policy",
      'dmarc',
      undefined,
    ],
    [
      '550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org',
      'blocklist',
      'spamhaus',
    ],
    ['550 5.7.1 Client host rejected: listed at b.barracudacentral.org', 'blocklist', 'barracuda'],
    ['550 5.7.1 Rejected: 192.0.2.1 listed at bl.spamcop.net', 'blocklist', 'spamcop'],
    [
      '550 5.7.1 Our system has detected that this message is likely unsolicited mail (spam content)',
      'content',
      undefined,
    ],
    [
      '550 5.7.1 The user or domain that you are sending to (or from) has a policy that prohibited the mail',
      'recipient-policy',
      undefined,
    ],
    ['550 5.7.1 <alice@example.com>: Relay access denied', 'relay', undefined],
    ['550 5.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.1]', 'rdns', undefined],
    [
      '550 5.7.1 Our system has detected an unusual rate of mail originating from your IP address',
      'rate-limit',
      undefined,
    ],
  ];
  it.each(cases)('%s', async (diag, cause, list) => {
    const r = await one(diag, '5.7.1');
    expect(r.diagnosis?.cause).toBe(cause);
    if (list) expect(r.diagnosis?.list?.toLowerCase()).toContain(list);
    expect(r.diagnosis?.checklist.length).toBeGreaterThan(1);
    // Rate limits are waited out (slow down and retry); everything else needs a fix first.
    const expected = cause === 'rate-limit' ? ['retry'] : ['fix-sender', 'fix-content', 'contact-postmaster'];
    expect(expected).toContain(r.action);
  });
});

describe('an X.7 status names a cause only when the text does not say what failed', () => {
  it('"550 5.7.1 User Unknown" is the address, not a policy: no cause checklist', async () => {
    const r = await one('550 5.7.1 550 User Unknown: alice@example.com', '5.7.1');
    expect(r.reason).toBe('userunknown');
    expect(r.diagnosis).toBeUndefined();
  });
  it('a bare "550 5.7.1" (no reason in words) still gets the status cause', async () => {
    const r = await one('550 5.7.1 Message refused', '5.7.1');
    expect(r.diagnosis?.cause).toBeDefined();
  });
});
