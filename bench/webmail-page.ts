/**
 * Bundled by bench/webmail.ts and injected into a fake Gmail or Outlook page (main world, no bounce
 * there): the real shared runtime and that webmail's adapter (chosen by the page's URL), with their
 * MutationObserver callbacks and timer callbacks (the scans) timed one by one. The classifier is a
 * stub: on a page with no bounce the pre-filter stops every message before it, or the stub answers
 * "not a bounce" once per message.
 */
import type { Verdict } from '../core/types';
import { gmailAdapter } from '../webmail/gmail';
import { outlookAdapter } from '../webmail/outlook';
import { createRuntime, type RuntimeStats } from '../webmail/runtime';

interface BenchApi {
  stats: RuntimeStats;
  observerMs: number[];
  timerMs: number[];
  classifyCalls: number;
  sleep(ms: number): Promise<void>;
}

declare global {
  interface Window {
    __webmailBench: BenchApi;
  }
}

const observerMs: number[] = [];
const timerMs: number[] = [];
const realSetTimeout = window.setTimeout.bind(window);

// Time every timer callback the runtime schedules (its debounced scans).
window.setTimeout = ((fn: TimerHandler, ms?: number, ...args: unknown[]) =>
  realSetTimeout(() => {
    const t = performance.now();
    if (typeof fn === 'function') fn(...args);
    timerMs.push(performance.now() - t);
  }, ms)) as typeof window.setTimeout;

// Time every MutationObserver callback (one per mutation batch).
const RealObserver = window.MutationObserver;
window.MutationObserver = class extends RealObserver {
  constructor(cb: MutationCallback) {
    super((records, observer) => {
      const t = performance.now();
      cb(records, observer);
      observerMs.push(performance.now() - t);
    });
  }
};

const api: BenchApi = {
  stats: { batches: 0, scans: 0 },
  observerMs,
  timerMs,
  classifyCalls: 0,
  sleep: (ms) => new Promise((r) => realSetTimeout(r, ms)),
};

const notBounce: Verdict = {
  isBounce: false,
  kind: 'not-bounce',
  kindWhy: 'bench stub',
  policy: 'rfc',
  source: 'visible-text',
  original: {},
  recipients: [],
  notes: [],
  evidence: [],
};

const runtime = createRuntime({
  adapter: gmailAdapter.matches(new URL(location.href)) ? gmailAdapter : outlookAdapter,
  settings: { policy: 'rfc', overlay: true },
  classify: async () => {
    api.classifyCalls++;
    return { verdict: notBounce, summary: '' };
  },
  copyText: async () => false,
});
api.stats = runtime.stats;
runtime.start();
window.__webmailBench = api;
