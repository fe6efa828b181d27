/**
 * The classifier behind the content scripts, run in the background (service worker in Chrome,
 * event page in Firefox): it loads core/ once for all tabs, keeps the heavy parse off the webmail
 * page's main thread, and answers each request with the verdict and its plain-text summary.
 */
import { classifyRaw, classifyVisible, summarize } from '../core';
import type { Policy, Verdict, VisibleMessage } from '../core/types';
import { binaryToBytes, type ClassifyRequest, type ClassifyResponse } from './messages';
import { isPolicy } from './settings';

const MAX_VISIBLE = 1_000_000;

function str(v: unknown, max: number): string | undefined {
  return typeof v === 'string' ? v.slice(0, max) : undefined;
}

/** Copy only the expected string fields (the request crossed a process boundary). */
function cleanVisible(v: VisibleMessage): VisibleMessage {
  const out: VisibleMessage = { text: str(v.text, MAX_VISIBLE) ?? '' };
  const subject = str(v.subject, 2000);
  const from = str(v.from, 500);
  const fromName = str(v.fromName, 500);
  if (subject !== undefined) out.subject = subject;
  if (from !== undefined) out.from = from;
  if (fromName !== undefined) out.fromName = fromName;
  return out;
}

/**
 * Run a classification and answer with the verdict and its plain-text summary, or with the error's
 * message if anything in it throws (shared by the background and the popup's paste box).
 */
export async function toClassifyResponse(run: () => Verdict | Promise<Verdict>): Promise<ClassifyResponse> {
  try {
    const verdict = await run();
    return { ok: true, verdict, summary: summarize(verdict) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

export function handleClassifyRequest(req: ClassifyRequest): Promise<ClassifyResponse> {
  return toClassifyResponse(() => {
    const policy: Policy = isPolicy(req.policy) ? req.policy : 'rfc';
    return typeof req.rawBinary === 'string'
      ? classifyRaw(binaryToBytes(req.rawBinary), { policy })
      : classifyVisible(cleanVisible(req.visible as VisibleMessage), { policy });
  });
}
