// Work in progress.
import type { Verdict } from './types';

export function summarize(v: Verdict): string {
  return `${v.kind}: ${v.recipients.map((r) => r.recipient).join(', ')}`;
}
