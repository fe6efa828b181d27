/**
 * The accuracy report as a test: the targets of the core issue on ../shared/corpus (Sisimai's
 * labels), raw and visible-text, scored by cli/eval.ts (overrides in docs/accuracy-overrides.json,
 * each with evidence; see docs/accuracy.md). A regression in extraction, detection, reasons, vendor
 * rules or policies shows up here.
 */
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, loadLabels, loadOverrides, pct } from '../../cli/corpus';
import { evaluate } from '../../cli/eval';

const overrides = loadOverrides();

describe('accuracy against Sisimai on the corpus', () => {
  it('raw: detection ≥ 99%, recipient ≥ 98%, status ≥ 97%, reason ≥ 92%, hard/soft ≥ 97%', async () => {
    const r = await evaluate(CORPUS_DIR, 'raw', overrides);
    expect(r.files).toBeGreaterThan(400);
    const got = {
      detection: pct(r.detection),
      recipient: pct(r.recipient),
      status: pct(r.status),
      reason: pct(r.reason),
      hardsoft: pct(r.hardsoft),
    };
    const msg = `${JSON.stringify(got)}\n${r.disagreements.join('\n')}`;
    expect(got.detection, msg).toBeGreaterThanOrEqual(99);
    expect(got.recipient, msg).toBeGreaterThanOrEqual(98);
    expect(got.status, msg).toBeGreaterThanOrEqual(97);
    expect(got.reason, msg).toBeGreaterThanOrEqual(92);
    expect(got.hardsoft, msg).toBeGreaterThanOrEqual(97);
  }, 120_000);

  it('visible text: reason ≥ 85%', async () => {
    const r = await evaluate(CORPUS_DIR, 'visible', overrides);
    const reason = pct(r.reason);
    expect(reason, r.disagreements.filter((d) => d.startsWith('reason')).join('\n')).toBeGreaterThanOrEqual(
      85,
    );
  }, 120_000);

  it('every override names a real row and quotes its evidence', () => {
    const labels = loadLabels(CORPUS_DIR);
    for (const o of overrides) {
      expect(
        labels.some((l) => l.file === o.file && l.recipient.toLowerCase() === o.recipient.toLowerCase()),
        o.file,
      ).toBe(true);
      expect(o.evidence.length, o.file).toBeGreaterThan(40);
    }
  });
});
