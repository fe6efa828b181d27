/**
 * Integrity of the vendor tables: every rule has a case in cases.ts (so a new rule without a test
 * fails), ids are unique and well-formed, conditions are not empty, regexes are linear-time
 * (recheck) and stateless, contradictions name registered IANA codes, diagnoses name known
 * blocklists, sources name their key and URL, and docs/vendor-coverage.md matches the code.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import { BLOCKLISTS, CAUSE_PATTERNS, CAUSES } from '../../../core/knowledge/causes';
import { POLICIES } from '../../../core/types';
import { defineVendor } from '../../../core/vendors/define';
import { VENDORS } from '../../../core/vendors/index';
import { SOURCES } from '../../../core/vendors/sources';
import type { VendorRule } from '../../../core/vendors/types';
import { CASES } from './cases';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '../../..');
const allRules = VENDORS.flatMap((v) => v.rules.map((r) => ({ v, r })));

function vendorRegexes(): { re: RegExp; where: string }[] {
  const out: { re: RegExp; where: string }[] = [];
  for (const v of VENDORS) {
    const r = v.recognize;
    for (const k of ['hosts', 'tokens', 'recipientDomains', 'from', 'subjects'] as const) {
      for (const re of r[k] ?? []) out.push({ re, where: `${v.id}.recognize.${k}` });
    }
    for (const h of [...(r.headers ?? []), ...(r.dsnFields ?? [])])
      if (h.value) out.push({ re: h.value, where: `${v.id}.recognize.headers` });
    for (const rule of v.rules) {
      for (const k of ['text', 'tokens', 'hosts'] as const) {
        for (const re of rule.match[k] ?? []) out.push({ re, where: `${rule.id}.match.${k}` });
      }
      for (const h of [...(rule.match.headers ?? []), ...(rule.match.dsnFields ?? [])])
        if (h.value) out.push({ re: h.value, where: `${rule.id}.headers` });
    }
  }
  for (const b of BLOCKLISTS) for (const re of b.patterns) out.push({ re, where: `blocklist ${b.id}` });
  for (const c of CAUSE_PATTERNS) for (const re of c.patterns) out.push({ re, where: `cause ${c.cause}` });
  return out;
}

describe('vendor registry integrity', () => {
  it('every rule has at least one case, and every case names a real rule', () => {
    const ruleIds = new Set(allRules.map(({ r }) => r.id));
    const caseIds = new Set(CASES.map((c) => c.rule));
    expect([...ruleIds].filter((id) => !caseIds.has(id))).toEqual([]);
    expect([...caseIds].filter((id) => !ruleIds.has(id))).toEqual([]);
  });

  it('vendor and rule ids are unique and rule ids start with their vendor id', () => {
    const vids = VENDORS.map((v) => v.id);
    expect(new Set(vids).size).toBe(vids.length);
    const rids = allRules.map(({ r }) => r.id);
    expect(new Set(rids).size).toBe(rids.length);
    for (const { v, r } of allRules) expect(r.id.startsWith(`${v.id}-`), r.id).toBe(true);
  });

  it('every vendor can be recognised and every rule has a condition; no empty condition lists', () => {
    for (const v of VENDORS) {
      const r = v.recognize;
      const n =
        (r.hosts?.length ?? 0) +
        (r.tokens?.length ?? 0) +
        (r.headers?.length ?? 0) +
        (r.dsnFields?.length ?? 0) +
        (r.recipientDomains?.length ?? 0);
      expect(n, v.id).toBeGreaterThan(0);
    }
    for (const { r } of allRules) {
      const entries = Object.entries(r.match) as [string, unknown[]][];
      expect(entries.length, r.id).toBeGreaterThan(0);
      for (const [k, list] of entries) expect(list.length, `${r.id}.${k}`).toBeGreaterThan(0);
      if (r.standalone)
        expect(
          r.match.tokens?.length ?? r.match.text?.length,
          `${r.id} standalone needs a token`,
        ).toBeTruthy();
    }
  });

  it('regexes carry no g/y flag (stateful .test) and are linear-time according to recheck', async () => {
    const seen = new Map<string, string>();
    for (const { re, where } of vendorRegexes()) {
      expect(re.flags, where).not.toMatch(/[gy]/);
      seen.set(`/${re.source}/${re.flags}`, where);
    }
    const bad: string[] = [];
    for (const [key, where] of seen) {
      const i = key.lastIndexOf('/');
      const d = await check(key.slice(1, i), key.slice(i + 1), { checker: 'automaton', timeout: 10_000 });
      if (d.status !== 'safe') bad.push(`${key} (${where}): ${d.status}`);
    }
    expect(bad).toEqual([]);
    expect(seen.size).toBeGreaterThan(500);
  }, 120_000);

  it('practice, per-policy bounce and action are consistent', () => {
    for (const { r } of allRules) {
      expect(r.bounce, r.id).toBeDefined();
      for (const p of Object.keys(r.bounce ?? {})) expect(POLICIES, r.id).toContain(p);
      expect(r.action, r.id).toBeDefined();
      if (r.practice === 'HARD') expect(r.bounce, r.id).toMatchObject({ rfc: 'hard', sinch: 'hard' });
      if (r.practice === 'SOFT') expect(r.bounce, r.id).toMatchObject({ rfc: 'soft', sinch: 'soft' });
      if (r.practice === 'HARD' || r.practice === 'HARD(inactive)') expect(r.action, r.id).toBe('suppress');
      if (r.practice === 'BLOCK') expect(r.bounce?.sinch, r.id).toBe('soft');
    }
  });

  it('a block about the message itself asks to fix the content; one about the IP, the sender', () => {
    const content = ['spamdetected', 'virusdetected', 'contenterror', 'notcompliantrfc'];
    for (const { r } of allRules) {
      if (r.practice === 'BLOCK' && r.reason && content.includes(r.reason) && r.id !== 'free-ip-spam')
        expect(r.action, r.id).toBe('fix-content');
    }
    const byId = new Map(allRules.map(({ r }) => [r.id, r]));
    expect(byId.get('free-spam')?.action).toBe('fix-content');
    expect(byId.get('free-ip-spam')?.action).toBe('fix-sender');
    // Derived, not written in the file: defineVendor fills it from practice + reason.
    const { action: _a, ...spam } = byId.get('free-spam') as VendorRule;
    const derived = (reason: VendorRule['reason']) =>
      defineVendor({ id: 'free', name: 'x', source: 'x', recognize: {}, rules: [{ ...spam, reason }] })
        .rules[0]?.action;
    expect(derived('spamdetected')).toBe('fix-content');
    expect(derived('blocked')).toBe('fix-sender');
  });

  it('contradictions name codes registered by IANA', () => {
    const iana = readFileSync(join(ROOT, '../shared/docs/iana-enhanced-status.csv'), 'utf8');
    const codes = new Set(iana.split('\n').map((l) => l.split(',')[0]));
    for (const { r } of allRules) {
      if (!r.contradicts) continue;
      expect(r.contradicts.code, r.id).toMatch(/^X\.[0-7]\.[0-9]{1,2}$/);
      expect(codes.has(r.contradicts.code), `${r.id}: ${r.contradicts.code}`).toBe(true);
      expect(r.contradicts.vendorMeaning.length).toBeGreaterThan(10);
    }
  });

  it('diagnoses are well-formed and blocklist diagnoses name a known list with its page', () => {
    const listNames = new Set(BLOCKLISTS.map((b) => b.name));
    for (const { v, r } of allRules) {
      const d = r.diagnosis;
      if (!d) continue;
      expect(Object.keys(CAUSES), r.id).toContain(d.cause);
      expect(d.checklist.length, r.id).toBeGreaterThan(1);
      expect(d.source, r.id).toMatch(/<[^>]+>/);
      if (v.postmaster) expect(d.links, r.id).toContain(v.postmaster);
      if (d.list) {
        expect(listNames.has(d.list), r.id).toBe(true);
        expect(d.links.length, r.id).toBeGreaterThan(0);
      }
    }
  });

  it('every source names a peers.md key (or EXT-/SEED- key) with its URL', () => {
    const keys = new Set(Object.keys(SOURCES));
    const check = (s: string, where: string) => {
      const parts = s.split('; ');
      for (const p of parts) {
        const m = /^([A-Z0-9-]+) <([^>]+)>$/.exec(p);
        expect(m, `${where}: ${p}`).not.toBeNull();
        expect(keys.has(m?.[1] ?? ''), `${where}: ${p}`).toBe(true);
      }
    };
    for (const v of VENDORS) check(v.source, v.id);
    for (const { r } of allRules) check(r.source, r.id);
    for (const b of BLOCKLISTS) check(b.source, b.id);
    for (const [c, info] of Object.entries(CAUSES)) check(info.source, c);
  });
});

describe('docs/vendor-coverage.md matches the code', () => {
  const doc = readFileSync(join(ROOT, 'docs/vendor-coverage.md'), 'utf8');
  const csvRows = readFileSync(join(ROOT, '../shared/docs/vendor-quirks.csv'), 'utf8');
  const rowCount = 254;

  it('lists all 254 CSV rows, each with rule ids that implement it or "omitted: why"', () => {
    const byRow = new Map<number, string>();
    for (const line of doc.split('\n')) {
      const m = /^\| ([0-9]{1,3}) \| /.exec(line);
      if (m?.[1]) byRow.set(Number(m[1]), line);
    }
    expect(byRow.size).toBe(rowCount);
    expect(csvRows.split('\n').filter((l) => l.trim()).length - 1).toBeGreaterThanOrEqual(rowCount);
    const implementing = new Map<number, Set<string>>();
    for (const { r } of allRules)
      for (const n of r.csvRows ?? []) {
        expect(n >= 1 && n <= rowCount, r.id).toBe(true);
        implementing.set(n, new Set([...(implementing.get(n) ?? []), r.id]));
      }
    for (let n = 1; n <= rowCount; n++) {
      const line = byRow.get(n) ?? '';
      const cell = line.split(/(?<!\\)\|/)[4] ?? '';
      const ids = new Set([...cell.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1] ?? ''));
      const want = implementing.get(n) ?? new Set<string>();
      if (want.size === 0) expect(line, `row ${n}`).toMatch(/omitted: [^|]{5,}/);
      else expect([...ids].sort(), `row ${n}`).toEqual([...want].sort());
    }
  });

  it('lists every rule that goes beyond the CSV', () => {
    const section = doc.slice(doc.indexOf('## Rules beyond the CSV'), doc.indexOf('## Disagreements'));
    for (const { r } of allRules) {
      if (!r.csvRows?.length) expect(section, r.id).toContain(`\`${r.id}\``);
    }
  });
});
