/**
 * Real bounces from ../shared/corpus (Sisimai's set-of-emails, BSD-2-Clause): for every file whose
 * answering host (rhost-*) or reporting system (lhost-*) is a vendor we know, the expected vendor
 * rule, and a check against Sisimai's label. Differences with Sisimai must be listed, with the
 * evidence, in docs/vendor-coverage.md ("Disagreements with Sisimai"); this test recomputes them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { matchVendors, recogniseVendors } from '../../../core/diagnose/vendors';
import { ctxFromEml, labels } from './helpers';

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
  'lhost-office365-01.eml': 'microsoft365-recipient-not-found',
  'lhost-office365-08.eml': 'microsoft365-expired',
  'lhost-office365-13.eml': 'microsoft365-recipient-not-found-5110',
  'lhost-outlook-08.eml': 'outlook-mailbox-unavailable',
};

/** Vendors that only WROTE these bounces: recognised on the reporting side, none of their rules fire. */
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
    it(`${file} → ${rule ?? 'no vendor rule'}`, () => {
      const ms = matchVendors(ctxFromEml(file));
      if (rule === null) {
        expect(ms.map((m) => m.rule.id)).toEqual([]);
        return;
      }
      expect(ms[0]?.rule.id, ms.map((m) => m.rule.id).join(', ')).toBe(rule);
      const label = byFile.get(file);
      expect(label, 'file has a Sisimai label').toBeDefined();
    });
  }

  it('rhost-godaddy-03: IB607 is a rate limit despite 550 5.1.1', () => {
    const top = matchVendors(ctxFromEml('rhost-godaddy-03.eml'))[0];
    expect(top?.rule.contradicts?.code).toBe('X.1.1');
    expect(top?.rule.bounce).toMatchObject({ rfc: 'soft', sinch: 'soft' });
  });

  it('rhost-microsoft-03: 5.1.10 means user unknown, not null MX', () => {
    const top = matchVendors(ctxFromEml('rhost-microsoft-03.eml'))[0];
    expect(top?.rule.contradicts?.code).toBe('X.1.10');
    expect(top?.rule.reason).toBe('userunknown');
  });

  it('rhost-cox-01: AUP#CDRBL is a block of at most 24 hours (soft under rfc)', () => {
    const top = matchVendors(ctxFromEml('rhost-cox-01.eml'))[0];
    expect(top?.rule.bounce?.rfc).toBe('soft');
  });

  for (const [file, vendor] of REPORTING_ONLY) {
    it(`${file}: ${vendor} wrote the bounce but did not answer`, () => {
      const ctx = ctxFromEml(file);
      const rec = recogniseVendors(ctx).find((r) => r.vendor.id === vendor);
      expect(rec?.side).toBe('reporting');
      expect(matchVendors(ctx).filter((m) => m.vendor.id === vendor)).toEqual([]);
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

  it('every difference between our top rule and the Sisimai label is in the table, and only those', () => {
    const seen = new Set<string>();
    const found = new Map<string, { sisimai: string; ours: string; rule: string }>();
    let fired = 0;
    for (const l of labels()) {
      if (seen.has(l.file)) continue;
      seen.add(l.file);
      const top = matchVendors(ctxFromEml(l.file.replace('eml/', '')))[0];
      if (!top) continue;
      fired++;
      if (top.rule.reason && top.rule.reason !== l.reason) {
        found.set(l.file, { sisimai: l.reason, ours: top.rule.reason, rule: top.rule.id });
      }
    }
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(documented));
    const counts = /fires on \((\d+) files;[^)]*\)\. In (\d+) files the reasons agree/.exec(section);
    expect(counts?.[1]).toBe(String(fired));
    expect(counts?.[2]).toBe(String(fired - found.size));
  });
});
