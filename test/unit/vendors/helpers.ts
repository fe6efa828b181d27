/**
 * Test-local helpers for the vendor tests: build a VendorContext from a reply string, and run a
 * corpus .eml through the shipped pipeline (extractRaw -> vendorContext -> classifyRaw), so corpus
 * tests check the context and verdict the product really produces.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, type Label, loadLabels } from '../../../cli/corpus';
import { isFailing } from '../../../core/diagnose/kind';
import { type ExtractedMessage, extractRaw } from '../../../core/extract/index';
import { classifyRaw } from '../../../core/index';
import type {
  BounceType,
  ExtractedRecipient,
  Policy,
  Reason,
  SmtpCommand,
  Verdict,
} from '../../../core/types';
import type { VendorContext } from '../../../core/vendors/types';
import { vendorContext } from '../../../core/verdict';

export interface CaseOpts {
  status?: string;
  reply?: string;
  cmd?: SmtpCommand;
  rcpt?: string;
  reporting?: string;
  headers?: Record<string, string>;
  dsnFields?: Record<string, string>;
  from?: string;
  subject?: string;
  body?: string;
}

/** A VendorContext as the extractor would build it from one reply line. */
export function ctxFrom(host: string, diagnostic: string, o: CaseOpts = {}): VendorContext {
  const status = o.status ?? /\b[245]\.[0-9]{1,3}\.[0-9]{1,3}\b/.exec(diagnostic)?.[0] ?? '';
  const replyCode = o.reply ?? /^([2-5][0-9]{2})[ -]/.exec(diagnostic)?.[1] ?? '';
  return {
    remoteMta: host.toLowerCase(),
    reportingMta: (o.reporting ?? 'mta1.sender.example.net').toLowerCase(),
    diagnostic,
    status,
    replyCode,
    command: o.cmd ?? '',
    recipientDomain: (o.rcpt ?? 'example.com').toLowerCase(),
    headers: o.headers ?? {},
    dsnFields: o.dsnFields ?? {},
    from: (o.from ?? '').toLowerCase(),
    subject: o.subject ?? '',
    body: o.body ?? '',
  };
}

/** One rule case: the expected top rule, its reason, and the per-policy override code. */
export interface RuleCase {
  rule: string;
  reason: Reason | undefined;
  /**
   * Expected `bounce` overrides, one character per policy in the order rfc, sinch, recipient:
   * 'h' hard, 's' soft, '-' not overridden (the policy's own table decides). A missing third
   * character means '-'.
   */
  bounce: string;
  host: string;
  d: string;
  o?: CaseOpts;
}

export function expectedBounce(code: string): Partial<Record<Policy, BounceType>> {
  const out: Partial<Record<Policy, BounceType>> = {};
  const policies: Policy[] = ['rfc', 'sinch', 'recipient'];
  policies.forEach((p, i) => {
    const c = code[i];
    if (c === 'h') out[p] = 'hard';
    if (c === 's') out[p] = 'soft';
  });
  return out;
}

// --- corpus files through the shipped pipeline -------------------------------------------------

/** One corpus file as the product reads it: the extraction, the verdict, and per failed recipient the vendor context. */
export interface CorpusBounce {
  x: ExtractedMessage;
  verdict: Verdict;
  /** The failed recipients (what the verdict classifies), each with the exact context the verdict gives the vendor engine. */
  recipients: { r: ExtractedRecipient; ctx: VendorContext }[];
}

const bounces = new Map<string, Promise<CorpusBounce>>();

/** `file` (under ../shared/corpus/eml) through extractRaw, vendorContext and classifyRaw (rfc policy); cached. */
export function corpusBounce(file: string): Promise<CorpusBounce> {
  let p = bounces.get(file);
  if (!p) {
    p = (async () => {
      const bytes = new Uint8Array(readFileSync(join(CORPUS_DIR, 'eml', file)));
      const x = await extractRaw(bytes);
      const verdict = await classifyRaw(bytes);
      const recipients = x.recipients.filter(isFailing).map((r) => ({ r, ctx: vendorContext(r, x) }));
      return { x, verdict, recipients };
    })();
    bounces.set(file, p);
  }
  return p;
}

/** The corpus labels (labels.jsonl). */
export function labels(): Label[] {
  return loadLabels(CORPUS_DIR);
}
