/**
 * Hard/soft policies. Sinch's table (../shared/docs/seeds/001) is tested row by row and exception by
 * exception from the document's own words, not from our data file, so a wrong table entry fails.
 */
import { describe, expect, it } from 'vitest';
import { decide } from '../../core/decide/policy';
import { classifyRaw } from '../../core/index';
import type { DsnAction, Reason } from '../../core/types';
import { makeDsn } from '../helpers/mail';

const base = { status: '', diagnostic: '', reason: 'onhold' as Reason, dsnAction: 'failed' as DsnAction };

describe('sinch policy: every row of Table 1 (Sinch E-Mail 365 v4.1)', () => {
  const rows: [string, 'HARD' | 'SOFT' | 'RETRY'][] = [
    ['420', 'SOFT'],
    ['421', 'RETRY'],
    ['422', 'SOFT'],
    ['431', 'SOFT'],
    ['432', 'SOFT'],
    ['441', 'SOFT'],
    ['442', 'SOFT'],
    ['446', 'SOFT'],
    ['447', 'SOFT'],
    ['449', 'SOFT'],
    ['450', 'SOFT'],
    ['451', 'SOFT'],
    ['452', 'SOFT'],
    ['454', 'SOFT'],
    ['471', 'SOFT'],
    ['500', 'SOFT'],
    ['501', 'SOFT'],
    ['502', 'HARD'],
    ['503', 'HARD'],
    ['504', 'HARD'],
    ['510', 'HARD'],
    ['511', 'HARD'],
    ['512', 'HARD'],
    ['513', 'HARD'],
    ['523', 'SOFT'],
    ['530', 'HARD'],
    ['541', 'SOFT'],
    ['550', 'HARD'],
    ['551', 'HARD'],
    ['552', 'SOFT'],
    ['553', 'HARD'],
    ['554', 'SOFT'],
  ];
  it.each(rows)('%s -> %s', (code, label) => {
    const d = decide({ ...base, policy: 'sinch', replyCode: code, diagnostic: `${code} something happened` });
    expect(d.label).toBe(label);
    expect(d.bounce).toBe(label === 'HARD' ? 'hard' : 'soft');
    expect(d.rule).toContain(code);
  });

  it('codes the table does not list follow the general rule (4XX soft, 5XX hard)', () => {
    expect(decide({ ...base, policy: 'sinch', replyCode: '453' }).label).toBe('SOFT');
    expect(decide({ ...base, policy: 'sinch', replyCode: '521' }).label).toBe('HARD');
    expect(decide({ ...base, policy: 'sinch', replyCode: '556' }).rule).toContain('5XX general rule');
  });
});

describe('sinch policy: every exception', () => {
  const soft550: [string, string, string][] = [
    ['response text could not be identified', '550', ''],
    ['The message failed for unspecified reasons', '550', ''],
    ['The message bounced due to the remote mailbox being over quota', '550', ''],
    ['The receiver will not relay for that domain', '550', ''],
    ['Blocked - see https://ipcheck.proofpoint.com', '550', ''],
    ['Rejected by Proofpoint', '550', ''],
    ['<bounce@example.org> sender rejected', '550', '5.1.0'],
    ['Message blocked for containing SPAM', '550', '5.7.1'],
    ['Recipient address rejected: ERS-Customized-Block', '550', '5.7.1'],
    ['reverse lookup rejected', '550', ''],
    ['Message considered as spam or virus', '550', '5.7.0'],
    ['Connection frequency limited', '550', '5.0.0'],
    ['This IP has sent too many messages this hour', '550', '5.1.0'],
    ['Quota Exceeded', '550', ''],
    ['Mailbox Unavailable', '550', ''],
    ['Unknown local part', '550', ''],
    ['Recipient address rejected: Access denied', '550', '5.4.1'],
    ['Recipient addresses rejected : Access denied', '550', '5.4.1'],
    ['Rejected for possible spam/virus content', '553', '5.3.0'],
    ['Domain of sender address does not exist', '553', '5.1.8'],
    ['Domain Not found', '550', '5.1.8'],
    ['User has exceeded storage', '599', '5.2.2'],
    ['mailbox is full', '599', ''],
  ];
  it.each(soft550)('%s (%s %s) is SOFT', (text, code, status) => {
    const d = decide({
      ...base,
      policy: 'sinch',
      replyCode: code,
      status,
      diagnostic: `${code} ${status} ${text}`,
    });
    expect(d.label).toBe('SOFT');
    expect(d.rule).toContain('exception');
  });

  it('exceptions tied to a DSN code need that code', () => {
    // "sender rejected" is only an exception for DSN 5.1.0
    expect(
      decide({ ...base, policy: 'sinch', replyCode: '550', status: '5.7.1', diagnostic: 'sender rejected' })
        .label,
    ).toBe('HARD');
    // "Rejected for possible spam/virus content" only for DSN 5.3.0
    expect(
      decide({ ...base, policy: 'sinch', replyCode: '553', status: '5.7.1', diagnostic: 'possible spam' })
        .label,
    ).toBe('HARD');
  });

  it('a plain 550 user unknown stays HARD', () => {
    const d = decide({
      ...base,
      policy: 'sinch',
      replyCode: '550',
      status: '5.1.1',
      diagnostic: '550 5.1.1 <a@b.example>: User unknown',
    });
    expect(d.label).toBe('HARD');
  });

  it('a 5.x.x status without a reply code is read against the 550 rows', () => {
    expect(
      decide({ ...base, policy: 'sinch', replyCode: '', status: '5.1.1', diagnostic: 'User unknown' }).label,
    ).toBe('HARD');
    expect(
      decide({ ...base, policy: 'sinch', replyCode: '', status: '5.2.2', diagnostic: 'mailbox is full' })
        .label,
    ).toBe('SOFT');
    expect(
      decide({ ...base, policy: 'sinch', replyCode: '', status: '4.4.7', diagnostic: 'expired' }).label,
    ).toBe('SOFT');
  });
});

describe('rfc policy', () => {
  it('the class digit decides: reply code first, then the enhanced code', () => {
    expect(decide({ ...base, policy: 'rfc', replyCode: '550', status: '5.7.1' }).bounce).toBe('hard');
    expect(decide({ ...base, policy: 'rfc', replyCode: '452', status: '4.2.2' }).bounce).toBe('soft');
    expect(decide({ ...base, policy: 'rfc', replyCode: '', status: '5.2.2' }).bounce).toBe('hard');
    expect(decide({ ...base, policy: 'rfc', replyCode: '', status: '4.4.7' }).bounce).toBe('soft');
  });
  it('a delayed report is soft', () => {
    expect(decide({ ...base, policy: 'rfc', replyCode: '', dsnAction: 'delayed' }).bounce).toBe('soft');
  });
  it('without any code, the report decides: failed is hard unless the reason is temporary', () => {
    expect(decide({ ...base, policy: 'rfc', replyCode: '', reason: 'userunknown' }).bounce).toBe('hard');
    expect(decide({ ...base, policy: 'rfc', replyCode: '', reason: 'mailboxfull' }).bounce).toBe('soft');
  });
  it('a vendor override wins and says what the codes alone would give', () => {
    const d = decide({
      ...base,
      policy: 'rfc',
      replyCode: '550',
      status: '5.1.1',
      vendorBounce: { bounce: 'soft', ruleId: 'godaddy-ib607', why: 'GoDaddy: hourly recipient limit' },
    });
    expect(d.bounce).toBe('soft');
    expect(d.vendorOverride).toBe('godaddy-ib607');
    expect(d.why).toContain('would say hard');
  });
});

describe('recipient policy (Sisimai)', () => {
  it('hard only for userunknown, hostunknown, hasmoved and 5xx notaccept', () => {
    for (const r of ['userunknown', 'hostunknown', 'hasmoved'] as Reason[]) {
      expect(
        decide({ ...base, policy: 'recipient', replyCode: '450', status: '4.1.1', reason: r }).bounce,
      ).toBe('hard');
    }
    expect(
      decide({ ...base, policy: 'recipient', replyCode: '556', status: '5.1.10', reason: 'notaccept' })
        .bounce,
    ).toBe('hard');
    expect(
      decide({
        ...base,
        policy: 'recipient',
        replyCode: '',
        status: '4.0.0',
        diagnostic: 'temporary DNS',
        reason: 'notaccept',
      }).bounce,
    ).toBe('soft');
    for (const r of ['mailboxfull', 'blocked', 'spamdetected', 'suspend', 'rejected'] as Reason[]) {
      expect(
        decide({ ...base, policy: 'recipient', replyCode: '550', status: '5.7.1', reason: r }).bounce,
      ).toBe('soft');
    }
  });
});

describe('policies end to end', () => {
  it('the same 421 is RETRY under sinch, soft under rfc and recipient', async () => {
    const raw = makeDsn({
      recipient: 'a@example.com',
      status: '4.7.0',
      diagnostic: '421 4.7.0 Try again later, closing connection',
    });
    expect((await classifyRaw(raw, { policy: 'sinch' })).recipients[0]?.decision.label).toBe('RETRY');
    expect((await classifyRaw(raw, { policy: 'rfc' })).recipients[0]?.bounce).toBe('soft');
    expect((await classifyRaw(raw, { policy: 'recipient' })).recipients[0]?.bounce).toBe('soft');
  });
  it('550 5.7.1 spam is hard under rfc, soft under sinch and recipient', async () => {
    const raw = makeDsn({
      recipient: 'a@example.com',
      status: '5.7.1',
      diagnostic: '550 5.7.1 Message blocked for containing SPAM',
    });
    const rfc = await classifyRaw(raw, { policy: 'rfc' });
    expect(rfc.recipients[0]?.bounce).toBe('hard');
    expect(rfc.policy).toBe('rfc');
    expect((await classifyRaw(raw, { policy: 'sinch' })).recipients[0]?.bounce).toBe('soft');
    expect((await classifyRaw(raw, { policy: 'recipient' })).recipients[0]?.bounce).toBe('soft');
  });
});
