/**
 * The matching engine's semantics, independent of any one vendor table: answering vs reporting
 * side, scope, standalone tokens, ranking, condition types, normalisation of multi-line replies,
 * and behaviour on hostile input.
 */
import { describe, expect, it } from 'vitest';
import {
  matchVendors,
  normalizeDiagnostic,
  recogniseVendors,
  toFinding,
} from '../../../core/diagnose/vendors';
import { classifyRaw } from '../../../core/index';
import { defineVendor, hosts } from '../../../core/vendors/define';
import type { Vendor } from '../../../core/vendors/types';
import { makeDsn } from '../../helpers/mail';
import { ctxFrom } from './helpers';

const EOP_HOST = 'example-com.mail.protection.outlook.com';

function must<T>(x: T | undefined): T {
  if (x === undefined) throw new Error('expected a value');
  return x;
}

describe('normalizeDiagnostic', () => {
  it('joins multi-line replies so phrases split by "550-5.7.26" still read as one', () => {
    const t = normalizeDiagnostic(
      '550-5.7.26 The MAIL FROM domain [x] has\n    an SPF record with a 550-5.7.26 hard fail policy (-all) 550 5.7.26 https://x',
    );
    expect(t).toContain('with a hard fail policy (-all) https://x');
    expect(t.startsWith('550-5.7.26 The MAIL FROM')).toBe(true);
  });
  it('keeps codes that are not continuation markers', () => {
    expect(normalizeDiagnostic("Remote Server returned '550 5.1.10 RESOLVER'")).toContain('550 5.1.10');
    expect(normalizeDiagnostic('host x said: 554 5.7.1 blocked')).toContain('554 5.7.1 blocked');
  });
});

describe('who answered vs who wrote the bounce', () => {
  it('a vendor seen only in the bounce headers does not lend its rules to another server’s words', () => {
    const text = '450 User is receiving mail too quickly';
    const reportingOnly = ctxFrom('mx.example.jp', text, { headers: { 'x-ymailisg': 'abc' } });
    expect(recogniseVendors(reportingOnly).find((r) => r.vendor.id === 'yahoo')?.side).toBe('reporting');
    expect(matchVendors(reportingOnly).map((m) => m.rule.id)).toEqual([]);
    const answering = ctxFrom('mta7.am0.yahoodns.net', text);
    expect(matchVendors(answering)[0]?.rule.id).toBe('yahoo-receiving-too-quickly');
  });

  it('rules with scope "any" apply when the vendor only wrote the bounce (the sender’s own account)', () => {
    const c = ctxFrom('', '550 5.4.5 Daily user sending limit exceeded.', {
      from: 'mailer-daemon@googlemail.com',
    });
    const top = matchVendors(c)[0];
    expect(top?.rule.id).toBe('google-sending-limit');
    expect(top?.side).toBe('reporting');
    expect(top?.matchedBy).toMatch(/^From /);
  });

  it('a Reporting-MTA of the vendor counts as answering when no other Remote-MTA is named', () => {
    const c = ctxFrom('', '550 5.1.6 recipient no longer on server: neko@example.jp', {
      reporting: 'mail-in2.apple.com',
    });
    expect(matchVendors(c)[0]?.rule.id).toBe('apple-moved');
    const relayed = ctxFrom('mx.example.jp', '550 5.1.6 recipient no longer on server: neko@example.jp', {
      reporting: 'mail-in2.apple.com',
    });
    expect(matchVendors(relayed)).toEqual([]);
  });

  it('a filter reporting its own verdicts counts as answering unless another Remote-MTA is named', () => {
    const own = ctxFrom('', '550 No such user', {
      headers: { 'x-msg-ref': 'server-1.tower-2.messagelabs.com!1!2!3' },
    });
    expect(matchVendors(own)[0]?.rule.id).toBe('messagelabs-invalid-recipient');
    const relayed = ctxFrom('mail.neko.example.org', '550 No such user', {
      headers: { 'x-msg-ref': 'server-1.tower-2.messagelabs.com!1!2!3' },
    });
    expect(matchVendors(relayed)).toEqual([]);
  });

  it('a standalone token fires without any recognition, and says which token', () => {
    const c = ctxFrom('mx.unknown.example', '550 5.7.1 Connection refused - OXSUS001_403');
    const top = matchVendors(c)[0];
    expect(top?.rule.id).toBe('vade-oxsus-403');
    expect(top?.side).toBe('answering'); // the token in the diagnostic is itself a recognition signal
    const noRecognition = matchVendors(c, [
      { ...must(top).vendor, recognize: { hosts: [/^never$/] } } as Vendor,
    ])[0];
    expect(noRecognition?.side).toBe('standalone');
    expect(noRecognition?.matchedBy).toBe('token "OXSUS001_403"');
  });

  it('recipient domain is an answering-side signal only when no other Remote-MTA is named', () => {
    const c = ctxFrom('', '550 5.7.1 No such user!', { rcpt: 'yandex.ru' });
    expect(matchVendors(c)[0]?.rule.id).toBe('yandex-no-such-user-571');
    const ownRelay = ctxFrom('smtp.sender.example', '554 5.7.1 <neko@icloud.com>: Relay access denied', {
      rcpt: 'icloud.com',
    });
    expect(matchVendors(ownRelay)).toEqual([]);
  });
});

describe('recognition from what real bounces name (Sisimai Rhost tables, 2026-11-24)', () => {
  it('Cox is recognised by its MX hosts (cox.net MX cxr.mx.a/b.cloudfilter.net), so its text rules apply', () => {
    const c = ctxFrom(
      'cxr.mx.a.cloudfilter.net',
      '554 5.7.1 cxr.mx.a.cloudfilter.net cmsmtp too many invalid recipients from 192.0.2.1',
      {
        rcpt: 'cox.net',
      },
    );
    expect(matchVendors(c)[0]?.rule.id).toBe('cox-bad-commands');
  });
  it("Microsoft's RESOLVER.RST size limits are not a restricted recipient", () => {
    const size = ctxFrom(
      EOP_HOST,
      '552 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient',
    );
    expect(matchVendors(size).map((m) => m.rule.id)).not.toContain('microsoft365-restricted-recipient');
    const auth = ctxFrom(EOP_HOST, '550 5.7.1 RESOLVER.RST.AuthRequired; authentication required');
    expect(matchVendors(auth)[0]?.rule.id).toBe('microsoft365-restricted-recipient');
  });
});

describe('a rule without a reason of its own', () => {
  it("lets the status decide: Google's message size limit is mesgtoobig with 5.3.4, exceedlimit with 5.2.3 (Sisimai's Google table)", async () => {
    const reasonOf = async (status: string) => {
      const v = await classifyRaw(
        makeDsn({
          recipient: 'kijitora@gmail.com',
          status,
          remoteMta: 'gmail-smtp-in.l.google.com',
          diagnostic: `552 ${status} Your message exceeded Google's message size limits. https://support.google.com/mail/?p=MaxSizeError - gsmtp`,
        }),
      );
      return [v.recipients[0]?.reason, v.recipients[0]?.vendor[0]?.ruleId];
    };
    expect(await reasonOf('5.3.4')).toEqual(['mesgtoobig', 'google-too-large']);
    expect(await reasonOf('5.2.3')).toEqual(['exceedlimit', 'google-too-large']);
  });
});

describe('ranking', () => {
  it('a vendor token outranks ordinary text of the same vendor', () => {
    const c = ctxFrom(
      'cxr.mx.a.cloudfilter.net',
      '550 5.1.0 <b@example.com> sender rejected. Refer to https://www.cox.com/residential/support/email-error-codes.html AUP#CDRBL',
    );
    const ids = matchVendors(c).map((m) => m.rule.id);
    expect(ids[0]).toBe('cox-cdrbl');
    expect(ids).toContain('cox-sender-rejected');
  });
  it('more conditions outrank fewer (status + text over text alone)', () => {
    const ids = matchVendors(ctxFrom('mx.yandex.ru', '550 5.7.1 No such user!')).map((m) => m.rule.id);
    expect(ids.slice(0, 2)).toEqual(['yandex-no-such-user-571', 'yandex-no-such-user']);
  });
});

describe('generic conditions (a test vendor, not in the registry)', () => {
  const acme: Vendor = defineVendor({
    id: 'acme',
    name: 'ACME Mail',
    source: 'RFC <https://www.rfc-editor.org/>',
    recognize: { hosts: [hosts('acme.test')] },
    rules: [
      {
        id: 'acme-range',
        match: { statusRange: [['5.7.600', '5.7.649']] },
        pattern: '5.7.6xx',
        meaning: 'range',
        practice: 'BLOCK',
        note: 'n',
        remediation: 'r',
        source: 'RFC <https://www.rfc-editor.org/>',
      },
      {
        id: 'acme-class',
        match: { reply: ['4'], command: ['RCPT'], status: ['4.2.'] },
        pattern: '4xx at RCPT',
        meaning: 'class',
        practice: 'SOFT',
        note: 'n',
        remediation: 'r',
        source: 'RFC <https://www.rfc-editor.org/>',
      },
      {
        id: 'acme-header',
        match: { headers: [{ name: 'X-Acme', value: /^yes$/ }], hosts: [/^mx2\.acme\.test$/] },
        pattern: 'header',
        meaning: 'header',
        practice: 'INFO',
        note: 'n',
        remediation: 'r',
        source: 'RFC <https://www.rfc-editor.org/>',
      },
    ],
  });

  it('status ranges match whole detail numbers', () => {
    expect(matchVendors(ctxFrom('mx.acme.test', '550 5.7.606 x'), [acme]).map((m) => m.rule.id)).toEqual([
      'acme-range',
    ]);
    expect(matchVendors(ctxFrom('mx.acme.test', '550 5.7.650 x'), [acme])).toEqual([]);
    expect(matchVendors(ctxFrom('mx.acme.test', '550 5.7.60 x'), [acme])).toEqual([]);
  });
  it('reply class, command and status prefix AND together', () => {
    const ok = ctxFrom('mx.acme.test', '452 4.2.2 full', { cmd: 'RCPT' });
    expect(matchVendors(ok, [acme]).map((m) => m.rule.id)).toEqual(['acme-class']);
    expect(matchVendors({ ...ok, command: 'DATA' }, [acme])).toEqual([]);
  });
  it('rule hosts and headers narrow a rule to one host family', () => {
    const c = ctxFrom('mx2.acme.test', 'x', { headers: { 'x-acme': 'yes' } });
    expect(matchVendors(c, [acme]).map((m) => m.rule.id)).toEqual(['acme-header']);
    expect(matchVendors({ ...c, remoteMta: 'mx1.acme.test' }, [acme])).toEqual([]);
  });
  it('defineVendor fills effects from the practice and refuses ids without the vendor prefix', () => {
    expect(acme.rules[1]?.bounce).toEqual({ rfc: 'soft', sinch: 'soft' });
    expect(acme.rules[1]?.action).toBe('retry');
    expect(acme.rules[0]?.bounce).toEqual({ sinch: 'soft' });
    expect(() => defineVendor({ ...acme, rules: [{ ...must(acme.rules[0]), id: 'other-x' }] })).toThrow();
  });
  it('a malformed status range is a data error', () => {
    const bad = {
      ...acme,
      rules: [{ ...must(acme.rules[0]), match: { statusRange: [['5.7.1', '4.7.9']] as const } }],
    };
    expect(() => matchVendors(ctxFrom('mx.acme.test', '550 5.7.1'), [bad as Vendor])).toThrow(
      /bad status range/,
    );
  });
});

describe('findings', () => {
  it('toFinding carries the rule, the signal and the postmaster page', () => {
    const m = matchVendors(
      ctxFrom('smtp.secureserver.net', '550 5.1.1 <a@b.c> has sent to too many recipients this hour. IB607'),
    )[0];
    expect(m).toBeDefined();
    const f = toFinding(must(m));
    expect(f).toMatchObject({
      vendorId: 'godaddy',
      ruleId: 'godaddy-ib607',
      practice: 'SOFT',
      reason: 'speeding',
    });
    expect(f.matchedBy).toBe('remote host smtp.secureserver.net');
    expect(f.links).toContain('https://ca.godaddy.com/help/fix-rejected-email-with-a-bounce-error-40685');
    expect(f.source).toContain('SIS-236 <https://github.com/sisimai/p5-sisimai/issues/236>');
  });
});

describe('hostile input', () => {
  it('megabytes of repeated near-matches are handled (texts are capped, regexes linear)', () => {
    const junk = `${'550-5.7.1 AUP#I-1 OXSUS001_ IB6 [TSS0 RESOLVER.ADR. spamhaus '.repeat(60_000)}`;
    const c = ctxFrom('mx.example.net', junk, {
      body: junk,
      subject: junk.slice(0, 5000),
      from: junk.slice(0, 5000),
    });
    expect(junk.length).toBeGreaterThan(3_000_000);
    expect(Array.isArray(matchVendors(c))).toBe(true);
  });
  it('empty context: nothing matches', () => {
    expect(matchVendors(ctxFrom('', ''))).toEqual([]);
  });
});
