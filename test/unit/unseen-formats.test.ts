/**
 * Bounce formats missing from the development corpus (test/fixtures/unseen-formats/README.md): each
 * synthetic bounce must be recognised, with the failed recipient, codes and reason a reader of the
 * mail (and Sisimai's parser for that format) would give.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyRaw } from '../../core/index';
import type { Reason } from '../../core/types';

const DIR = join(__dirname, '../fixtures/unseen-formats');

interface Expect {
  recipient: string;
  status: string | undefined;
  replyCode: string | undefined;
  reason: Reason;
}

const CASES: Record<string, Expect> = {
  'aol-01': { recipient: 'kijitora@example.jp', status: '5.1.1', replyCode: '550', reason: 'userunknown' },
  // AOL's relay: an unreadable MX record of the recipient domain (vendor rule aol-mx-malformed-reply)
  'aol-02': {
    recipient: 'kijitora@neko.example.jp',
    status: '5.4.4',
    replyCode: undefined,
    reason: 'notaccept',
  },
  'apachejames-01': {
    recipient: 'kijitora@example.org',
    status: undefined,
    replyCode: '550',
    reason: 'userunknown',
  },
  'deutschetelekom-01': {
    recipient: 'kijitora@t-online.de',
    status: '5.2.2',
    replyCode: '552',
    reason: 'mailboxfull',
  },
  'deutschetelekom-02': {
    recipient: 'kijitora.neko@t-online.de',
    status: '5.1.1',
    replyCode: '550',
    reason: 'userunknown',
  },
  'google-01': { recipient: 'kijitora@example.jp', status: '5.2.2', replyCode: '550', reason: 'mailboxfull' },
  'googleworkspace-01': {
    recipient: 'kijitora@example.jp',
    status: undefined,
    replyCode: undefined,
    reason: 'userunknown',
  },
  // A "Send mail as" setup error: no code, no words that name a reason
  'googleworkspace-02': {
    recipient: 'kijitora@example.org',
    status: undefined,
    replyCode: undefined,
    reason: 'onhold',
  },
  'gsuite-01': {
    recipient: 'kijitora@example.co.jp',
    status: '5.2.2',
    replyCode: '552',
    reason: 'mailboxfull',
  },
  'interscanmss-01': {
    recipient: 'kijitora@example.co.jp',
    status: '5.1.1',
    replyCode: '550',
    reason: 'userunknown',
  },
  // "Unable to deliver message to <addr>." and nothing else (vendor rule trendmicro-unable-to-deliver)
  'interscanmss-02': {
    recipient: 'kijitora@neko.example.jp',
    status: undefined,
    replyCode: undefined,
    reason: 'userunknown',
  },
  'mailmarshalsmtp-01': {
    recipient: 'dummyuser@blabla.example.com',
    status: '5.2.2',
    replyCode: '552',
    reason: 'mailboxfull',
  },
  'messagelabs-01': {
    recipient: 'kijitora@example.co.uk',
    status: '5.2.2',
    replyCode: '552',
    reason: 'mailboxfull',
  },
  'powermta-01': {
    recipient: 'kijitora@example.jp',
    status: '5.1.1',
    replyCode: '550',
    reason: 'userunknown',
  },
  'powermta-02': {
    recipient: 'mikeneko@example.net',
    status: '5.7.1',
    replyCode: '554',
    reason: 'spamdetected',
  },
  // "kijitora@example.com: [192.0.2.55], 550 kijitora@example.com... No such user"
  'surfcontrol-01': {
    recipient: 'kijitora@example.com',
    status: undefined,
    replyCode: '550',
    reason: 'userunknown',
  },
};

describe('bounce formats the development corpus lacks', () => {
  it.each(Object.entries(CASES))('%s', async (name, want) => {
    const v = await classifyRaw(new Uint8Array(readFileSync(join(DIR, `${name}.eml`))));
    expect(v.isBounce).toBe(true);
    expect(
      v.recipients.map((r) => ({
        recipient: r.recipient,
        status: r.status,
        replyCode: r.replyCode,
        reason: r.reason,
      })),
    ).toEqual([want]);
  });
});

/** fml (a Japanese mailing-list manager) refusing a post: the notice names the address in one line. */
function fmlNotice(subject: string, line: string): string {
  return [
    'From: neko-admin@example.org',
    'To: sironeko@neko.example.org',
    `Subject: ${subject} (neko-nyaan ML)`,
    'X-MLServer: fml [fml 4.0.3 release (20011202/4.0.3)]',
    'Message-ID: <200504292334.FMLFFFFFF0.neko-nyaan@example.org>',
    '',
    line,
    '',
    'If you know the general guide of this list, please send mail with',
    'the mail body',
    '',
    '\tguide',
    '',
    'to the address',
    '',
    '\tneko-nyaan-ctl@example.org',
    '',
  ].join('\n');
}

describe('fml notices beyond the two in the corpus', () => {
  it.each([
    [
      'NOT MEMBER article from neko-nyaan@example.org',
      'NOT MEMBER article from <neko-nyaan@example.org>',
      'rejected',
    ],
    ['reject mail neko-nyaan@example.org', 'reject spammers: <neko-nyaan@example.org>', 'rejected'],
    [
      'Loop Back Warning: neko-nyaan@example.org',
      'Loop Back Warning: <neko-nyaan@example.org>',
      'systemerror',
    ],
    [
      'Security Alert',
      'Security alert: <neko-nyaan@example.org> sent a mail with a dangerous header.',
      'securityerror',
    ],
  ] as const)('%s', async (subject, line, reason) => {
    const v = await classifyRaw(fmlNotice(subject, line));
    expect(v.isBounce).toBe(true);
    expect(v.recipients.map((r) => [r.recipient, r.reason])).toEqual([['neko-nyaan@example.org', reason]]);
  });
});
