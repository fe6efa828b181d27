/**
 * Reading CLI inputs: files or stdin, and mbox files holding several messages (split on "From "
 * separator lines). One input yields one or more raw messages.
 */
import { readFileSync } from 'node:fs';

export function readInput(name: string): Buffer {
  return name === '-' ? readFileSync(0) : readFileSync(name);
}

/** Split an mbox ("From sender date" separator lines) into messages; a plain message is returned as is. */
export function splitMbox(buf: Buffer): Buffer[] {
  const head = buf.subarray(0, 5).toString('latin1');
  const text = buf.toString('latin1');
  const sep = /\r?\n(?=From \S{1,320} {1,2}\w{3} \w{3} [ \d]\d )/g;
  if (head !== 'From ' && !sep.test(text)) return [buf];
  sep.lastIndex = 0;
  return text
    .split(sep)
    .map((m) => m.replace(/^From [^\n]*\n/, ''))
    .filter((m) => m.trim() !== '')
    .map((m) => Buffer.from(m, 'latin1'));
}
