/** A string as a regex source that matches it literally. */
export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One pass instead of many: a case-insensitive alternation of a list of patterns (multi-line when
 * one of them is, or when asked; dot-all when one of them is), used as a prefilter. A string stands
 * for itself (escaped). It matches whenever any of the patterns would (a superset: the flags only
 * widen a pattern, and the sources contain no backreferences), so when it fails none of the
 * patterns needs to run; when it matches, the original patterns still decide, unless the union is
 * exact (see EXACT). `multiline` is for a prefilter run over a whole text whose patterns are
 * applied line by line (their "^" means a line start).
 */
export function union(
  patterns: readonly (string | RegExp)[],
  opts: { multiline?: boolean } = {},
): RegExp | undefined {
  if (patterns.length === 0) return undefined;
  const has = (flag: string) => patterns.some((p) => typeof p !== 'string' && p.flags.includes(flag));
  const flags = `i${opts.multiline === true || has('m') ? 'm' : ''}${has('s') ? 's' : ''}`;
  const re = new RegExp(alternation(patterns), flags);
  if (patterns.every((p) => typeof p === 'string' || sameMeaningIn(p, flags))) EXACT.set(re, patterns);
  return re;
}

/** The patterns as one alternation source, each in its own group; a string stands for itself. */
function alternation(patterns: readonly (string | RegExp)[]): string {
  return patterns.map((p) => `(?:${typeof p === 'string' ? escapeRe(p) : p.source})`).join('|');
}

/**
 * What a pattern's source holds: anchors and top-level "|" outside escapes and character classes,
 * backreferences, and letters whose case can change (anywhere, conservatively).
 */
function shape(source: string): {
  anchors: boolean;
  dot: boolean;
  topLevelOr: boolean;
  backreference: boolean;
  cased: boolean;
  /**
   * Every letter whose case can change is a lower-case one of ASCII or Latin-1 ("a"-"z", "ß"-"ÿ"),
   * none given by its code: under `i` each matches only itself and its upper-case form.
   */
  lowerLatin: boolean;
} {
  let lowerLatin = true;
  let anchors = false;
  let dot = false;
  let topLevelOr = false;
  let backreference = false;
  let cased = false;
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<')) backreference = true;
      // a character given by its code ("\x41", "\u00e9", "\cA") may be a letter
      if (next === 'x' || next === 'u' || next === 'c') {
        cased = true;
        lowerLatin = false;
      }
      i++;
      continue;
    }
    if (c.toLowerCase() !== c.toUpperCase()) {
      cased = true;
      if (!((c >= 'a' && c <= 'z') || (c >= '\u00df' && c <= '\u00ff' && c === c.toLowerCase())))
        lowerLatin = false;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) topLevelOr = true;
    else if (c === '^' || c === '$') anchors = true;
    else if (c === '.') dot = true;
  }
  return { anchors, dot, topLevelOr, backreference, cased, lowerLatin };
}

/**
 * Does `p` mean the same as an alternative of a union with these flags? No backreference (it would
 * point at another pattern's group); `i` may be added when no letter's case can change
 * ("配信できませんでした"), `m` when there is no "^" or "$" whose meaning it would change, `s` when
 * there is no "." outside a character class.
 */
function sameMeaningIn(p: RegExp, flags: string): boolean {
  const s = shape(p.source);
  if (s.backreference || /[gyuv]/.test(p.flags)) return false;
  if (flags.includes('i') !== p.flags.includes('i') && (!flags.includes('i') || s.cased)) return false;
  if (flags.includes('m') !== p.flags.includes('m') && s.anchors) return false;
  if (flags.includes('s') !== p.flags.includes('s') && s.dot) return false;
  return true;
}

/**
 * Unions that are exactly the disjunction of their patterns (each pattern means the same inside the
 * union, see sameMeaningIn): "some alternative matches somewhere" is then "some pattern matches
 * somewhere", so the union's answer needs no confirmation. Keyed by the union, valued by the list
 * it was built from (anyMatch only trusts it for that same list).
 */
const EXACT = new WeakMap<RegExp, readonly (string | RegExp)[]>();

/**
 * `patterns.some(p => p.test(s))`, skipping the list when the prefilter says none can match, and
 * answering from the prefilter alone when it is the exact union of `patterns`.
 */
export function anyMatch(prefilter: RegExp | undefined, patterns: readonly RegExp[], s: string): boolean {
  if (!prefilter?.test(s)) return false;
  if (EXACT.get(prefilter) === patterns) return true;
  for (const p of patterns) if (p.test(s)) return true;
  return false;
}

/**
 * A prefilter for text that is already lower-cased: the union of `patterns` without the `i` flag
 * (about 20 % faster to scan) when that changes nothing on such text, i.e. every pattern is a
 * lower-case string or has no letter but lower-case ASCII / Latin-1 ones (under `i`, without the
 * `u` flag, such a letter matches only itself and its upper-case form, and lower-cased text has no
 * upper-case letters); otherwise the ordinary union.
 */
export function unionForLowerCase(patterns: readonly (string | RegExp)[]): RegExp | undefined {
  if (patterns.length === 0) return undefined;
  const folded = (p: string | RegExp) => {
    if (typeof p === 'string') return p === p.toLowerCase();
    const s = shape(p.source);
    return !/[gmsuyv]/.test(p.flags) && !s.backreference && s.lowerLatin;
  };
  if (!patterns.every(folded)) return union(patterns);
  return new RegExp(alternation(patterns));
}

/**
 * The same for patterns that all match at the start only (each source begins with "^"): one
 * anchored alternation, which the engine tries at position 0 alone.
 */
export function unionAtStart(patterns: readonly RegExp[]): RegExp | undefined {
  // Only when moving each "^" out changes nothing: not for "^a|b" (it is not "^(?:a|b)"), nor for a
  // multi-line pattern (its "^" is any line start) or a dot-all one (the shared union is not).
  const anchoredOnly = (p: RegExp) =>
    p.source.startsWith('^') && !/[ms]/.test(p.flags) && !shape(p.source).topLevelOr;
  if (patterns.length === 0 || !patterns.every(anchoredOnly)) return union(patterns);
  const re = new RegExp(`^(?:${patterns.map((p) => `(?:${p.source.slice(1)})`).join('|')})`, 'i');
  if (patterns.every((p) => sameMeaningIn(p, 'i'))) EXACT.set(re, patterns);
  return re;
}
