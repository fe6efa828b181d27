/** A string as a regex source that matches it literally. */
export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One pass instead of many: a case-insensitive alternation of a list of patterns (multi-line when
 * one of them is, or when asked), used as a prefilter. A string stands for itself (escaped). It
 * matches whenever any of the patterns would (a superset: the `i` flag only widens a pattern, and
 * the sources contain no backreferences), so when it fails none of the patterns needs to run; when
 * it matches, the original patterns still decide. `multiline` is for a prefilter run over a whole
 * text whose patterns are applied line by line (their "^" means a line start).
 */
export function union(
  patterns: readonly (string | RegExp)[],
  opts: { multiline?: boolean } = {},
): RegExp | undefined {
  if (patterns.length === 0) return undefined;
  const multiline =
    opts.multiline === true || patterns.some((p) => typeof p !== 'string' && p.flags.includes('m'));
  const alts = patterns.map((p) => `(?:${typeof p === 'string' ? escapeRe(p) : p.source})`);
  return new RegExp(alts.join('|'), multiline ? 'im' : 'i');
}

/** `patterns.some(p => p.test(s))`, skipping the list when the prefilter says none can match. */
export function anyMatch(prefilter: RegExp | undefined, patterns: readonly RegExp[], s: string): boolean {
  if (!prefilter?.test(s)) return false;
  for (const p of patterns) if (p.test(s)) return true;
  return false;
}

/**
 * The same for patterns that all match at the start only (each source begins with "^"): one
 * anchored alternation, which the engine tries at position 0 alone.
 */
export function unionAtStart(patterns: readonly RegExp[]): RegExp | undefined {
  if (patterns.length === 0 || !patterns.every((p) => p.source.startsWith('^'))) return union(patterns);
  return new RegExp(`^(?:${patterns.map((p) => `(?:${p.source.slice(1)})`).join('|')})`, 'i');
}
