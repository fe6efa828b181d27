/**
 * Which SMTP command a reply answered, from the cues in core/knowledge/commands.ts. One reader for
 * the human text, the DSN diagnostic and the reason engine.
 */
import { COMMAND_PATTERNS } from '../knowledge/commands';
import type { SmtpCommand } from '../types';
import { union } from '../util/regex';

/** The distinct literal keys of the table, and each row's key index. */
const KEYS: readonly string[] = [...new Set(COMMAND_PATTERNS.map((p) => p.key))];
const KEY_OF: readonly number[] = COMMAND_PATTERNS.map((p) => KEYS.indexOf(p.key));
/** Any key at all: one pass that answers "no cue" for most texts. */
const ANY_KEY = union(KEYS) as RegExp;

/**
 * The command of the first row that matches `text` or `flat` (the same text with its whitespace
 * runs made single spaces, so a cue wrapped over two lines still matches; pass it when the caller
 * has it). Each key is looked for once, in the lower-cased flat text, after one pass for any key.
 */
export function findCommand(text: string, flat: string = text): SmtpCommand | undefined {
  if (!ANY_KEY.test(flat)) return undefined;
  const lower = flat.toLowerCase();
  const present = new Int8Array(KEYS.length); // 0 not looked for, 1 present, 2 absent
  for (let k = 0; k < COMMAND_PATTERNS.length; k++) {
    const ki = KEY_OF[k] as number;
    if (present[ki] === 0) present[ki] = lower.includes(KEYS[ki] as string) ? 1 : 2;
    if (present[ki] === 2) continue;
    const { re, command } = COMMAND_PATTERNS[k] as (typeof COMMAND_PATTERNS)[number];
    if (re.test(text) || (flat !== text && re.test(flat))) return command;
  }
  return undefined;
}
