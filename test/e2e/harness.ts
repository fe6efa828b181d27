/**
 * Real-browser harness shared by the webmail e2e tests: a self-signed certificate for the webmail
 * hosts, a loopback HTTPS server, and Debian's Chromium with the built extension, every hostname
 * mapped to that server (`MAP * ~NOTFOUND` for everything else). Every network request the browser
 * makes is recorded, so tests can assert that nothing leaves for another host.
 * Recipe: ../shared/docs/toolchain.md section 3.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { OUTLOOK_HOSTS } from '../../webmail/outlook';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TMP = join(ROOT, 'test', 'e2e', '.tmp');
export const EXT_DIR = process.env.EXT_DIR ?? join(ROOT, '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Every webmail host the extension runs on: each is mapped to the local fixture server. */
export const WEBMAIL_HOSTS: string[] = ['mail.google.com', ...OUTLOOK_HOSTS];

export function ensureCert(): { key: Buffer; cert: Buffer } {
  const dir = join(TMP, 'cert');
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  if (!existsSync(key) || !existsSync(cert)) {
    mkdirSync(dir, { recursive: true });
    const san = WEBMAIL_HOSTS.map((h) => `DNS:${h}`).join(',');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '30',
        '-subj',
        '/CN=bounce-lens-e2e',
        '-addext',
        `subjectAltName=${san}`,
      ],
      { stdio: 'ignore' },
    );
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

export interface ServedRequest {
  method: string;
  host: string;
  url: URL;
  cookie: string;
  at: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => unknown;

export interface FakeServer {
  port: number;
  log: ServedRequest[];
  close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<FakeServer> {
  const log: ServedRequest[] = [];
  const server = createServer(ensureCert(), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host || 'invalid'}`);
    log.push({ method: req.method ?? 'GET', host, url, cookie: req.headers.cookie ?? '', at: Date.now() });
    Promise.resolve(handler(req, res, url)).catch((err) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    log,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export interface Browser {
  context: BrowserContext;
  extensionId: string;
  /** Every request the browser made (pages, frames, workers, the extension), as URLs. */
  requests: string[];
  /** Console messages and page errors from every page. */
  console: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchWithExtension(port: number): Promise<Browser> {
  if (!existsSync(join(EXT_DIR, 'manifest.json')))
    throw new Error(`no built extension in ${EXT_DIR}: run wxt build`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install -y chromium`);
  mkdirSync(TMP, { recursive: true });
  const profile = mkdtempSync(join(TMP, 'profile-'));
  // Report service-worker (extension background) requests as context requests too.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const rules = [...WEBMAIL_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND'].join(', ');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    args: [
      '--headless=new',
      `--disable-extensions-except=${EXT_DIR}`,
      `--load-extension=${EXT_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--host-resolver-rules=${rules}`,
      '--ignore-certificate-errors',
    ],
    viewport: { width: 1200, height: 900 },
  });
  const requests: string[] = [];
  const consoleLines: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const watch = (page: Page): void => {
    page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
  };
  context.on('page', watch);
  for (const p of context.pages()) watch(p);
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    requests,
    console: consoleLines,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Hosts (or chrome-extension://id) of every recorded request that is not on an allowed origin. */
export function foreignRequests(requests: string[], allowedHosts: string[], extensionId: string): string[] {
  return requests.filter((u) => {
    const url = new URL(u);
    if (url.protocol === 'chrome-extension:') return url.host !== extensionId;
    if (url.protocol === 'data:' || url.protocol === 'blob:' || u === 'about:blank') return false;
    return !(url.protocol === 'https:' && allowedHosts.includes(url.hostname));
  });
}
