/**
 * Outlook on the web end to end: the built extension in Debian's Chromium on the four real Outlook
 * hosts, served from loopback by a fake Outlook (test/e2e/outlook-server.ts) with the fixture pages
 * of test/fixtures/outlook (real bounces from the corpus).
 * Run: npm run e2e (builds first), or after `npx wxt build`:
 *   npx vitest run -c test/e2e/vitest.config.ts test/e2e/outlook.e2e.ts
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTLOOK_HOSTS } from '../../webmail/outlook';
import { type Browser, type FakeServer, foreignRequests, launchWithExtension, TMP } from './harness';
import { OUTLOOK_FIXTURES, outlookUrl, startOutlookServer } from './outlook-server';

let server: FakeServer;
let browser: Browser;
const dialogs: string[] = [];

beforeAll(async () => {
  server = await startOutlookServer();
  browser = await launchWithExtension(server.port);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Attrs = Record<string, string>;

const BADGE = '[data-bounce-lens="badge"]';

/** Every element carrying data-bounce-lens, with its data-* attributes. */
function lensElements(page: Page): Promise<Attrs[]> {
  return page.$$eval('[data-bounce-lens]', (els) =>
    els.map((e) =>
      Object.fromEntries(
        [...e.attributes].filter((a) => a.name.startsWith('data-')).map((a) => [a.name, a.value]),
      ),
    ),
  );
}

async function waitBadges(page: Page, count = 1): Promise<Attrs[]> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-bounce-lens="badge"]').length >= n,
    count,
    {
      timeout: 20_000,
    },
  );
  return lensElements(page);
}

/** Give the extension time to finish (it has had its chance to mount a badge). */
const settle = (page: Page) => page.waitForTimeout(1500);

async function open(file: string, opts: { spa?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(outlookUrl(file, opts));
  return page;
}

/** Where the badge host sits: beside the subject heading, or in a message card header. */
function placement(page: Page) {
  return page.$eval(BADGE, (h) => ({
    afterSubject: h.previousElementSibling?.matches('[role="heading"][id$="_SUBJECT"]') ?? false,
    afterFrom: h.previousElementSibling?.matches('[id^="MSG_"][id$="_FROM"]') ?? false,
    insideBody: h.closest('[id^="UniqueMessageBody"]') !== null,
    lightDomChildren: h.children.length,
    shadowText: h.shadowRoot?.textContent ?? '',
  }));
}

describe('Outlook: a bounce in the reading pane is recognised and the verdict overlaid', () => {
  it('classic Office 365 NDR on outlook.cloud.microsoft: badge beside the subject, from the visible text', async () => {
    const page = await open('o365-classic-5.1.10.html');
    const [a] = await waitBadges(page);
    expect(a).toMatchObject({
      'data-bounce-lens': 'badge',
      'data-status': '5.1.10',
      'data-reply-code': '550',
      'data-recipient': 'kijitora@example.com',
      'data-recipient-count': '1',
      'data-source': 'visible-text',
      'data-theme': 'light',
    });
    expect(a?.['data-message-key']).toMatch(/^outlook:c=AAQk/);
    const place = await placement(page);
    expect(place).toMatchObject({ afterSubject: true, insideBody: false, lightDomChildren: 0 });
    expect(place.shadowText).toContain('5.1.10');
    await settle(page);
    expect(await lensElements(page)).toHaveLength(1);
    await page.screenshot({ path: join(TMP, 'outlook-badge.png') });
    await page.close();
  });

  it.each([
    ['outlook.live.com', 'outlookcom-dsn-failure.html', { 'data-recipient': 'kijitora@example.jp' }],
    [
      'outlook.office.com',
      'converted-postfix-5.1.1.html',
      { 'data-status': '5.1.1', 'data-recipient': 'kijitora@example.co.jp' },
    ],
    [
      'outlook.office365.com',
      'exchange2007-5.7.1.html',
      { 'data-status': '5.7.1', 'data-recipient': 'neko-nyaan@example.jp' },
    ],
  ])('runs on %s (%s)', async (host, file, want) => {
    expect(new URL(outlookUrl(file)).hostname).toBe(host);
    const page = await open(file);
    const [a] = await waitBadges(page);
    expect(a).toMatchObject(want);
    await page.close();
  });

  it('a message opened full-window (/mail/inbox/id/<ItemId>, no list, no reading pane split)', async () => {
    const page = await open('full-window-5.4.312.html');
    const [a] = await waitBadges(page);
    expect(a).toMatchObject({
      'data-status': '5.4.312',
      'data-reply-code': '550',
      'data-recipient': 'neko@libsisimai.org',
    });
    expect(a?.['data-message-key']).toContain('i=AAkALgAAAAAAHYQDEapmEc2byACqAC/EWg0A');
    expect((await placement(page)).afterSubject).toBe(true);
    await page.close();
  });

  it.each([
    ['de-unzustellbar-5.1.1.html', 'kijitora@example.onmicrosoft.com', '5.1.1'],
    ['ja-haishin-funou-5.1.351.html', 'azumakuniyuki@example.ne.jp', '5.1.351'],
    ['fr-non-remis-5.1.1.html', 'transports@agglo-saumur.fr', '5.1.1'],
  ])('a localised NDR with the Outlook UI in that language (%s)', async (file, recipient, status) => {
    const page = await open(file);
    const [a] = await waitBadges(page);
    expect(a).toMatchObject({ 'data-recipient': recipient, 'data-status': status, 'data-reply-code': '550' });
    await page.close();
  });

  it('a conversation: only the NDR gets a badge, in its own header; the sent message and the draft get none', async () => {
    const page = await open('conversation-multi.html');
    const [a] = await waitBadges(page);
    expect(a).toMatchObject({ 'data-recipient': 'mikeneko@example.co.jp', 'data-status': '5.1.1' });
    await settle(page);
    expect(await lensElements(page)).toHaveLength(1);
    const place = await placement(page);
    expect(place.afterFrom).toBe(true);
    const card = await page.$eval(
      BADGE,
      (h) => h.closest('.card')?.querySelector('[id^="UniqueMessageBody"]')?.id,
    );
    expect(card).toBe('UniqueMessageBody_3');
    await page.screenshot({ path: join(TMP, 'outlook-conversation.png'), fullPage: true });
    await page.close();
  });

  it('follows the dark theme', async () => {
    const page = await open('dark-theme-5.4.316.html');
    const [a] = await waitBadges(page);
    expect(a?.['data-theme']).toBe('dark');
    expect(a?.['data-status']).toBe('5.4.316');
    await page.screenshot({ path: join(TMP, 'outlook-dark.png') });
    await page.close();
  });
});

describe('Outlook: not bounces', () => {
  it.each([['nonbounce-quotes-smtp-code.html'], ['automatic-reply.html'], ['hidden-stale-pane.html']])(
    '%s gets no badge',
    async (file) => {
      const page = await open(file);
      await page.waitForSelector('[id^="UniqueMessageBody"]', { state: 'attached' });
      await settle(page);
      expect(await lensElements(page)).toEqual([]);
      await page.close();
    },
  );
});

describe('Outlook: navigation without a reload (history.pushState)', () => {
  it('badges follow the opened message, old ones are removed, none duplicated, Back restores', async () => {
    const page = await open('nonbounce-quotes-smtp-code.html', { spa: true });
    await page.waitForFunction(
      () => typeof (window as unknown as { __olGo?: unknown }).__olGo === 'function',
    );
    await settle(page);
    expect(await lensElements(page)).toEqual([]);
    const go = (file: string) =>
      page.evaluate(
        (u) => (window as unknown as { __olGo(u: string): Promise<void> }).__olGo(u),
        new URL(outlookUrl(file)).pathname,
      );

    await go('o365-exo-new-5.1.10.html');
    const [first] = await waitBadges(page);
    expect(first).toMatchObject({
      'data-recipient': 'kijitora-nyaan@neko.kyoto.example.jp',
      'data-status': '5.1.10',
    });
    expect(new URL(page.url()).pathname).toBe(new URL(outlookUrl('o365-exo-new-5.1.10.html')).pathname);

    await go('de-unzustellbar-5.1.1.html');
    await page.waitForSelector(`${BADGE}[data-recipient="kijitora@example.onmicrosoft.com"]`, {
      state: 'attached',
    });
    await settle(page);
    expect((await lensElements(page)).map((a) => a['data-recipient'])).toEqual([
      'kijitora@example.onmicrosoft.com',
    ]);

    await go('nonbounce-quotes-smtp-code.html');
    await page.waitForFunction(() => document.querySelectorAll('[data-bounce-lens]').length === 0);

    await page.goBack();
    await page.waitForSelector(`${BADGE}[data-recipient="kijitora@example.onmicrosoft.com"]`, {
      state: 'attached',
    });
    await settle(page);
    expect(await lensElements(page)).toHaveLength(1);
    await page.close();
  });
});

describe('Outlook: hostile content', () => {
  it('markup and script in the diagnostic show as text and never run; look-alike ids are ignored', async () => {
    const page = await open('hostile-content.html');
    await waitBadges(page);
    const before = await lensElements(page);
    expect(before).toHaveLength(1);
    // Never inside the mail body, always beside Outlook's own subject.
    expect(await placement(page)).toMatchObject({ afterSubject: true, insideBody: false });
    await page.locator(`${BADGE} button[aria-expanded]`).click();
    const panel = page.locator(`${BADGE} .bl-panel`);
    await panel.waitFor({ state: 'visible' });
    expect(await panel.textContent()).toContain(
      "<script>alert('owned')</script><img src=x onerror=alert(1)>",
    );
    const active = await page.$eval(
      BADGE,
      (h) => h.shadowRoot?.querySelectorAll('img, svg, script, iframe, object, embed').length ?? -1,
    );
    expect(active).toBe(0);
    await settle(page);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(0);
    await page.screenshot({ path: join(TMP, 'outlook-hostile.png') });
    await page.close();
  });
});

describe('Outlook: privacy and page safety', () => {
  it('every request went to the Outlook page origins (or the extension itself); nothing asked for a message source', () => {
    expect(browser.requests.length).toBeGreaterThan(0);
    expect(foreignRequests(browser.requests, [...OUTLOOK_HOSTS], browser.extensionId)).toEqual([]);
    const hosts = new Set(server.log.map((r) => r.host));
    for (const h of hosts) expect(OUTLOOK_HOSTS as readonly string[]).toContain(h);
    // Only pages, the test router script and the pages' proxied images: no service.svc, no Graph.
    const pages = new Set(OUTLOOK_FIXTURES.map((f) => new URL(f.url).pathname));
    const other = server.log.filter(
      (r) =>
        !pages.has(r.url.pathname) &&
        !['/actions/ei', '/__e2e/spa.js', '/favicon.ico'].includes(r.url.pathname),
    );
    expect(other.map((r) => `${r.method} ${r.host}${r.url.pathname}`)).toEqual([]);
  });

  it('no page error came from the extension', () => {
    expect(browser.console.filter((l) => /pageerror|Trusted Types/i.test(l))).toEqual([]);
  });
});
