/**
 * Acceptance test of the visible-text path for Outlook on the web: every fixture page is read by the
 * Outlook adapter exactly as the content script reads it, then classified by the core
 * (classifyVisible) and compared with what the mail says (manifest.json):
 *   - "codes": bounce or not, kind, failed recipient, enhanced status code, reply code (rfc policy);
 *   - "reason": Sisimai's reason (the corpus label) and hard/soft under the `recipient` policy.
 *
 * What the classifier does not get right yet is listed in KNOWN_GAPS with what goes wrong; those run
 * as `it.fails`, so they are reported, keep CI green, and flag themselves once fixed (then remove the
 * entry).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { classifyVisible, quickCheck } from '../../../core/index';
import type { Policy, VisibleMessage } from '../../../core/types';
import { outlookAdapter } from '../../../webmail/outlook';
import {
  closeWindows,
  type ExpectedMessage,
  FIXTURES,
  loadFixture,
  type OutlookFixture,
} from './outlook-fixtures';

afterAll(closeWindows);

/** `<file>#<open message index> <aspect>` -> what the classifier gets wrong today. */
const KNOWN_GAPS: Record<string, string> = {};

interface Case {
  name: string;
  fixture: OutlookFixture;
  index: number;
  want: ExpectedMessage;
}

const CASES: Case[] = FIXTURES.flatMap((fixture) =>
  fixture.open.map((want, index) => ({ name: `${fixture.file}#${index}`, fixture, index, want })),
);

const visibleCache = new Map<string, VisibleMessage>();

/** What the content script would hand to the classifier for this message. */
function visible(c: Case): VisibleMessage {
  const hit = visibleCache.get(c.name);
  if (hit) return hit;
  const msg = outlookAdapter.findOpenMessages(loadFixture(c.fixture))[c.index];
  if (!msg) throw new Error(`${c.name}: message not found`);
  const v = outlookAdapter.readVisible(msg);
  visibleCache.set(c.name, v);
  return v;
}

const classify = (c: Case, policy: Policy) => classifyVisible(visible(c), { policy });

function checkCodes(c: Case): void {
  const want = c.want.classify;
  const verdict = classify(c, 'rfc');
  expect(verdict.source).toBe('visible-text');
  // The content script only classifies what the pre-filter lets through.
  if (want.isBounce) expect(quickCheck(visible(c)).likely, 'quickCheck lets it through').toBe(true);
  expect(verdict.isBounce, `isBounce (${verdict.kind}: ${verdict.kindWhy})`).toBe(want.isBounce);
  if (want.kind) expect(verdict.kind).toBe(want.kind);
  if (!want.recipient) return;
  const r = verdict.recipients[0];
  expect(r, 'a recipient').toBeDefined();
  if (!r) return;
  expect(r.recipient.toLowerCase(), 'first failed recipient').toBe(want.recipient.toLowerCase());
  expect(verdict.recipients.length, 'one failed recipient').toBe(1);
  if (typeof want.status === 'string') expect(r.status, 'enhanced status code').toBe(want.status);
  if (typeof want.replyCode === 'string') expect(r.replyCode, 'reply code').toBe(want.replyCode);
  if (want.replyCode === null) expect(r.replyCode, 'no reply code in the text').toBeUndefined();
}

function checkReason(c: Case): void {
  const want = c.want.classify;
  const r = classify(c, 'recipient').recipients[0];
  expect(r, 'a recipient').toBeDefined();
  if (!r) return;
  if (want.reason) expect(r.reason, `reason (${r.reasonWhy})`).toBe(want.reason);
  if (want.bounce)
    expect(r.bounce, `hard/soft under the recipient policy (${r.decision.why})`).toBe(want.bounce);
}

describe('Outlook visible text -> classifyVisible', () => {
  it('covers bounces, localised bounces and non-bounces', () => {
    expect(CASES.filter((c) => c.want.classify.isBounce).length).toBeGreaterThanOrEqual(20);
    expect(CASES.filter((c) => !c.want.classify.isBounce).length).toBeGreaterThanOrEqual(5);
    const names = CASES.flatMap((c) => [`${c.name} codes`, `${c.name} reason`]);
    for (const gap of Object.keys(KNOWN_GAPS)) expect(names, gap).toContain(gap);
  });

  for (const c of CASES) {
    const w = c.want.classify;
    const what = w.isBounce
      ? `${w.kind ?? 'bounce'} ${w.recipient} ${w.status ?? ''} ${w.replyCode ?? ''}`.trim()
      : `not a bounce (${w.kind ?? 'any kind'})`;
    const cases: [string, () => void, boolean][] = [
      ['codes', () => checkCodes(c), true],
      ['reason', () => checkReason(c), !!(w.reason || w.bounce)],
    ];
    for (const [aspect, fn, applies] of cases) {
      if (!applies) continue;
      const id = `${c.name} ${aspect}`;
      const label =
        aspect === 'codes' ? `${id}: ${what}` : `${id}: ${w.reason ?? ''} ${w.bounce ?? ''}`.trim();
      const gap = KNOWN_GAPS[id];
      if (gap) it.fails(`${label} [known gap: ${gap}]`, fn);
      else it(label, fn);
    }
  }
});
