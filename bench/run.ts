/**
 * npm run bench                      classifier speed and hostile inputs, then the webmail benches
 * npm run bench -- --json DIR        only the classifier over DIR, one JSON object:
 *                                    {"files","bytes","seconds","mbPerSecond","p50Ms","p99Ms"}
 * Medians of several warm rounds. Speed is never asserted in tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { CORPUS_DIR } from '../cli/corpus';
import type { CoreBench } from './core';
import { HOSTILE_RUNS, TIMED_PASSES, WARMUP_PASSES } from './params';

type HostileResult = { name: string; rawMs: number; visibleMs: number };

/** Sisimai's speed on the same directory, when Perl and Sisimai are installed. */
function sisimai(dir: string): { version: string; mbPerSecond: number } | undefined {
  const r = spawnSync('perl', [join(dirname(fileURLToPath(import.meta.url)), 'sisimai.pl'), dir], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (r.status !== 0) return undefined;
  try {
    return JSON.parse(r.stdout.trim()) as { version: string; mbPerSecond: number };
  } catch {
    return undefined;
  }
}

/**
 * The classifier benchmark runs bundled by esbuild in a plain `node` process: the code as the
 * extension ships it (tsx's on-the-fly loader slows some paths and is not what users run).
 */
async function coreBench(
  dir: string,
  hostile: boolean,
): Promise<CoreBench & { coldSeconds?: number; hostile?: HostileResult[] }> {
  const here = dirname(fileURLToPath(import.meta.url));
  const outfile = join(here, '.tmp', 'core.mjs');
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [join(here, 'core.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
  });
  const r = spawnSync(process.execPath, [outfile, dir, ...(hostile ? ['--hostile'] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`core bench failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim());
}

async function main(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const dirArg = argv.find((a) => !a.startsWith('--'));
  const dir = resolve(dirArg ?? join(CORPUS_DIR, 'eml'));
  const core = await coreBench(dir, !json);
  if (json) {
    process.stdout.write(`${JSON.stringify(core)}\n`);
    return;
  }
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(
    `Classifier over ${core.files} files, ${(core.bytes / 1e6).toFixed(2)} MB (${dir}), median of ${TIMED_PASSES} passes after ${WARMUP_PASSES} warm-up passes`,
  );
  out(`  ${core.mbPerSecond} MB/s   p50 ${core.p50Ms} ms   p99 ${core.p99Ms} ms per message`);
  if (core.coldSeconds !== undefined)
    out(
      `  first (cold) pass: ${(core.coldSeconds * 1000).toFixed(0)} ms, ${(core.bytes / 1e6 / core.coldSeconds).toFixed(1)} MB/s`,
    );
  out(`Hostile inputs, 5 MB each (median of ${HOSTILE_RUNS} runs)`);
  for (const h of core.hostile ?? []) {
    out(
      `  ${h.name.padEnd(40)} raw ${String(h.rawMs).padStart(7)} ms   visible ${String(h.visibleMs).padStart(7)} ms`,
    );
  }
  const sis = sisimai(dir);
  if (sis) {
    out(
      `Sisimai ${sis.version} (Perl, in-process) over the same files: ${sis.mbPerSecond} MB/s -> Bounce Lens is ${(core.mbPerSecond / sis.mbPerSecond).toFixed(1)}x`,
    );
  } else out('Sisimai not installed (apt-get install libsisimai-perl): no ratio.');
  if (argv.includes('--core-only')) return;
  const { benchWebmail, table } = await import('./webmail');
  out('');
  out(table(await benchWebmail({ build: !argv.includes('--no-build') })));
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
