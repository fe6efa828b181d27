/**
 * Command line over the same core:
 *   npm run --silent classify -- [--json] [--policy rfc|sinch|recipient] [--visible-text] FILE...
 * "-" reads stdin. A file without a message header block is read as pasted bounce text. An
 * unreadable or missing file: a message on stderr, the other files still processed, exit code 1.
 * With --json: exactly one JSON object per input per line.
 */
import { looksLikeRfc822 } from '../core/detect/input';
import { classifyText, classifyVisible, summarize, visibleText } from '../core/index';
import { POLICIES, type Policy, type Verdict } from '../core/types';
import { readInput, splitMbox } from './input';

const USAGE = `usage: classify [--json] [--policy rfc|sinch|recipient] [--visible-text] FILE... ("-" = stdin)

  --json           one JSON object per input per line
  --policy NAME    hard/soft policy: rfc (default), sinch, recipient
  --visible-text   classify only what a webmail would display (the human-readable part)`;

export interface CliOptions {
  json: boolean;
  policy: Policy;
  visible: boolean;
  files: string[];
}

export function parseArgs(argv: string[]): CliOptions | string {
  const o: CliOptions = { json: false, policy: 'rfc', visible: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--json') o.json = true;
    else if (a === '--visible-text') o.visible = true;
    else if (a === '--policy' || a.startsWith('--policy=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!v || !POLICIES.includes(v as Policy))
        return `unknown policy "${v ?? ''}" (rfc, sinch or recipient)`;
      o.policy = v as Policy;
    } else if (a === '--help' || a === '-h') return 'help';
    else if (a.startsWith('--')) return `unknown option ${a}`;
    else o.files.push(a);
  }
  if (o.files.length === 0) return 'no input file';
  return o;
}

/** Classify one input (possibly an mbox with several messages). */
export async function classifyInput(
  buf: Buffer,
  o: Pick<CliOptions, 'policy' | 'visible'>,
): Promise<Verdict[]> {
  const out: Verdict[] = [];
  for (const m of splitMbox(buf)) {
    // --visible-text on a message reads what a webmail shows of it; a text file without a header
    // block is already that (pasted bounce text), and classifyText tells the two apart.
    if (
      o.visible &&
      looksLikeRfc822(
        m
          .subarray(0, 256 * 1024)
          .toString('latin1')
          .trimStart(),
      )
    )
      out.push(classifyVisible(await visibleText(m), { policy: o.policy }));
    else out.push(await classifyText(m, { policy: o.policy }));
  }
  return out;
}

/** The JSON line for one input. */
export function jsonFor(file: string, verdicts: Verdict[]): Record<string, unknown> {
  const bounces = verdicts.filter((v) => v.isBounce);
  const main = bounces[0] ?? verdicts[0];
  return {
    file,
    isBounce: bounces.length > 0,
    kind: main?.kind ?? 'not-bounce',
    policy: main?.policy,
    source: main?.source,
    messages: verdicts.length,
    recipients: bounces.flatMap((v) =>
      v.recipients.map((r) => ({
        recipient: r.recipient,
        status: r.status ?? null,
        replyCode: r.replyCode ?? null,
        reason: r.reason,
        bounce: r.bounce,
        action: r.action,
        vendor: r.vendor.map((f) => ({ vendor: f.vendorId, rule: f.ruleId, meaning: f.meaning })),
        meaning: r.meaning,
        statusMeaning: r.statusInfo?.summary ?? null,
        replyMeaning: r.replyInfo?.meaning ?? null,
        decision: r.decision.rule,
        remoteMta: r.remoteMta ?? null,
        command: r.command ?? null,
        diagnostic: r.diagnostic ?? null,
      })),
    ),
    notes: verdicts.flatMap((v) => v.notes),
  };
}

export async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    if (parsed === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    process.stderr.write(`classify: ${parsed}\n${USAGE}\n`);
    return 2;
  }
  let failed = 0;
  for (const file of parsed.files) {
    let buf: Buffer;
    try {
      buf = readInput(file);
    } catch (e) {
      failed++;
      const err = e as NodeJS.ErrnoException;
      process.stderr.write(
        `classify: cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}\n`,
      );
      continue;
    }
    const verdicts = await classifyInput(buf, parsed);
    if (parsed.json) process.stdout.write(`${JSON.stringify(jsonFor(file, verdicts))}\n`);
    else {
      const text = verdicts.map((v) => summarize(v)).join('\n\n');
      process.stdout.write(
        `${parsed.files.length > 1 ? `== ${file}\n` : ''}${text}\n${parsed.files.length > 1 ? '\n' : ''}`,
      );
    }
  }
  return failed > 0 ? 1 : 0;
}

const isMain = process.argv[1] && /classify\.[tj]s$/.test(process.argv[1]);
if (isMain) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`classify: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
