/**
 * Accuracy report: classify every file of ../shared/corpus and compare with Sisimai's labels
 * (labels.jsonl): bounce detection, recipient, status, reason and hard/soft under the `recipient`
 * policy (Sisimai's rule), in raw and visible-text modes; list every disagreement.
 *
 *   npm run eval [-- --corpus DIR] [--json] [--mode raw|visible]
 *
 * Scoring rules (see docs/accuracy.md):
 * - detection is per file: a file is a bounce unless all its labels are feedback, vacation,
 *   delivered or (not-a-bounce); (unlabeled) files are bounces.
 * - recipient, status, reason and hard/soft are per label row (feedback/vacation/delivered/
 *   unlabeled rows excluded); a row whose recipient we do not report counts as a miss for every
 *   field.
 * - status: Sisimai's pseudo-codes 5.0.9xx/4.0.9xx (and an empty label) mean "the mail carries no
 *   specific code"; they agree with no code or a generic X.0.0 code on our side.
 * - rows listed in docs/accuracy-overrides.json (cases where Sisimai is wrong, with evidence) are
 *   scored against the corrected label and reported separately.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SISIMAI_PSEUDO_STATUS_PATTERN } from '../core/knowledge/reasons';
import type { RecipientVerdict, Verdict } from '../core/types';
import { classifyInput } from './classify';
import { CORPUS_DIR, type Label, loadLabels, loadOverrides, type Override, pct } from './corpus';

const NOT_BOUNCE = new Set(['feedback', 'vacation', 'delivered', '(not-a-bounce)']);

export interface ModeReport {
  mode: 'raw' | 'visible';
  files: number;
  detection: { ok: number; total: number };
  recipient: { ok: number; total: number };
  status: { ok: number; total: number };
  reason: { ok: number; total: number };
  hardsoft: { ok: number; total: number };
  disagreements: string[];
  overridden: string[];
}

export async function evaluate(
  corpus: string,
  mode: 'raw' | 'visible',
  overrides: Override[],
): Promise<ModeReport> {
  const labels = loadLabels(corpus);
  const byFile = new Map<string, Label[]>();
  for (const l of labels) byFile.set(l.file, [...(byFile.get(l.file) ?? []), l]);
  const files = readdirSync(join(corpus, 'eml'))
    .filter((f) => f.endsWith('.eml'))
    .sort();
  const rep: ModeReport = {
    mode,
    files: files.length,
    detection: { ok: 0, total: 0 },
    recipient: { ok: 0, total: 0 },
    status: { ok: 0, total: 0 },
    reason: { ok: 0, total: 0 },
    hardsoft: { ok: 0, total: 0 },
    disagreements: [],
    overridden: [],
  };
  const override = (file: string, recipient: string, field: Override['field']) =>
    overrides.find(
      (o) => o.file === file && o.recipient.toLowerCase() === recipient.toLowerCase() && o.field === field,
    );

  for (const f of files) {
    const file = `eml/${f}`;
    const rows = byFile.get(file) ?? [];
    const verdicts: Verdict[] = await classifyInput(readFileSync(join(corpus, file)), {
      policy: 'recipient',
      visible: mode === 'visible',
    });
    const isBounce = verdicts.some((v) => v.isBounce);
    const expectBounce = rows.length === 0 ? true : rows.some((r) => !NOT_BOUNCE.has(r.reason));
    rep.detection.total++;
    if (isBounce === expectBounce) rep.detection.ok++;
    else
      rep.disagreements.push(
        `detect  ${f}: expected ${expectBounce ? 'bounce' : 'not a bounce'}, got ${verdicts[0]?.kind} (${verdicts[0]?.kindWhy})`,
      );

    const ours: RecipientVerdict[] = verdicts.flatMap((v) => v.recipients);
    for (const r of rows) {
      if (NOT_BOUNCE.has(r.reason) || r.reason === '(unlabeled)') continue;
      const want = override(file, r.recipient, 'recipient')?.correct ?? r.recipient;
      const got = ours.find((o) => o.recipient.toLowerCase() === want.toLowerCase());
      rep.recipient.total++;
      rep.status.total++;
      rep.reason.total++;
      rep.hardsoft.total++;
      if (!got) {
        rep.disagreements.push(
          `rcpt    ${f}: expected ${want}, got ${ours.map((o) => o.recipient).join(', ') || 'none'}`,
        );
        continue;
      }
      rep.recipient.ok++;
      if (want !== r.recipient) rep.overridden.push(`rcpt    ${f}: Sisimai ${r.recipient}, scored ${want}`);

      const so = override(file, r.recipient, 'status');
      const wantStatus = so?.correct ?? r.deliverystatus;
      const pseudo = wantStatus === '' || SISIMAI_PSEUDO_STATUS_PATTERN.test(wantStatus);
      const gotStatus = got.status ?? '';
      const statusOk = pseudo
        ? gotStatus === '' || /^[245]\.0\.0$/.test(gotStatus)
        : gotStatus === wantStatus;
      if (statusOk) rep.status.ok++;
      else
        rep.disagreements.push(
          `status  ${f}: expected ${wantStatus || '(none)'}, got ${gotStatus || '(none)'} | ${clip(got.diagnostic)}`,
        );
      if (so)
        rep.overridden.push(
          `status  ${f}: Sisimai ${r.deliverystatus}, scored ${so.correct}: ${so.evidence}`,
        );

      const ro = override(file, r.recipient, 'reason');
      const wantReason = ro?.correct ?? r.reason;
      if (got.reason === wantReason) rep.reason.ok++;
      else
        rep.disagreements.push(
          `reason  ${f}: expected ${wantReason}, got ${got.reason}${got.vendor[0] ? ` [vendor ${got.vendor[0].ruleId}]` : ''} (${got.reasonWhy}) | ${clip(got.diagnostic)}`,
        );
      if (ro) rep.overridden.push(`reason  ${f}: Sisimai ${r.reason}, scored ${ro.correct}: ${ro.evidence}`);

      const ho = override(file, r.recipient, 'hardbounce');
      const wantHard = ho ? ho.correct === '1' : r.hardbounce === 1;
      if ((got.bounce === 'hard') === wantHard) rep.hardsoft.ok++;
      else
        rep.disagreements.push(
          `hard    ${f}: expected ${wantHard ? 'hard' : 'soft'}, got ${got.bounce} (${got.decision.rule}; reason ${got.reason})`,
        );
      if (ho)
        rep.overridden.push(`hard    ${f}: Sisimai ${r.hardbounce}, scored ${ho.correct}: ${ho.evidence}`);
    }
  }
  return rep;
}

function clip(s: string | undefined): string {
  const t = (s ?? '').replace(/\s+/g, ' ');
  return t.length > 110 ? `${t.slice(0, 109)}…` : t;
}

export function formatReport(r: ModeReport): string {
  const line = (name: string, x: { ok: number; total: number }) =>
    `  ${name.padEnd(11)} ${pct(x).toFixed(1).padStart(5)}%  (${x.ok}/${x.total})`;
  return [
    `== ${r.mode} (${r.files} files)`,
    line('detection', r.detection),
    line('recipient', r.recipient),
    line('status', r.status),
    line('reason', r.reason),
    line('hard/soft', r.hardsoft),
    '',
    `-- ${r.disagreements.length} disagreements`,
    ...r.disagreements.map((d) => `  ${d}`),
    ...(r.overridden.length
      ? ['', `-- ${r.overridden.length} rows scored against a corrected label (docs/accuracy-overrides.json)`]
      : []),
    ...r.overridden.map((d) => `  ${d}`),
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const ci = argv.indexOf('--corpus');
  const corpus = ci >= 0 ? resolve(argv[ci + 1] ?? '') : CORPUS_DIR;
  const mi = argv.indexOf('--mode');
  const modes: ('raw' | 'visible')[] =
    mi >= 0 ? [argv[mi + 1] === 'visible' ? 'visible' : 'raw'] : ['raw', 'visible'];
  const overrides = loadOverrides();
  const reports: ModeReport[] = [];
  for (const m of modes) reports.push(await evaluate(corpus, m, overrides));
  if (argv.includes('--json')) {
    process.stdout.write(
      `${JSON.stringify(
        reports.map((r) => ({
          mode: r.mode,
          files: r.files,
          detection: pct(r.detection),
          recipient: pct(r.recipient),
          status: pct(r.status),
          reason: pct(r.reason),
          hardsoft: pct(r.hardsoft),
          disagreements: r.disagreements.length,
        })),
      )}\n`,
    );
  } else process.stdout.write(`${reports.map(formatReport).join('\n\n')}\n`);
  return 0;
}

if (process.argv[1] && /eval\.[tj]s$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then((c) => {
    process.exitCode = c;
  });
}
