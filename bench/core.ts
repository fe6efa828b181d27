/**
 * Classifier speed over a directory of messages, in one process (warm), plus hostile inputs.
 *   npx tsx bench/core.ts [--hostile] [DIR]   (default DIR: ../shared/corpus/eml)
 * Prints one JSON object (see main below). Reports medians of several rounds. Never used as a test
 * assertion.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CORPUS_DIR } from '../cli/corpus';
import { classifyRaw, classifyVisible } from '../core/index';
import { HOSTILE_RUNS, TIMED_PASSES, WARMUP_PASSES } from './params';
import { median, quantile } from './stats';

export interface CoreBench {
  files: number;
  bytes: number;
  seconds: number;
  mbPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export function loadDir(dir: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isFile()) out.push(new Uint8Array(readFileSync(p)));
  }
  return out;
}

/** Warm-up passes (WARMUP_PASSES, the first one timed as the cold pass), then `rounds` timed ones. */
export async function benchDir(
  dir: string,
  rounds = TIMED_PASSES,
): Promise<CoreBench & { coldSeconds: number }> {
  const files = loadDir(dir);
  const bytes = files.reduce((a, b) => a + b.length, 0);
  const c0 = performance.now();
  for (const f of files) await classifyRaw(f);
  const coldSeconds = (performance.now() - c0) / 1000;
  for (let r = 1; r < WARMUP_PASSES; r++) for (const f of files) await classifyRaw(f);
  const totals: number[] = [];
  const per: number[][] = files.map(() => []);
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < files.length; i++) {
      const t = performance.now();
      await classifyRaw(files[i] as Uint8Array);
      per[i]?.push(performance.now() - t);
    }
    totals.push(performance.now() - t0);
  }
  const seconds = median(totals) / 1000;
  const perMsg = per.map(median);
  return {
    files: files.length,
    bytes,
    seconds: Number(seconds.toFixed(4)),
    mbPerSecond: Number((bytes / 1e6 / seconds).toFixed(1)),
    // An empty directory reports 0 ms, not NaN.
    p50Ms: Number((quantile(perMsg, 0.5) || 0).toFixed(3)),
    p99Ms: Number((quantile(perMsg, 0.99) || 0).toFixed(3)),
    coldSeconds: Number(coldSeconds.toFixed(4)),
  };
}

/** Hostile inputs: sizes and shapes that break naive parsers and backtracking regexes. */
export function hostileInputs(): { name: string; input: string }[] {
  const mb = 1024 * 1024;
  const rep = (s: string, n: number) => s.repeat(Math.ceil(n / s.length)).slice(0, n);
  const bounceHead =
    'From: Mail Delivery System <MAILER-DAEMON@example.org>\nSubject: Undelivered Mail Returned to Sender\nContent-Type: text/plain\n\n';
  return [
    { name: '5 MB of one line of "a"', input: bounceHead + rep('a', 5 * mb) },
    { name: '5 MB of "@" runs', input: bounceHead + rep('a@', 5 * mb) },
    { name: '5 MB of address-like tokens', input: bounceHead + rep('x.y-z@a.b.c ', 5 * mb) },
    { name: '5 MB of "550-5.1.1 " continuations', input: bounceHead + rep('550-5.1.1 ', 5 * mb) },
    {
      name: '5 MB of recipient lines',
      input: bounceHead + rep('<user@example.com>: host mx said: 550 5.1.1 unknown\n', 5 * mb),
    },
    { name: '5 MB of header folding', input: `Subject: x\n${rep(' folded\n', 5 * mb)}\n\nbody` },
    {
      name: '5 MB of nested multipart openers',
      input: `Content-Type: multipart/mixed; boundary=b\n\n${rep('--b\nContent-Type: multipart/mixed; boundary=b\n\n', 5 * mb)}`,
    },
    { name: '5 MB of "<" and ">"', input: `Content-Type: text/html\n\n${rep('<<>>< a', 5 * mb)}` },
    { name: '5 MB of spaces and tabs', input: bounceHead + rep(' \t', 5 * mb) },
    {
      name: '5 MB of DSN-like fields',
      input: `Content-Type: message/delivery-status\n\n${rep('Final-Recipient: rfc822; a@b.c\n', 5 * mb)}`,
    },
  ];
}

export async function benchHostile(): Promise<{ name: string; rawMs: number; visibleMs: number }[]> {
  const out: { name: string; rawMs: number; visibleMs: number }[] = [];
  for (const h of hostileInputs()) {
    const rawTimes: number[] = [];
    const visTimes: number[] = [];
    for (let r = 0; r < HOSTILE_RUNS; r++) {
      let t = performance.now();
      await classifyRaw(h.input);
      rawTimes.push(performance.now() - t);
      t = performance.now();
      classifyVisible({ text: h.input, subject: 'Undeliverable: x', from: 'postmaster@example.org' });
      visTimes.push(performance.now() - t);
    }
    out.push({
      name: h.name,
      rawMs: Number(median(rawTimes).toFixed(1)),
      visibleMs: Number(median(visTimes).toFixed(1)),
    });
  }
  return out;
}

/**
 * When run as a script (bench/run.ts runs this file bundled by esbuild, the way the extension ships
 * the classifier): prints {files, bytes, seconds, mbPerSecond, p50Ms, p99Ms} for DIR as JSON; with
 * `--hostile` it adds the cold pass (coldSeconds) and the hostile-input timings (hostile).
 */
async function main(argv: string[]): Promise<void> {
  const dirArg = argv.find((a) => !a.startsWith('--'));
  const dir = resolve(dirArg ?? join(CORPUS_DIR, 'eml'));
  const { coldSeconds, ...r } = await benchDir(dir);
  // Without --hostile: exactly the documented fields (what `npm run bench -- --json` prints).
  const out: Record<string, unknown> = argv.includes('--hostile')
    ? { ...r, coldSeconds, hostile: await benchHostile() }
    : r;
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

if (process.argv[1] && /core\.(?:[tj]s|mjs)$/.test(process.argv[1])) void main(process.argv.slice(2));
