/**
 * How many passes the classifier benchmark (bench/core.ts) makes; bench/run.ts prints them. Kept
 * apart from bench/core.ts so that run.ts can name them without loading the classifier.
 */

/**
 * Warm-up passes before timing. V8 needs about ten passes over this corpus before the classifier's
 * functions and regexes settle (measured here: 450, 180, 260, 230, 175, 135, 155, 120, 110, 110 ms,
 * then ~100 ms per pass); the first, cold pass is reported on its own.
 */
export const WARMUP_PASSES = 20;

/** Timed passes over the directory; the reported figures are their medians (odd: a true middle). */
export const TIMED_PASSES = 15;

/** Runs per hostile input; the median is reported. */
export const HOSTILE_RUNS = 3;
