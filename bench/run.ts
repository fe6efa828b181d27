/**
 * npm run bench                      classifier speed and hostile inputs, then the webmail benches
 * npm run bench -- --json DIR        only the classifier over DIR, one JSON object:
 *                                    {"files","bytes","seconds","mbPerSecond","p50Ms","p99Ms"}
 * Medians of several warm rounds. Speed is never asserted in tests.
 */
import { resolve } from 'node:path';
import { benchDir, benchHostile } from './core';

async function main(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const dirArg = argv.find((a) => !a.startsWith('--'));
  const dir = resolve(dirArg ?? '../shared/corpus/eml');
  const core = await benchDir(dir);
  if (json) {
    process.stdout.write(`${JSON.stringify(core)}\n`);
    return;
  }
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(
    `Classifier over ${core.files} files, ${(core.bytes / 1e6).toFixed(2)} MB (${dir}), median of 7 warm rounds`,
  );
  out(`  ${core.mbPerSecond} MB/s   p50 ${core.p50Ms} ms   p99 ${core.p99Ms} ms per message`);
  out('Hostile inputs (median of 3 runs)');
  for (const h of await benchHostile()) {
    out(
      `  ${h.name.padEnd(40)} raw ${String(h.rawMs).padStart(7)} ms   visible ${String(h.visibleMs).padStart(7)} ms`,
    );
  }
  if (argv.includes('--core-only')) return;
  const { benchWebmail, table } = await import('./webmail');
  out('');
  out(table(await benchWebmail({ build: !argv.includes('--no-build') })));
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
