/**
 * Cheap pre-filter for the webmail content scripts: does an open message look like a bounce at all?
 * It only decides whether to run the full classifier (which makes the final call and rejects
 * auto-replies, feedback reports and ordinary mail that merely quotes an SMTP code). Small on
 * purpose: it is bundled into every webmail page.
 */

import {
  ANY_BOUNCE_BODY,
  AUTOREPLY_SUBJECTS,
  BOUNCE_BODY,
  BOUNCE_SENDERS,
  BOUNCE_SUBJECTS,
  FEEDBACK_SUBJECTS,
} from '../knowledge/ndr-signals';
import { anyMatch } from '../util/regex';

export interface QuickHints {
  from?: string;
  fromName?: string;
  subject?: string;
  /** Body text; only the first BODY_SCAN_LIMIT characters are looked at. */
  text?: string;
}

export interface QuickResult {
  likely: boolean;
  /** Which signals fired: "sender", "subject", "body". */
  signals: string[];
  /** An auto-reply or feedback report by its subject (never badged). */
  excluded?: 'autoreply' | 'feedback';
}

const BODY_SCAN_LIMIT = 20_000;

const any = (patterns: readonly RegExp[], s: string | undefined): boolean =>
  !!s && patterns.some((p) => p.test(s));

export function quickCheck(h: QuickHints): QuickResult {
  const signals: string[] = [];
  const subject = h.subject ?? '';
  if (any(AUTOREPLY_SUBJECTS, subject)) return { likely: false, signals, excluded: 'autoreply' };
  if (any(FEEDBACK_SUBJECTS, subject)) return { likely: false, signals, excluded: 'feedback' };
  if (any(BOUNCE_SENDERS, h.from) || any(BOUNCE_SENDERS, h.fromName)) signals.push('sender');
  if (any(BOUNCE_SUBJECTS, subject)) signals.push('subject');
  const body = h.text ? h.text.slice(0, BODY_SCAN_LIMIT) : '';
  if (anyMatch(ANY_BOUNCE_BODY, BOUNCE_BODY, body)) signals.push('body');
  // A body phrase alone is enough to run the classifier; it decides with the full text.
  return { likely: signals.length > 0, signals };
}
