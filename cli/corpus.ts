/**
 * The labelled corpus (../shared/corpus, Sisimai's set-of-emails, BSD-2-Clause): where it is, its
 * labels (labels.jsonl, one row per recipient Sisimai reports) and the corrections to them
 * (docs/accuracy-overrides.json). Shared by cli/eval.ts and the tests that read the labels.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from this file's location (not the working directory). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The default corpus: ../shared/corpus beside the repository. */
export const CORPUS_DIR = resolve(ROOT, '..', 'shared', 'corpus');

/** One row of labels.jsonl: what Sisimai 5.1.0p3 reports for one recipient of one message. */
export interface Label {
  file: string;
  message: number;
  index: number;
  recipient: string;
  deliverystatus: string;
  replycode: string | number;
  reason: string;
  hardbounce: number;
  diagnosticcode: string;
  diagnostictype: string;
  action: string;
  rhost: string;
  lhost: string;
  smtpagent: string;
  subject: string;
}

/** A label Sisimai gets wrong, the corrected value and the evidence for it. */
export interface Override {
  file: string;
  recipient: string;
  field: 'recipient' | 'status' | 'reason' | 'hardbounce';
  sisimai: string;
  correct: string;
  evidence: string;
}

/** The rows of `dir`/labels.jsonl, in file order. */
export function loadLabels(dir: string = CORPUS_DIR): Label[] {
  return readFileSync(join(dir, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Label);
}

/** `root`/docs/accuracy-overrides.json; [] when the file does not exist, an error when it is not JSON. */
export function loadOverrides(root: string = ROOT): Override[] {
  let text: string;
  try {
    text = readFileSync(join(root, 'docs', 'accuracy-overrides.json'), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return JSON.parse(text) as Override[];
}

/** Percentage of `ok` in `total` (100 when there is nothing to score). */
export const pct = (x: { ok: number; total: number }): number => (x.total ? (100 * x.ok) / x.total : 100);
