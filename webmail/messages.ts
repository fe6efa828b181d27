/**
 * Content script <-> background protocol. The content scripts do not bundle the classifier: they
 * send what they read (the raw source or the visible text) to the background, which runs core/ and
 * answers with the verdict and its plain-text summary. Messages are JSON-serialised by the browser,
 * so raw bytes travel as a binary string (one char per byte, lossless).
 */
import type { PasteResult } from '../components/PasteView';
import type { Policy, Verdict, VisibleMessage } from '../core/types';

export const CLASSIFY_MESSAGE = 'bounce-lens:classify';

/** What the runtime asks to classify: the raw RFC 5322 bytes, or what the webmail shows. */
export type ClassifyInput = { raw: Uint8Array } | { visible: VisibleMessage };

export interface Classified {
  verdict: Verdict;
  /** Plain text for "Copy summary" (core summarize). */
  summary: string;
}

export interface ClassifyRequest {
  type: typeof CLASSIFY_MESSAGE;
  policy: Policy;
  visible?: VisibleMessage;
  rawBinary?: string;
}

/** The verdict and its summary, or why classifying failed (the paste box shows the same). */
export type ClassifyResponse = PasteResult;

export function bytesToBinary(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    out += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return out;
}

export function binaryToBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

export function toRequest(input: ClassifyInput, policy: Policy): ClassifyRequest {
  return 'raw' in input
    ? { type: CLASSIFY_MESSAGE, policy, rawBinary: bytesToBinary(input.raw) }
    : { type: CLASSIFY_MESSAGE, policy, visible: input.visible };
}

export function isClassifyRequest(m: unknown): m is ClassifyRequest {
  if (!m || typeof m !== 'object') return false;
  const r = m as Partial<ClassifyRequest>;
  if (r.type !== CLASSIFY_MESSAGE || typeof r.policy !== 'string') return false;
  if (typeof r.rawBinary === 'string') return true;
  const v = r.visible;
  return !!v && typeof v === 'object' && typeof v.text === 'string';
}
