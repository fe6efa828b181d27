/**
 * N passes of classifyRaw over the corpus, nothing else: the workload bench/instructions.sh counts.
 *   node passes.mjs N DIR   (bundled by bench/instructions.sh; DIR defaults to the corpus, which a
 *   bundle outside the repository cannot locate by itself)
 */
import { join } from 'node:path';
import { CORPUS_DIR } from '../cli/corpus';
import { classifyRaw } from '../core/index';
import { loadDir } from './core';

const files = loadDir(process.argv[3] ?? join(CORPUS_DIR, 'eml'));
const passes = Number(process.argv[2] ?? 1);
for (let r = 0; r < passes; r++) for (const f of files) await classifyRaw(f);
