/**
 * Finer diagnosis of policy and security rejections (mostly 5.7.x): tells SPF, DKIM and DMARC
 * apart, names the blocklist (with its lookup/delisting page), and separates reputation, content,
 * virus, relaying, reverse DNS, rate limits, TLS, recipient policy, sender address and malformed
 * messages. Knowledge lives in core/knowledge/causes.ts; this file only reads it.
 *
 * Order: a named blocklist first (the most specific evidence), then the cause patterns in their
 * table order, then the registered meaning of the enhanced status code, then what the reason says
 * (REASON_CAUSES); the catch-all "recipient's own policy" only when nothing more specific is
 * known. The receiver's postmaster
 * page is added when the Remote-MTA belongs to a known vendor.
 */

import {
  BLOCKLISTS,
  CAUSE_PATTERNS,
  type CauseId,
  makeDiagnosis,
  REASON_CAUSES,
  STATUS_CAUSES,
} from '../knowledge/causes';
import type { Diagnosis, Reason } from '../types';
import { anyMatch, union } from '../util/regex';
import { VENDORS } from '../vendors/index';
import type { Vendor } from '../vendors/types';
import { normalizeDiagnostic } from './vendors';

/**
 * One pass over the text before the per-list scans, then one union per blocklist and per cause (see
 * core/util/regex.ts): the first blocklist, then the first cause in table order, still decides.
 */
const ANY_BLOCKLIST = union(BLOCKLISTS.flatMap((b) => b.patterns));
const BLOCKLIST_UNIONS = BLOCKLISTS.map((b) => union(b.patterns));
const ANY_CAUSE = union(CAUSE_PATTERNS.flatMap((c) => c.patterns));
const CAUSE_UNIONS = CAUSE_PATTERNS.map((c) => union(c.patterns));

const ENHANCED = /\b[245]\.[0-9]{1,3}\.[0-9]{1,3}\b/;

export interface CauseInput {
  diagnostic: string;
  status: string;
  replyCode: string;
  remoteMta: string;
  /** The reason decided for the recipient (Sisimai's vocabulary), when known. */
  reason?: Reason;
}

function receiverLinks(remoteMta: string, vendors: readonly Vendor[]): string[] {
  if (!remoteMta) return [];
  const host = remoteMta.toLowerCase();
  for (const v of vendors) {
    if (v.postmaster && v.recognize.hosts?.some((h) => h.test(host))) return [v.postmaster];
  }
  return [];
}

/**
 * The cause of a policy/security rejection, or undefined when the text and codes say nothing.
 * A specific cause in the text wins, then a specific status (X.7.25 reverse DNS, ...), then what the
 * reason itself says (REASON_CAUSES), and only then the catch-all "the recipient's own policy".
 */
export function diagnoseCause(
  input: CauseInput,
  vendors: readonly Vendor[] = VENDORS,
): Diagnosis | undefined {
  const text = normalizeDiagnostic(input.diagnostic);
  const links = receiverLinks(input.remoteMta, vendors);
  if (text && ANY_BLOCKLIST?.test(text)) {
    for (const [k, b] of BLOCKLISTS.entries())
      if (anyMatch(BLOCKLIST_UNIONS[k], b.patterns, text))
        return makeDiagnosis('blocklist', { list: b.id, links });
  }
  const byText = text && ANY_CAUSE?.test(text) ? textCause(text) : undefined;
  if (byText && byText !== CATCH_ALL) return makeDiagnosis(byText, { links });
  const status = input.status || ENHANCED.exec(text.slice(0, 400))?.[0] || '';
  const byStatus = status ? STATUS_CAUSES[status.slice(status.indexOf('.') + 1)] : undefined;
  if (byStatus && byStatus !== CATCH_ALL) return makeDiagnosis(byStatus, { links });
  const cause = (input.reason ? REASON_CAUSES[input.reason] : undefined) ?? byText ?? byStatus;
  return cause ? makeDiagnosis(cause, { links }) : undefined;
}

/** The catch-all cause: any refusal by a rule of the receiving side. */
const CATCH_ALL = 'recipient-policy';

function textCause(text: string): CauseId | undefined {
  for (const [k, c] of CAUSE_PATTERNS.entries())
    if (anyMatch(CAUSE_UNIONS[k], c.patterns, text)) return c.cause;
  return undefined;
}
