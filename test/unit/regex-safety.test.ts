/**
 * Every regex the extension runs on mail text must be linear-time on hostile input (megabytes).
 * This test finds them all and asks recheck (a ReDoS checker: exact automaton analysis, fuzzing
 * where the automaton cannot model the syntax) about each one:
 *  - every regex literal in core/, webmail/, components/ and entrypoints/ (parsed with rolldown's
 *    TypeScript parser, so no literal is missed by a naive text search);
 *  - every regex built at run time (new RegExp) while the classifier runs over sample bounces,
 *    caught by wrapping the RegExp constructor.
 * A regex recheck calls "vulnerable" fails the test with the attack string recheck found.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { check } from 'recheck';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../cli/corpus';

const ROOT = join(__dirname, '..', '..');
const DIRS = ['core', 'webmail', 'components', 'entrypoints'];

interface Found {
  pattern: string;
  flags: string;
  where: string;
}

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (/\.(ts|tsx)$/.test(e) && !/\.d\.ts$/.test(e)) out.push(p);
  }
  return out;
}

function literalsIn(file: string): Found[] {
  const code = readFileSync(file, 'utf8');
  const ast = parseAst(code, { lang: file.endsWith('x') ? 'tsx' : 'ts' });
  const found: Found[] = [];
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      for (const x of n) walk(x);
      return;
    }
    const node = n as { type?: string; regex?: { pattern: string; flags: string }; start?: number };
    if (node.type === 'Literal' && node.regex) {
      const line = code.slice(0, node.start ?? 0).split('\n').length;
      found.push({
        pattern: node.regex.pattern,
        flags: node.regex.flags,
        where: `${relative(ROOT, file)}:${line}`,
      });
    }
    for (const k of Object.keys(node)) if (k !== 'parent') walk((node as Record<string, unknown>)[k]);
  };
  walk(ast);
  return found;
}

async function dynamicRegexes(): Promise<Found[]> {
  const found: Found[] = [];
  const Original = globalThis.RegExp;
  const Wrapped = new Proxy(Original, {
    construct(target, args: [string | RegExp, string?]) {
      const r = Reflect.construct(target, args) as RegExp;
      found.push({ pattern: r.source, flags: r.flags, where: 'built at run time' });
      return r;
    },
  });
  globalThis.RegExp = Wrapped as RegExpConstructor;
  try {
    const { classifyRaw, classifyVisible } = await import('../../core/index');
    const dir = join(CORPUS_DIR, 'eml');
    let files: string[] = [];
    try {
      files = readdirSync(dir).slice(0, 120);
    } catch {
      files = [];
    }
    for (const f of files) {
      const buf = readFileSync(join(dir, f));
      await classifyRaw(buf);
      classifyVisible({
        text: buf.toString('utf8'),
        subject: 'Undeliverable',
        from: 'postmaster@example.org',
      });
    }
  } finally {
    globalThis.RegExp = Original;
  }
  return found;
}

describe('regex safety (recheck)', () => {
  it('finds the regexes to check', () => {
    const all = DIRS.flatMap((d) => tsFiles(join(ROOT, d))).flatMap(literalsIn);
    expect(all.length).toBeGreaterThan(100);
  });

  it('every regex literal and every run-time regex is linear-time', async () => {
    const literals = DIRS.flatMap((d) => tsFiles(join(ROOT, d))).flatMap(literalsIn);
    const dynamic = await dynamicRegexes();
    const unique = new Map<string, Found>();
    for (const f of [...literals, ...dynamic]) unique.set(`/${f.pattern}/${f.flags.replace(/[gy]/g, '')}`, f);
    const failures: string[] = [];
    const unknown: string[] = [];
    for (const [key, f] of unique) {
      // The automaton checker is exact and fast; it cannot model some syntax (backreferences),
      // for which recheck's fuzzer decides instead.
      const flags = f.flags.replace(/[gy]/g, '');
      let d = await check(f.pattern, flags, { checker: 'automaton', timeout: 10_000 });
      if (d.status === 'unknown')
        d = await check(f.pattern, flags, { checker: 'fuzz', timeout: 20_000, randomSeed: 20261123 });
      if (d.status === 'vulnerable')
        failures.push(
          `${key} at ${f.where}: ${d.complexity.summary}; attack: ${JSON.stringify(d.attack.pattern)}`,
        );
      else if (d.status === 'unknown') unknown.push(`${key} at ${f.where}: ${d.error.kind}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
    // "unknown" means recheck gave up (timeout or unsupported syntax): treat as a failure too.
    expect(unknown, unknown.join('\n')).toEqual([]);
  }, 600_000);
});
