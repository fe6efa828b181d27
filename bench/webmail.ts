/**
 * Webmail benchmarks (a script, never test assertions):
 *   npx tsx bench/webmail.ts [--json] [--no-build] [--runs N]
 *
 * 1. Size: gzip of the code loaded on every Gmail and every Outlook page (each content script;
 *    target <= 25 KB), the background, and what the classifier would add if it were bundled into
 *    the content script.
 * 2. Latency in Debian's Chromium with the built extension, from a bounce's body entering the DOM
 *    to its badge, median over the fixtures (target <= 50 ms):
 *    - Gmail (fake https://mail.google.com): with the raw source served ("show original") and
 *      without it (visible text), reported separately;
 *    - Outlook (fake https://outlook.office.com, the pages of test/fixtures/outlook): the visible
 *      text (Outlook has no raw source); each page's reading pane is swapped in the way Outlook's
 *      router does, under a new item URL.
 * 3. Cost per DOM mutation batch on a Gmail page and on an Outlook page with no bounce (target
 *    <= 0.1 ms median): the real runtime and adapter, bundled and injected into the page, every
 *    observer callback and every scan timed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { classifyRaw, classifyVisible } from '../core/index';
import { gmailHandler } from '../test/e2e/gmail-server';
import { EXT_DIR, launchWithExtension, ROOT, startServer } from '../test/e2e/harness';
import { outlookHandler } from '../test/e2e/outlook-server';
import { type FixtureMessage, gmailPage, notificationText } from '../test/fixtures/gmail/build';
import { MESSAGES, RAW, type RawVia, THREADS } from '../test/fixtures/gmail/scenarios';
import { closeWindows, FIXTURES, fixtureHtml, loadPage } from '../test/unit/webmail/outlook-fixtures';
import { DEFAULT_DEBOUNCE_MS } from '../webmail/runtime';
import { median, quantile } from './stats';

const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;
const gz = (b: Uint8Array | string): number => gzipSync(b, { level: 9 }).length;

/** Body in the DOM -> badge, median. */
const LATENCY_TARGET_MS = 50;

/** The runtime's cost on a page with no bounce, while the page keeps mutating. */
export interface MutationBench {
  /** The page was cross-origin isolated (fine-grained clock); otherwise times are 0.1 ms steps. */
  clockIsolated: boolean;
  batches: number;
  scans: number;
  observerCallbackMedianMs: number;
  scanMedianMs: number;
  scanP90Ms: number;
  /** (all observer callbacks + all scans) / batches: the runtime's whole cost per mutation batch. */
  amortizedPerBatchMs: number;
  targetMs: number;
  classifierCalls: number;
}

export interface WebmailBench {
  size: {
    contentScripts: Record<string, { bytes: number; gzip: number }>;
    gmailContentScriptGzip: number;
    outlookContentScriptGzip: number;
    targetGzip: number;
    background: { bytes: number; gzip: number };
    /** The classifier alone, minified: what the content script would carry without the background. */
    classifierBundle: { bytes: number; gzip: number };
  };
  /** Gmail, body in the DOM -> badge. */
  latency: {
    runsPerMessage: number;
    messages: string[];
    rawMedianMs: number;
    rawP90Ms: number;
    visibleMedianMs: number;
    visibleP90Ms: number;
    /** The first measurement of the session (service worker cold, classifier not yet loaded). */
    firstMs: number;
    perMessage: Record<string, { rawMs: number; visibleMs: number }>;
    /** The runtime's coalescing delay, included in every latency above. */
    debounceMs: number;
    targetMs: number;
  };
  /** Gmail page with no bounce. */
  mutations: MutationBench;
  outlook: {
    /** Body in the DOM -> badge, visible-text path (the only one Outlook has). */
    latency: {
      runsPerMessage: number;
      /** Fixture pages (test/fixtures/outlook) with a bounce open. */
      messages: string[];
      medianMs: number;
      p90Ms: number;
      perMessage: Record<string, number>;
      debounceMs: number;
      targetMs: number;
    };
    /** Outlook page with no bounce. */
    mutations: MutationBench;
  };
  classifierInProcess: { rawMedianMs: number; visibleMedianMs: number };
}

// ---- sizes ------------------------------------------------------------------------------------

async function sizes(): Promise<WebmailBench['size']> {
  const dir = join(EXT_DIR, 'content-scripts');
  const contentScripts: WebmailBench['size']['contentScripts'] = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.js') || f.endsWith('.css'))) {
    const b = readFileSync(join(dir, f));
    contentScripts[f] = { bytes: b.length, gzip: gz(b) };
  }
  const bg = readFileSync(join(EXT_DIR, 'background.js'));
  const core = await build({
    entryPoints: [join(ROOT, 'core', 'index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const coreBytes = core.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    contentScripts,
    gmailContentScriptGzip: contentScripts['gmail.js']?.gzip ?? Number.NaN,
    outlookContentScriptGzip: contentScripts['outlook.js']?.gzip ?? Number.NaN,
    targetGzip: 25 * 1024,
    background: { bytes: bg.length, gzip: gz(bg) },
    classifierBundle: { bytes: coreBytes.length, gzip: gz(coreBytes) },
  };
}

// ---- pages ------------------------------------------------------------------------------------

const LATENCY_MESSAGES: Record<string, FixtureMessage> = {
  'gmail card 5.1.1 (lhost-gmail-01)': MESSAGES.gmail01,
  'gmail card 5.2.2 (lhost-gmail-16)': MESSAGES.gmail16,
  'gmail card delay (lhost-gmail-09)': MESSAGES.gmail09,
  'postfix 2 rcpts (lhost-postfix-02)': MESSAGES.postfix02,
  'postfix 5.7.26 (rhost-google-03)': MESSAGES.rhost03,
};

const BENCH_ROUTE = 'inbox/FMfcgzBENCH';

interface Sample {
  label: string;
  via: RawVia;
  hex: string;
  template: string;
}

function latencyPage(runs: number): { html: string; samples: Sample[] } {
  const samples: Sample[] = [];
  const arriving: { id: string; message: FixtureMessage }[] = [];
  let n = 0;
  for (let run = 0; run < runs; run++) {
    for (const [label, base] of Object.entries(LATENCY_MESSAGES)) {
      const source = RAW[base.hex];
      if (!source) throw new Error(`no raw for ${label}`);
      for (const via of ['om', 'none'] as const) {
        const hex = `19b0${(n++).toString(16).padStart(12, '0')}`;
        RAW[hex] = { raw: source.raw, via };
        const template = `bench-${hex}`;
        arriving.push({ id: template, message: { ...base, hex } });
        samples.push({ label, via, hex, template });
      }
    }
  }
  const html = gmailPage({
    threads: [{ route: BENCH_ROUTE, threadHex: '19b0ffffffffffff', subject: 'Bench', messages: [] }],
    visible: BENCH_ROUTE,
    arriving,
    ik: '0f1e2d3c4b',
  });
  return { html, samples };
}

function quietPage(): string {
  const rows = Array.from({ length: 50 }, (_, i) => ({
    ...THREADS.ordinary,
    route: `inbox/FMfcgzQUIET${i}`,
    subject: `Weekly report ${i}`,
  }));
  return gmailPage({
    threads: [
      {
        route: 'inbox/FMfcgzQUIET',
        threadHex: '19c0000000000001',
        subject: 'Lunch on Friday?',
        messages: [
          { ...MESSAGES.plain, hex: '19c0000000000002' },
          { ...MESSAGES.me, hex: '19c0000000000003', collapsed: false },
          { ...MESSAGES.plain, hex: '19c0000000000004' },
        ],
      },
    ],
    visible: 'inbox/FMfcgzQUIET',
    inbox: rows,
    script: false,
  });
}

// ---- Outlook pages ----------------------------------------------------------------------------

/** The page both Outlook benches start from: an ordinary conversation open, no bounce. */
const OUTLOOK_BASE = 'nonbounce-quotes-smtp-code.html';
const OUTLOOK_BENCH_URL = 'https://outlook.office.com/mail/inbox';
const PANE_ID = 'ReadingPaneContainerId';

/** The fixture pages with a bounce open: each one's reading pane is a latency sample. */
const OUTLOOK_LATENCY = FIXTURES.filter((f) => f.open.some((m) => m.classify.isBounce)).map((f) => f.file);

/** The markup of a fixture's reading pane, serialised by happy-dom (bench tooling, not the extension). */
function readingPane(file: string): string {
  const doc = loadPage(fixtureHtml(file), OUTLOOK_BENCH_URL);
  const pane = doc.getElementById(PANE_ID);
  if (!pane) throw new Error(`${file}: no #${PANE_ID}`);
  return pane.innerHTML;
}

/** Insert markup before </body> of a page. */
function beforeBodyEnd(html: string, extra: string): string {
  const at = html.lastIndexOf('</body>');
  if (at < 0) throw new Error('no </body>');
  return `${html.slice(0, at)}${extra}\n${html.slice(at)}`;
}

/** Outlook with an empty reading pane and one <template> per bounce fixture's reading pane. */
function outlookLatencyPage(): string {
  const doc = loadPage(fixtureHtml(OUTLOOK_BASE), OUTLOOK_BENCH_URL);
  doc.getElementById(PANE_ID)?.replaceChildren();
  const templates = OUTLOOK_LATENCY.map(
    (file, i) => `<template id="ol-bench-${i}">${readingPane(file)}</template>`,
  ).join('\n');
  return beforeBodyEnd(`<!DOCTYPE html>\n${doc.documentElement.outerHTML}`, templates);
}

/** Outlook with an ordinary conversation open and 50 rows in the message list. */
function outlookQuietPage(): string {
  const doc = loadPage(fixtureHtml(OUTLOOK_BASE), OUTLOOK_BENCH_URL);
  const list = doc.querySelector('#MailList [role="listbox"]');
  const row = list?.querySelector('[role="option"][aria-selected="false"]');
  if (!list || !row) throw new Error(`${OUTLOOK_BASE}: no message list`);
  for (let i = 0; i < 48; i++) {
    const r = row.cloneNode(true) as Element;
    r.setAttribute('data-convid', `AAQkQUIET${String(i).padStart(4, '0')}`);
    const subject = r.lastElementChild;
    if (subject) subject.textContent = `Weekly report ${i}`;
    list.append(r);
  }
  return `<!DOCTYPE html>\n${doc.documentElement.outerHTML}`;
}

// ---- browser runs -----------------------------------------------------------------------------

/** Where the mutation bench makes its changes on a page. */
interface QuietSpec {
  /** The message list (rows are cloned into it and removed). */
  list: string;
  /** A row to clone. */
  row: string;
  /** Rendered bodies (small nodes are added beside them). */
  body: string;
}

interface MutationRun {
  isolated: boolean;
  batches: number;
  observerMs: number[];
  timerMs: number[];
  classifyCalls: number;
}

/**
 * In a page where bench/webmail-page.ts runs: 2000 mutation batches of what webmails do all the
 * time (list rows come and go, styles flip, small nodes are added), spread over time so the
 * debounced scans run.
 */
function mutate(tab: Page, spec: QuietSpec): Promise<MutationRun> {
  return tab.evaluate(async ({ list, row, body }) => {
    const api = window.__webmailBench;
    await api.sleep(300);
    api.observerMs.length = 0;
    api.timerMs.length = 0;
    const batches0 = api.stats.batches;
    const calls0 = api.classifyCalls;
    const yieldTask = () =>
      new Promise<void>((r) => {
        const c = new MessageChannel();
        c.port1.onmessage = () => r();
        c.port2.postMessage(0);
      });
    const rows = document.querySelector(list) as Element;
    const template = document.querySelector(row) as Element;
    const bodies = [...document.querySelectorAll(body)];
    const N = 2000;
    for (let i = 0; i < N; i++) {
      switch (i % 4) {
        case 0:
          rows.append(template.cloneNode(true));
          break;
        case 1:
          rows.lastElementChild?.remove();
          break;
        case 2:
          (rows.children[i % rows.children.length] as HTMLElement).style.backgroundColor =
            i % 8 ? '#fff' : '#eee';
          break;
        default: {
          const s = document.createElement('span');
          s.textContent = String(i);
          (bodies[i % bodies.length] as Element).parentElement?.append(s);
          break;
        }
      }
      await yieldTask(); // each iteration is its own mutation batch
      if (i % 10 === 9) await api.sleep(8); // spread over time, so debounced scans run
    }
    await api.sleep(300);
    return {
      isolated: crossOriginIsolated,
      batches: api.stats.batches - batches0,
      observerMs: [...api.observerMs],
      timerMs: [...api.timerMs],
      classifyCalls: api.classifyCalls - calls0,
    };
  }, spec);
}

function mutationBench(m: MutationRun): MutationBench {
  const observerTotal = m.observerMs.reduce((a, b) => a + b, 0);
  const scanTotal = m.timerMs.reduce((a, b) => a + b, 0);
  return {
    clockIsolated: m.isolated,
    batches: m.batches,
    scans: m.timerMs.length,
    observerCallbackMedianMs: round(median(m.observerMs), 4),
    scanMedianMs: round(median(m.timerMs), 4),
    scanP90Ms: round(quantile(m.timerMs, 0.9), 4),
    amortizedPerBatchMs: round((observerTotal + scanTotal) / Math.max(1, m.batches), 4),
    targetMs: 0.1,
    classifierCalls: m.classifyCalls,
  };
}

/** Any Bounce Lens badge host. */
const BADGE = '[data-bounce-lens="badge"]';

/** One latency sample: how a message is put into the page, and which badge to wait for. */
interface Insert {
  /** <template> whose content is the message (cloned at each sample). */
  template: string;
  /** Where it goes. */
  into: string;
  /** Replace what is there (Outlook's reading pane) rather than append (a message in a Gmail thread). */
  replace: boolean;
  /** The badge to wait for. */
  badge: string;
  /** Outlook: a new item URL, and this tag added to the CONV_/MSG_ ids (keys no sample used before). */
  url?: string;
  idTag?: string;
}

/**
 * Page-side (passed to page.evaluate): insert a message and resolve with the milliseconds until its
 * badge is in the DOM. Everything before the clock starts (URL, cloning, ids) is the test's setup.
 */
function timeToBadge(a: Insert): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    if (a.url) history.pushState({}, '', a.url);
    const frag = (document.getElementById(a.template) as HTMLTemplateElement).content.cloneNode(
      true,
    ) as DocumentFragment;
    if (a.idTag) {
      for (const el of frag.querySelectorAll('[id^="CONV_"], [id^="MSG_"]')) {
        el.id = el.id.replace(/^(CONV|MSG)_/, `$1_${a.idTag}`);
      }
    }
    const target = document.querySelector(a.into) as Element;
    const timeout = setTimeout(() => reject(new Error(`no badge for ${a.template}`)), 20_000);
    const obs = new MutationObserver(() => {
      if (!document.querySelector(a.badge)) return;
      obs.disconnect();
      clearTimeout(timeout);
      resolve(performance.now() - t0);
    });
    obs.observe(document.body, { childList: true, subtree: true });
    const t0 = performance.now();
    if (a.replace) target.replaceChildren(frag);
    else target.append(frag);
  });
}

interface OutlookSample {
  file: string;
  ms: number;
}

async function outlookLatency(tab: Page, runs: number): Promise<OutlookSample[]> {
  const out: OutlookSample[] = [];
  let n = 0;
  for (let run = 0; run < runs; run++) {
    for (const [i, file] of OUTLOOK_LATENCY.entries()) {
      n++;
      // A new item URL, as Outlook's router sets when a message is opened, and ids no earlier
      // sample used (the runtime handles each message key once).
      const ms = await tab.evaluate(timeToBadge, {
        template: `ol-bench-${i}`,
        into: `#${PANE_ID}`,
        replace: true,
        badge: BADGE,
        url: `/mail/inbox/id/AAQkBENCH${String(n).padStart(6, '0')}`,
        idTag: `bench${n}x`,
      });
      out.push({ file, ms });
      await tab.evaluate((pane) => document.getElementById(pane)?.replaceChildren(), PANE_ID);
      await tab.waitForFunction((badge) => !document.querySelector(badge), BADGE);
    }
  }
  return out;
}

async function browserRuns(runs: number) {
  const latency = latencyPage(runs);
  const quiet = quietPage();
  const olLatency = outlookLatencyPage();
  const olQuiet = outlookQuietPage();
  await closeWindows();
  const pageBundle = await build({
    entryPoints: [join(ROOT, 'bench', 'webmail-page.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    write: false,
    logLevel: 'silent',
  });
  const pageScript = pageBundle.outputFiles[0]?.text ?? '';

  const isolatedHeaders = {
    'content-type': 'text/html; charset=utf-8',
    // Cross-origin isolation gives performance.now() ~5 us resolution instead of 100 us.
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
  };
  const server = await startServer((req, res, url) => {
    const fixture = url.searchParams.get('fixture');
    const bench = url.searchParams.get('bench');
    if (url.hostname === 'mail.google.com') {
      if (!url.searchParams.has('view') && (fixture === 'bench-latency' || fixture === 'bench-quiet')) {
        res.writeHead(200, {
          ...isolatedHeaders,
          'set-cookie': 'SID=e2e; Path=/; Secure; HttpOnly; SameSite=Lax',
        });
        res.end(fixture === 'bench-latency' ? latency.html : quiet);
        return;
      }
      gmailHandler(req, res, url);
      return;
    }
    if (bench === 'ol-latency' || bench === 'ol-quiet') {
      res.writeHead(200, isolatedHeaders);
      res.end(bench === 'ol-latency' ? olLatency : olQuiet);
      return;
    }
    outlookHandler(req, res, url);
  });
  const browser = await launchWithExtension(server.port);
  // tsx keeps function names with a `__name` helper that page.evaluate'd functions would miss.
  await browser.context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  try {
    // Latency: insert each bounce into the open thread and wait for its badge (page-side clock).
    const page = await browser.newPage();
    await page.goto(`https://mail.google.com/mail/u/0/?fixture=bench-latency#${BENCH_ROUTE}`);
    await page.waitForTimeout(800);
    const results: (Sample & { ms: number })[] = [];
    for (const s of latency.samples) {
      const ms = await page.evaluate(timeToBadge, {
        template: s.template,
        into: `[data-route="${BENCH_ROUTE}"] [role="list"]`,
        replace: false,
        badge: `${BADGE}[data-message-key="gmail:${s.hex}"]`,
      });
      results.push({ ...s, ms });
      await page.evaluate((hex) => {
        document.querySelector(`[data-legacy-message-id="${hex}"]`)?.closest('[role="listitem"]')?.remove();
      }, s.hex);
      await page.waitForFunction(() => document.querySelectorAll('[data-bounce-lens]').length === 0);
    }
    await page.close();

    // Outlook latency: swap each bounce's reading pane in and wait for its badge.
    const olPage = await browser.newPage();
    await olPage.goto(`${OUTLOOK_BENCH_URL}?bench=ol-latency`);
    await olPage.waitForTimeout(800);
    const outlook = await outlookLatency(olPage, runs);
    await olPage.close();

    // Mutations on a Gmail page and on an Outlook page with no bounce.
    const quietTab = await browser.newPage();
    await quietTab.goto('https://mail.google.com/mail/u/0/?fixture=bench-quiet#inbox/FMfcgzQUIET');
    await quietTab.addScriptTag({ content: pageScript });
    const m = await mutate(quietTab, { list: 'table.F tbody', row: 'table.F tbody > tr', body: '.a3s' });
    await quietTab.close();

    const olQuietTab = await browser.newPage();
    await olQuietTab.goto(`${OUTLOOK_BENCH_URL}?bench=ol-quiet`);
    await olQuietTab.addScriptTag({ content: pageScript });
    const olm = await mutate(olQuietTab, {
      list: '#MailList [role="listbox"]',
      row: '#MailList [role="option"][aria-selected="false"]',
      body: '[id^="UniqueMessageBody"]',
    });
    await olQuietTab.close();
    return { results, mutations: m, outlook, outlookMutations: olm };
  } finally {
    await browser.close();
    await server.close();
  }
}

// ---- in-process classifier (reference) --------------------------------------------------------

async function classifierInProcess(): Promise<WebmailBench['classifierInProcess']> {
  const raws = Object.values(LATENCY_MESSAGES).map((m) => RAW[m.hex]?.raw as Buffer);
  const rawMs: number[] = [];
  const visMs: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const raw of raws) {
      let t = performance.now();
      await classifyRaw(new Uint8Array(raw), { policy: 'rfc' });
      rawMs.push(performance.now() - t);
      const text = notificationText(raw.toString('latin1'));
      t = performance.now();
      classifyVisible({ text, from: 'MAILER-DAEMON' }, { policy: 'rfc' });
      visMs.push(performance.now() - t);
    }
  }
  return {
    rawMedianMs: round(median(rawMs.slice(raws.length))),
    visibleMedianMs: round(median(visMs.slice(raws.length))),
  };
}

// ---- main -------------------------------------------------------------------------------------

export async function benchWebmail(opts: { build?: boolean; runs?: number } = {}): Promise<WebmailBench> {
  const runs = opts.runs ?? 10;
  if (opts.build !== false || !existsSync(join(EXT_DIR, 'manifest.json'))) {
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
  }
  const size = await sizes();
  const { results, mutations, outlook, outlookMutations } = await browserRuns(runs);
  const raw = results.filter((r) => r.via === 'om').map((r) => r.ms);
  const vis = results.filter((r) => r.via === 'none').map((r) => r.ms);
  const perMessage: WebmailBench['latency']['perMessage'] = {};
  for (const label of Object.keys(LATENCY_MESSAGES)) {
    perMessage[label] = {
      rawMs: round(median(results.filter((r) => r.label === label && r.via === 'om').map((r) => r.ms)), 1),
      visibleMs: round(
        median(results.filter((r) => r.label === label && r.via === 'none').map((r) => r.ms)),
        1,
      ),
    };
  }
  const olPerMessage: Record<string, number> = {};
  for (const file of OUTLOOK_LATENCY) {
    olPerMessage[file] = round(median(outlook.filter((r) => r.file === file).map((r) => r.ms)), 1);
  }
  const olMs = outlook.map((r) => r.ms);
  return {
    size,
    latency: {
      runsPerMessage: runs,
      messages: Object.keys(LATENCY_MESSAGES),
      rawMedianMs: round(median(raw.slice(1)), 1),
      rawP90Ms: round(quantile(raw.slice(1), 0.9), 1),
      visibleMedianMs: round(median(vis), 1),
      visibleP90Ms: round(quantile(vis, 0.9), 1),
      firstMs: round(results[0]?.ms ?? Number.NaN, 1),
      perMessage,
      debounceMs: DEFAULT_DEBOUNCE_MS,
      targetMs: LATENCY_TARGET_MS,
    },
    mutations: mutationBench(mutations),
    outlook: {
      latency: {
        runsPerMessage: runs,
        messages: OUTLOOK_LATENCY,
        medianMs: round(median(olMs), 1),
        p90Ms: round(quantile(olMs, 0.9), 1),
        perMessage: olPerMessage,
        debounceMs: DEFAULT_DEBOUNCE_MS,
        targetMs: LATENCY_TARGET_MS,
      },
      mutations: mutationBench(outlookMutations),
    },
    classifierInProcess: await classifierInProcess(),
  };
}

function mutationLines(where: string, m: MutationBench): string[] {
  return [
    `DOM mutations on ${where} with no bounce (${m.batches} batches, ${m.scans} scans)`,
    `  observer callback      median ${m.observerCallbackMedianMs === 0 && m.clockIsolated ? '< 0.005' : m.observerCallbackMedianMs} ms`,
    `  scan                   median ${m.scanMedianMs} ms   p90 ${m.scanP90Ms} ms`,
    `  per batch, amortized   ${m.amortizedPerBatchMs} ms (target <= ${m.targetMs} ms); classifier calls: ${m.classifierCalls}`,
  ];
}

export function table(b: WebmailBench): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const ol = b.outlook.latency;
  const lines = [
    'Bounce Lens: webmail bench (medians)',
    '',
    'Size (gzip -9)',
    ...Object.entries(b.size.contentScripts).map(
      ([f, s]) => `  content-scripts/${f.padEnd(22)} ${kb(s.gzip).padStart(9)}  (${kb(s.bytes)} raw)`,
    ),
    `  on every Gmail page (target <= ${kb(b.size.targetGzip)}) ${kb(b.size.gmailContentScriptGzip).padStart(9)}`,
    `  on every Outlook page (target <= ${kb(b.size.targetGzip)}) ${kb(b.size.outlookContentScriptGzip).padStart(7)}`,
    `  background.js                      ${kb(b.size.background.gzip).padStart(9)}  (${kb(b.size.background.bytes)} raw)`,
    `  classifier if bundled in page      ${kb(b.size.classifierBundle.gzip).padStart(9)}  (${kb(b.size.classifierBundle.bytes)} raw)`,
    '',
    `Gmail: body in DOM -> badge, Chromium, ${b.latency.runsPerMessage} runs x ${b.latency.messages.length} bounces (target <= ${b.latency.targetMs} ms; includes ${b.latency.debounceMs} ms coalescing)`,
    `  raw source path        median ${b.latency.rawMedianMs} ms   p90 ${b.latency.rawP90Ms} ms`,
    `  visible-text path      median ${b.latency.visibleMedianMs} ms   p90 ${b.latency.visibleP90Ms} ms`,
    `  first badge of session ${b.latency.firstMs} ms (service worker cold)`,
    ...Object.entries(b.latency.perMessage).map(
      ([l, v]) =>
        `    ${l.padEnd(36)} raw ${String(v.rawMs).padStart(6)} ms   visible ${String(v.visibleMs).padStart(6)} ms`,
    ),
    '',
    `Outlook: body in DOM -> badge, Chromium, ${ol.runsPerMessage} runs x ${ol.messages.length} fixture pages (target <= ${ol.targetMs} ms; includes ${ol.debounceMs} ms coalescing)`,
    `  visible-text path      median ${ol.medianMs} ms   p90 ${ol.p90Ms} ms`,
    ...Object.entries(ol.perMessage).map(([f, ms]) => `    ${f.padEnd(36)} ${String(ms).padStart(6)} ms`),
    '',
    ...mutationLines('a Gmail page', b.mutations),
    '',
    ...mutationLines('an Outlook page', b.outlook.mutations),
    '',
    'Classifier in-process (node, reference)',
    `  classifyRaw median ${b.classifierInProcess.rawMedianMs} ms   classifyVisible median ${b.classifierInProcess.visibleMedianMs} ms`,
  ];
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const runsArg = args.indexOf('--runs');
  benchWebmail({
    build: !args.includes('--no-build'),
    runs: runsArg >= 0 ? Number(args[runsArg + 1]) : undefined,
  }).then(
    (b) => {
      console.log(JSON.stringify(b, null, 2));
      if (!args.includes('--json')) console.log(`\n${table(b)}`);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
