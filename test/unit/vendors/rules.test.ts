import { describe, expect, it } from 'vitest';
import { matchVendors, toFinding } from '../../../core/diagnose/vendors';
import { CASES } from './cases';
import { ctxFrom, expectedBounce } from './helpers';

describe('each vendor rule fires on its documented reply', () => {
  for (const c of CASES) {
    it(`${c.rule}: ${c.d.slice(0, 70)}`, () => {
      const matches = matchVendors(ctxFrom(c.host, c.d, c.o));
      const top = matches[0];
      expect(top?.rule.id, matches.map((m) => `${m.rule.id}:${m.score}`).join(', ')).toBe(c.rule);
      if (!top) return;
      expect(top.rule.reason).toBe(c.reason);
      expect(top.rule.bounce).toEqual(expectedBounce(c.bounce));
      expect(top.rule.meaning.length).toBeGreaterThan(10);
      const f = toFinding(top);
      expect(f.ruleId).toBe(c.rule);
      expect(f.matchedBy).not.toBe('');
      expect(f.source).toMatch(/^[A-Z0-9-]+ <[^>]+>(?:; [A-Z0-9-]+ <[^>]+>)*$/);
    });
  }
});
