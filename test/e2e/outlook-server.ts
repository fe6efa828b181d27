/**
 * A fake Outlook on the web for the e2e: serves the fixture pages of test/fixtures/outlook at their
 * real Outlook URLs (host + path from manifest.json) on the shared loopback HTTPS server.
 *
 * - `?spa=1` adds a small page script that behaves like Outlook's router: `window.__olGo(url)`
 *   swaps the reading pane and the message list for another fixture's (same host) and calls
 *   history.pushState; Back/Forward (popstate) swap them back. No hashchange, like Outlook.
 * - `/actions/ei?u=...` (the fixtures' proxied images) answers with an empty image, same origin.
 * - Anything else is a 404 and is logged, so the tests can assert the extension asked for nothing.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { type FakeServer, ROOT, startServer } from './harness';

const DIR = join(ROOT, 'test', 'fixtures', 'outlook');

interface ManifestEntry {
  file: string;
  url: string;
}

export const OUTLOOK_FIXTURES: ManifestEntry[] = JSON.parse(
  readFileSync(join(DIR, 'manifest.json'), 'utf8'),
) as ManifestEntry[];

/** host + pathname -> fixture file. */
const ROUTES = new Map(
  OUTLOOK_FIXTURES.map((f) => {
    const u = new URL(f.url);
    return [`${u.hostname}${u.pathname}`, f.file] as const;
  }),
);

/** The URL a fixture is served at. */
export function outlookUrl(file: string, opts: { spa?: boolean } = {}): string {
  const f = OUTLOOK_FIXTURES.find((x) => x.file === file);
  if (!f) throw new Error(`no Outlook fixture ${file}`);
  return opts.spa ? `${f.url}${f.url.includes('?') ? '&' : '?'}spa=1` : f.url;
}

/** Outlook-like client-side navigation for the fixture pages (test page script, not extension code). */
const SPA_SCRIPT = `
(() => {
  const swap = async (url) => {
    const res = await fetch(url, { credentials: 'same-origin' });
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    for (const id of ['ReadingPaneContainerId', 'MailList']) {
      const next = doc.getElementById(id);
      const cur = document.getElementById(id);
      if (next && cur) cur.replaceChildren(...[...next.childNodes].map((n) => document.importNode(n, true)));
    }
    document.title = doc.title;
  };
  window.__olGo = async (url) => {
    await swap(url);
    history.pushState({ url }, '', url);
  };
  window.addEventListener('popstate', () => { void swap(location.pathname); });
})();
`;

const PIXEL = Buffer.from('R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==', 'base64');

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): true {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
  return true;
}

export function outlookHandler(_req: IncomingMessage, res: ServerResponse, url: URL): true {
  if (url.pathname === '/actions/ei') return send(res, 200, 'image/gif', PIXEL);
  if (url.pathname === '/__e2e/spa.js') return send(res, 200, 'text/javascript; charset=utf-8', SPA_SCRIPT);
  const file = ROUTES.get(`${url.hostname}${url.pathname}`);
  if (!file) return send(res, 404, 'text/plain', 'not found');
  let html = readFileSync(join(DIR, file), 'utf8');
  if (url.searchParams.get('spa') === '1') {
    html = html.replace('</body>', '<script src="/__e2e/spa.js"></script>\n</body>');
  }
  return send(res, 200, 'text/html; charset=utf-8', html);
}

export function startOutlookServer(): Promise<FakeServer> {
  return startServer(outlookHandler);
}
