/**
 * The one-pass prefilters of core/util/regex.ts: `anyMatch(union(list), list, s)` must answer exactly
 * `list.some(p => p.test(s))`, whether the union is exact (answered from the union alone) or only a
 * superset (confirmed by the list). Checked on hand-picked traps and on random strings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyMatch, union, unionAtStart, unionForLowerCase } from '../../core/util/regex';

/** Lists that exercise each way a pattern can mean something else inside a union. */
const LISTS: Record<string, readonly RegExp[]> = {
  'all case-insensitive': [/\buser unknown\b/i, /mailbox (?:is )?full/i, /^final-recipient:/i],
  'caseless CJK without i': [/配信できませんでした/, /\bdelivery failed\b/i],
  'cased letters without i': [/User Unknown/, /\bquota\b/i],
  'a letter by its code': [/\x41BC/, /zzz/i],
  'multi-line beside single-line anchors': [/^reporting-mta:/im, /^status:/i, /failed$/i],
  'multi-line beside unanchored': [/^action:/im, /\bbounced\b/i],
  backreference: [/(a)\1/i, /(b)x/i],
  'dot-all': [/a.b/is, /c/i],
  'dot-all beside plain dots': [/a.b/is, /x.y/i],
};

/** Lists for unionAtStart: every source starts with "^". */
const AT_START: Record<string, readonly RegExp[]> = {
  anchored: [/^-{2,} original message/i, /^this is a copy/i],
  'top-level alternation': [/^begin|returned mail/i, /^x/i],
  'multi-line': [/^original:/im, /^y/i],
  'caseless without i': [/^原文/, /^z/i],
  'dot-all': [/^a.b/is, /^z/i],
};

const ALPHABET = 'aAbBcCxyzZ ABUuserknowmailbxfqtFRIN-:\n原文配信できませんでした1\\';
const text = fc.array(fc.constantFrom(...ALPHABET.split('')), { maxLength: 40 }).map((cs) => cs.join(''));

const truth = (list: readonly RegExp[], s: string) => list.some((p) => p.test(s));

/** Strings that hit each list: random text around fragments its patterns look for. */
const FRAGMENTS = [
  'user unknown',
  'USER UNKNOWN',
  'User Unknown',
  'mailbox is full',
  'final-recipient:',
  '\nfinal-recipient:',
  '配信できませんでした',
  'Delivery Failed',
  'abc',
  'ABC',
  'x\nreporting-mta:',
  'x\nstatus:',
  'status:',
  'failed\nx',
  'x\naction:',
  'aa',
  'aA',
  'bx',
  'a\nb',
  'axb',
  'x\ny',
  'returned mail',
  'x begin',
  'begin',
  '--- original message',
  'y\noriginal:',
  '原文',
];

describe('union prefilters answer exactly what their list answers', () => {
  for (const [name, list] of Object.entries(LISTS)) {
    it(`union: ${name}`, () => {
      const u = union(list);
      for (const f of FRAGMENTS) expect(anyMatch(u, list, f), JSON.stringify(f)).toBe(truth(list, f));
      fc.assert(
        fc.property(text, fc.constantFrom(...FRAGMENTS), text, (a, f, b) => {
          const s = `${a}${f}${b}`;
          expect(anyMatch(u, list, s)).toBe(truth(list, s));
        }),
        { numRuns: 300 },
      );
    });
  }
  for (const [name, list] of Object.entries(AT_START)) {
    it(`unionAtStart: ${name}`, () => {
      const u = unionAtStart(list);
      for (const f of FRAGMENTS) expect(anyMatch(u, list, f), JSON.stringify(f)).toBe(truth(list, f));
      fc.assert(
        fc.property(fc.constantFrom(...FRAGMENTS), text, (f, b) => {
          const s = `${f}${b}`;
          expect(anyMatch(u, list, s)).toBe(truth(list, s));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('an exact union answers without running the list; a superset union still asks it', () => {
    const calls = (list: readonly RegExp[], u: RegExp | undefined, s: string) => {
      let n = 0;
      const spied = list.map((p) => {
        const q = new RegExp(p.source, p.flags);
        const test = q.test.bind(q);
        q.test = (x: string) => {
          n++;
          return test(x);
        };
        return q;
      });
      // the union must be built from the very list anyMatch is given
      const own = u === undefined ? undefined : union(spied);
      n = 0;
      const answer = anyMatch(own, spied, s);
      return { answer, n };
    };
    expect(calls(LISTS['all case-insensitive'] as RegExp[], /x/, 'mailbox full')).toEqual({
      answer: true,
      n: 0,
    });
    expect(calls(LISTS['caseless CJK without i'] as RegExp[], /x/, '配信できませんでした')).toEqual({
      answer: true,
      n: 0,
    });
    // "user unknown" passes the case-insensitive union but not /User Unknown/: the list decides
    const cased = calls(LISTS['cased letters without i'] as RegExp[], /x/, 'user unknown');
    expect(cased.answer).toBe(false);
    expect(cased.n).toBeGreaterThan(0);
    // a prefilter given with another list than the one it was built from is never trusted alone
    const list = LISTS['all case-insensitive'] as RegExp[];
    expect(anyMatch(union(list), [/nothing/], 'user unknown')).toBe(false);
  });
});

describe('unions for lower-cased text', () => {
  // Letters whose case mapping is unusual: long s, dotless i, Kelvin sign, micro sign and Greek mu,
  // sharp s and capital sharp s, Angstrom sign, titlecase dz; upper-case ones vanish in toLowerCase.
  const TRICKY = 'aAbBkKſıİµμßẞÅåǅéÉäÄîÎñÑóÓ配信-: \n';
  const lowered = fc
    .array(fc.constantFrom(...TRICKY.split('')), { maxLength: 30 })
    .map((cs) => cs.join('').toLowerCase());
  const LOWER_LISTS: Record<string, readonly (string | RegExp)[]> = {
    'ASCII words': ['user unknown', /\bno such (?:user|mailbox)\b/i, /[a-k]{2}s/i],
    'Latin-1 letters': [/(?:benutzer|empfänger) [^\n]{0,10}existiert nicht/i, /bo[iî]te/i, /buz[oó]n/, 'ßa'],
    'CJK without i': [/配信/, /ユーザー?/],
    'upper-case letters fall back': [/\bAS\(\d+\)/i, /ka/i],
    'Kelvin and long s fall back': [/\u212a/i, /ſ/i, /x/i],
    'micro sign falls back': [/µ/i],
  };
  for (const [name, list] of Object.entries(LOWER_LISTS)) {
    it(`answers as the case-insensitive union does: ${name}`, () => {
      const fast = unionForLowerCase(list) as RegExp;
      const slow = union(list) as RegExp;
      const samples = [
        'user unknown',
        'empfänger xx existiert nicht',
        'boîte',
        'buzón',
        'ßa',
        '配信',
        'kas',
        'µ',
        'μ',
        'as(42)',
      ];
      for (const s of samples) expect(fast.test(s), s).toBe(slow.test(s));
      fc.assert(
        fc.property(lowered, fc.constantFrom(...samples), lowered, (a, f, b) => {
          const s = `${a}${f}${b}`.toLowerCase();
          expect(fast.test(s)).toBe(slow.test(s));
        }),
        { numRuns: 400 },
      );
    });
  }
  it('drops the i flag only where it is safe', () => {
    expect(unionForLowerCase(LOWER_LISTS['ASCII words'] as RegExp[])?.flags).toBe('');
    expect(unionForLowerCase(LOWER_LISTS['Latin-1 letters'] as RegExp[])?.flags).toBe('');
    expect(unionForLowerCase(LOWER_LISTS['upper-case letters fall back'] as RegExp[])?.flags).toBe('i');
    expect(unionForLowerCase(LOWER_LISTS['Kelvin and long s fall back'] as RegExp[])?.flags).toBe('i');
    expect(unionForLowerCase(LOWER_LISTS['micro sign falls back'] as RegExp[])?.flags).toBe('i');
  });
});
