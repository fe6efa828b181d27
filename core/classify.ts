// Work in progress: the pipeline lands in the next commits.
import type { ClassifyOptions, Verdict, VisibleMessage } from './types';

export async function classifyRaw(_raw: Uint8Array | ArrayBuffer | string, _opts: ClassifyOptions = {}): Promise<Verdict> {
  throw new Error('classifyRaw: not implemented yet');
}
export function classifyVisible(_msg: VisibleMessage, _opts: ClassifyOptions = {}): Verdict {
  throw new Error('classifyVisible: not implemented yet');
}
export async function visibleText(_raw: Uint8Array | ArrayBuffer | string): Promise<string> {
  throw new Error('visibleText: not implemented yet');
}
