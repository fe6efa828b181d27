/**
 * The classifier, top to bottom:
 *
 *   1. EXTRACT   core/extract     raw MIME or visible text -> recipients with codes, hosts, answer
 *   2. DIAGNOSE  core/diagnose    bounce or not; reason (Sisimai's vocabulary); vendor quirks;
 *                                 the cause of policy rejections (5.7.x) with a checklist
 *   3. DECIDE    core/decide      hard/soft under the chosen policy; the reader's action
 *   4. VERDICT   core/verdict.ts  one typed object for the UI, the CLI and the tests
 *
 * Never throws: any failure becomes a "not a bounce" or partial verdict with a note.
 */
import { looksLikeRfc822 } from './detect/input';
import { detectKind, pastedKind } from './diagnose/kind';
import { type ExtractedMessage, extractRaw, extractVisible, visibleTextOf } from './extract/index';
import type { ClassifyOptions, Policy, Verdict, VisibleMessage } from './types';
import { buildVerdict, failedVerdict } from './verdict';

const policyOf = (o: ClassifyOptions): Policy => o.policy ?? 'rfc';

/** Classify a raw RFC 5322 message (bytes or string; any line ends, charset, encoding). */
export async function classifyRaw(
  raw: Uint8Array | ArrayBuffer | string,
  opts: ClassifyOptions = {},
): Promise<Verdict> {
  const policy = policyOf(opts);
  let x: ExtractedMessage;
  try {
    x = await extractRaw(raw);
  } catch (e) {
    return failedVerdict(policy, 'raw', `The message could not be read: ${errorText(e)}`);
  }
  return diagnoseAndDecide(x, policy);
}

/** Classify only what a webmail displays (or what a user pasted). */
export function classifyVisible(msg: VisibleMessage, opts: ClassifyOptions = {}): Verdict {
  const policy = policyOf(opts);
  let x: ExtractedMessage;
  try {
    x = extractVisible(msg);
  } catch (e) {
    return failedVerdict(policy, 'visible-text', `The text could not be read: ${errorText(e)}`);
  }
  return diagnoseAndDecide(x, policy, opts.pasted === true);
}

/**
 * Text a user pasted or a text file: a whole raw message when it starts with a header block
 * (classified as raw), otherwise bounce text (classified as pasted: see ClassifyOptions.pasted).
 * Bytes are read as a raw message's bytes (its charsets decide) or as UTF-8 text.
 */
export async function classifyText(input: string | Uint8Array, opts: ClassifyOptions = {}): Promise<Verdict> {
  const head = typeof input === 'string' ? input.slice(0, 256 * 1024) : latin1(input.subarray(0, 256 * 1024));
  const start = head.length - head.trimStart().length;
  if (looksLikeRfc822(head.slice(start)))
    return classifyRaw(typeof input === 'string' ? input.slice(start) : input.subarray(start), opts);
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  return classifyVisible({ text }, { ...opts, pasted: true });
}

const latin1 = (b: Uint8Array): string => new TextDecoder('latin1').decode(b);

/** The part of a raw message a webmail would display (the --visible-text path of the CLI). */
export async function visibleText(raw: Uint8Array | ArrayBuffer | string): Promise<VisibleMessage> {
  try {
    return await visibleTextOf(raw);
  } catch {
    return { text: '' };
  }
}

function diagnoseAndDecide(x: ExtractedMessage, policy: Policy, pasted = false): Verdict {
  try {
    const kind = pasted ? pastedKind(x) : detectKind(x);
    return buildVerdict(x, kind, policy);
  } catch (e) {
    return failedVerdict(policy, x.mode, `Classification failed: ${errorText(e)}`);
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
