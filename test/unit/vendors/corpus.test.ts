/**
 * Real bounces from ../shared/corpus (Sisimai's set-of-emails, BSD-2-Clause): for every file whose
 * answering host (rhost-*) or reporting system (lhost-*) is a vendor we know, the expected vendor
 * rule, and a check against Sisimai's label. Differences with Sisimai must be listed, with the
 * evidence, in docs/vendor-coverage.md ("Disagreements with Sisimai"); this test recomputes them.
 *
 * Every file goes through the shipped pipeline (helpers.corpusBounce: extractRaw, the verdict's own
 * vendorContext, classifyRaw): the top rule is read from the verdict the user sees
 * (`recipients[i].vendor`, one finding per vendor, best first).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Label } from '../../../cli/corpus';
import { matchVendors, recogniseVendors } from '../../../core/diagnose/vendors';
import { corpusBounce, labels } from './helpers';

const DOC = join(dirname(fileURLToPath(import.meta.url)), '../../../docs/vendor-coverage.md');

/** file → expected top rule (null: no vendor rule may fire). */
const EXPECTED: Record<string, string | null> = {
  'rhost-apple-01.eml': 'apple-moved',
  'rhost-apple-03.eml': 'apple-over-quota',
  'rhost-apple-05.eml': null, // private relay 'user not found': not a documented Apple quirk
  'rhost-aol-01.eml': null,
  'rhost-aol-02.eml': null,
  'rhost-cloudflare-01.eml': null,
  'rhost-cox-01.eml': 'cox-cdrbl',
  'rhost-franceptt-01.eml': 'orange-invalid-recipient',
  'rhost-franceptt-02.eml': 'orange-invalid-recipient',
  'rhost-franceptt-05.eml': 'orange-account-closed',
  'rhost-franceptt-07.eml': 'orange-ip-blocked',
  'rhost-franceptt-08.eml': 'orange-try-later-505',
  'rhost-franceptt-10.eml': 'orange-try-later',
  'rhost-franceptt-12.eml': 'orange-client-rejected',
  'rhost-godaddy-02.eml': 'godaddy-spamhaus-query',
  'rhost-godaddy-03.eml': 'godaddy-ib607',
  'rhost-google-01.eml': 'google-disabled',
  'rhost-google-02.eml': 'google-nosuchuser',
  'rhost-google-03.eml': 'google-spf-hardfail',
  'rhost-google-04.eml': 'google-auth-required',
  'rhost-google-06.eml': 'google-ptr',
  'rhost-google-08.eml': 'google-rfc5322',
  'rhost-gsuite-03.eml': null, // Google's own DNS error text: no documented quirk
  'rhost-gsuite-08.eml': 'kddi-filtered',
  'rhost-gsuite-09.eml': 'kddi-user-unknown',
  'rhost-gsuite-14.eml': 'google-nosuchuser',
  'rhost-iua-01.eml': 'iua-unused',
  'rhost-kddi-01.eml': 'kddi-filtered',
  'rhost-kddi-02.eml': 'kddi-user-unknown',
  'rhost-messagelabs-01.eml': 'messagelabs-smtp-auth',
  'rhost-messagelabs-02.eml': null, // MessageLabs relays mail.neko.example.org's "No such user"
  'rhost-microsoft-03.eml': 'microsoft365-recipient-not-found-5110',
  'rhost-microsoft-05.eml': 'outlook-ip-reputation-rate',
  'rhost-microsoft-06.eml': 'microsoft365-auth-level-515',
  'rhost-mimecast-01.eml': 'mimecast-geo',
  'rhost-mimecast-02.eml': 'mimecast-spam-signature',
  'rhost-outlook-03.eml': 'outlook-domain-unreachable',
  'rhost-outlook-08.eml': 'outlook-mailbox-unavailable',
  'rhost-outlook-09.eml': null,
  'rhost-tencent-01.eml': 'tencent-frequency-limited',
  'rhost-tencent-02.eml': 'tencent-frequency-limited',
  'rhost-yahooinc-02.eml': 'yahoo-tss04',
  'rhost-yahooinc-03.eml': 'yahoo-no-account',
  'rhost-zoho-01.eml': 'zoho-user-unknown',
  'rhost-zoho-02.eml': 'zoho-mail-policy',
  'rhost-zoho-03.eml': 'zoho-spam',
  'rhost-zoho-04.eml': 'zoho-destination-rejected-541',
  // lhost-*: the vendor wrote the bounce; its rules fire only for its own words
  'lhost-amazonses-20.eml': 'google-disabled', // SES relays Gmail's answer
  'lhost-barracuda-02.eml': 'barracuda-ube',
  'lhost-einsundeins-02.eml': 'gmx-size',
  'lhost-einsundeins-03.eml': 'orange-spam',
  'lhost-ezweb-08.eml': 'outlook-legacy-ip-blocked',
  'lhost-kddi-01.eml': 'kddi-mailbox-full',
  'lhost-kddi-02.eml': 'kddi-mailbox-full',
  'lhost-kddi-03.eml': 'kddi-mailbox-full',
  'lhost-mailru-07.eml': 'kddi-filtered',
  // '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup': the
  // 5.1.10 rule (row 35) is the more specific one, as for lhost-office365-13 and rhost-microsoft-03.
  'lhost-office365-01.eml': 'microsoft365-recipient-not-found-5110',
  'lhost-office365-08.eml': 'microsoft365-expired',
  'lhost-office365-13.eml': 'microsoft365-recipient-not-found-5110',
  'lhost-outlook-08.eml': 'outlook-mailbox-unavailable',
};

/**
 * Vendors that only WROTE these bounces: recognised on the reporting side, none of their rules fire.
 * (lhost-yahoo-05 "Remote host said: 550 5.2.1 <kijitora@example.co.jp>... User Unknown", lhost-zoho-01/03
 * "Invalid Address, ERROR_CODE :550, ...": another server's answer, relayed; the top Received "by"
 * host is not a Reporting-MTA, see vendorContext in core/verdict.ts.)
 */
const REPORTING_ONLY: [file: string, vendor: string][] = [
  ['lhost-yahoo-01.eml', 'yahoo'],
  ['lhost-yahoo-05.eml', 'yahoo'],
  ['lhost-zoho-01.eml', 'zoho'],
  ['lhost-zoho-03.eml', 'zoho'],
  ['lhost-mailru-01.eml', 'mailru'],
  ['lhost-yandex-01.eml', 'yandex'],
  ['lhost-gmx-03.eml', 'gmx'],
  ['lhost-mimecast-02.eml', 'mimecast'],
  ['rhost-messagelabs-02.eml', 'messagelabs'],
];

describe('corpus: vendor rules on real bounces', () => {
  const byFile = new Map(labels().map((l) => [l.file.replace('eml/', ''), l]));
  for (const [file, rule] of Object.entries(EXPECTED)) {
    it(`${file} → ${rule ?? 'no vendor rule'}`, async () => {
      const { verdict, recipients } = await corpusBounce(file);
      expect(verdict.isBounce, 'the product reads it as a bounce').toBe(true);
      expect(verdict.recipients.length, 'a failed recipient was read').toBeGreaterThan(0);
      if (rule === null) {
        expect(verdict.recipients.flatMap((v) => v.vendor.map((f) => f.ruleId))).toEqual([]);
        return;
      }
      const first = verdict.recipients[0];
      expect(first?.vendor[0]?.ruleId, first?.vendor.map((f) => f.ruleId).join(', ')).toBe(rule);
      // The verdict's finding is the engine's top match on the context the verdict built.
      const ctx = recipients[0]?.ctx;
      expect(ctx && matchVendors(ctx)[0]?.rule.id).toBe(rule);
      const label = byFile.get(file);
      expect(label, 'file has a Sisimai label').toBeDefined();
    });
  }

  const top = async (file: string) => {
    const ctx = (await corpusBounce(file)).recipients[0]?.ctx;
    return ctx ? matchVendors(ctx)[0] : undefined;
  };

  it('rhost-godaddy-03: IB607 is a rate limit despite 550 5.1.1', async () => {
    const t = await top('rhost-godaddy-03.eml');
    expect(t?.rule.contradicts?.code).toBe('X.1.1');
    expect(t?.rule.bounce).toMatchObject({ rfc: 'soft', sinch: 'soft' });
    const v = (await corpusBounce('rhost-godaddy-03.eml')).verdict.recipients[0];
    expect(v?.conflict?.code).toBe('5.1.1');
    expect(v?.bounce).toBe('soft');
  });

  it('rhost-microsoft-03: 5.1.10 means user unknown, not null MX', async () => {
    const t = await top('rhost-microsoft-03.eml');
    expect(t?.rule.contradicts?.code).toBe('X.1.10');
    expect(t?.rule.reason).toBe('userunknown');
    expect((await corpusBounce('rhost-microsoft-03.eml')).verdict.recipients[0]?.reason).toBe('userunknown');
  });

  it('rhost-cox-01: AUP#CDRBL is a block of at most 24 hours (soft under rfc)', async () => {
    const t = await top('rhost-cox-01.eml');
    expect(t?.rule.bounce?.rfc).toBe('soft');
    expect((await corpusBounce('rhost-cox-01.eml')).verdict.recipients[0]?.bounce).toBe('soft');
  });

  for (const [file, vendor] of REPORTING_ONLY) {
    it(`${file}: ${vendor} wrote the bounce but did not answer`, async () => {
      const { verdict, recipients } = await corpusBounce(file);
      expect(recipients.length, 'a failed recipient was read').toBeGreaterThan(0);
      for (const { ctx } of recipients) {
        const rec = recogniseVendors(ctx).find((r) => r.vendor.id === vendor);
        expect(rec?.side).toBe('reporting');
        expect(matchVendors(ctx).filter((m) => m.vendor.id === vendor)).toEqual([]);
      }
      expect(verdict.recipients.flatMap((v) => v.vendor.filter((f) => f.vendorId === vendor))).toEqual([]);
    });
  }
});

describe('corpus: disagreements with Sisimai are documented', () => {
  const doc = readFileSync(DOC, 'utf8');
  const section = doc.slice(doc.indexOf('## Disagreements with Sisimai'));
  const documented = new Map<string, { sisimai: string; ours: string; rule: string }>();
  for (const line of section.split('\n')) {
    const m = /^\| (eml\/[^ |]+) \| ([a-z-]+) \| ([a-z-]+) \| `([a-z0-9-]+)` \|/.exec(line);
    if (m?.[1] && m[2] && m[3] && m[4]) documented.set(m[1], { sisimai: m[2], ours: m[3], rule: m[4] });
  }

  it('every difference between our top rule and the Sisimai label is in the table, and only those', async () => {
    const byFile = new Map<string, Label[]>();
    for (const l of labels()) byFile.set(l.file, [...(byFile.get(l.file) ?? []), l]);
    const found = new Map<string, { sisimai: string; ours: string; rule: string }>();
    let fired = 0;
    for (const [file, rows] of byFile) {
      // The verdict's first failed recipient, against Sisimai's label for that same recipient.
      const v = (await corpusBounce(file.replace('eml/', ''))).verdict.recipients[0];
      const top = v?.vendor[0];
      if (!v || !top) continue;
      fired++;
      const l = rows.find((r) => r.recipient.toLowerCase() === v.recipient.toLowerCase()) ?? rows[0];
      if (l && top.reason && top.reason !== l.reason) {
        found.set(file, { sisimai: l.reason, ours: top.reason, rule: top.ruleId });
      }
    }
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(documented));
    const counts = /fires on \((\d+) files;[^)]*\)\. In (\d+) files the reasons agree/.exec(section);
    expect(counts?.[1]).toBe(String(fired));
    expect(counts?.[2]).toBe(String(fired - found.size));
  });
});
