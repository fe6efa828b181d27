/**
 * Gmail end to end: the built extension in Debian's Chromium on https://mail.google.com/..., served
 * from loopback by a fake Gmail (test/e2e/gmail-server.ts) with real bounces from the corpus.
 * Run: npm run e2e:gmail (builds first).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decimalId } from '../fixtures/gmail/build';
import { IK, MESSAGES, THREADS } from '../fixtures/gmail/scenarios';
import { gmailUrl, startGmailServer } from './gmail-server';
import { type Browser, type FakeServer, foreignRequests, launchWithExtension, ROOT, TMP } from './harness';

let server: FakeServer;
let browser: Browser;

beforeAll(async () => {
  server = await startGmailServer();
  browser = await launchWithExtension(server.port);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Attrs = Record<string, string>;

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

const badgeSel = (hex: string) => `[data-bounce-lens="badge"][data-message-key="gmail:${hex}"]`;

async function waitBadge(page: Page, hex: string): Promise<Attrs> {
  await page.waitForSelector(badgeSel(hex), { state: 'attached', timeout: 20_000 });
  const all = await lensElements(page);
  return all.find((a) => a['data-message-key'] === `gmail:${hex}`) as Attrs;
}

/** Requests the fake Gmail got for one message's raw source. */
function rawRequests(hex: string) {
  const dec = decimalId(hex);
  return server.log.filter(
    (r) =>
      (r.url.searchParams.get('view') === 'om' && r.url.searchParams.get('permmsgid') === `msg-f:${dec}`) ||
      (r.url.searchParams.get('view') === 'att' && r.url.searchParams.get('th') === hex),
  );
}

async function waitFor(check: () => boolean, what: string, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Give the extension time to finish (it has had its chance to mount a badge). */
const settle = (page: Page) => page.waitForTimeout(1200);

async function open(fixture: string, route?: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(gmailUrl(fixture, route));
  return page;
}

async function go(page: Page, route: string): Promise<void> {
  await page.evaluate((r) => {
    location.hash = r;
  }, route);
}

describe('Gmail: a bounce is recognised and the verdict overlaid', () => {
  it('with the raw source ("show original" with ik, same-origin session)', async () => {
    const page = await open('bounce-raw');
    const a = await waitBadge(page, MESSAGES.gmail01.hex);
    expect(a).toMatchObject({
      'data-bounce-lens': 'badge',
      'data-bounce': 'hard',
      'data-status': '5.1.1',
      'data-reply-code': '550',
      'data-reason': 'userunknown',
      'data-recipient': 'userunknown@example.jp',
      'data-recipient-count': '1',
      'data-source': 'raw',
    });
    // The stale hidden view holds another bounce: no badge there, nothing else marked.
    await settle(page);
    expect(await lensElements(page)).toHaveLength(1);
    // Exactly one raw request: "show original" with ik and the session cookie; no download needed.
    const raw = rawRequests(MESSAGES.gmail01.hex);
    expect(raw.map((r) => r.url.searchParams.get('view'))).toEqual(['om']);
    expect(raw[0]?.url.searchParams.get('ik')).toBe(IK);
    expect(raw[0]?.cookie).toContain('SID=e2e');
    expect(rawRequests(MESSAGES.stale.hex)).toHaveLength(0);
    // The badge sits beside the subject, in a shadow root, and says HARD in words.
    const place = await page.$eval(badgeSel(MESSAGES.gmail01.hex), (h) => ({
      besideSubject: h.previousElementSibling?.matches('h2.hP') ?? false,
      text: h.shadowRoot?.querySelector('button')?.textContent ?? '',
      lightDomChildren: h.children.length,
    }));
    expect(place.besideSubject).toBe(true);
    expect(place.text).toContain('HARD');
    expect(place.text).toContain('5.1.1');
    expect(place.lightDomChildren).toBe(0);
    await page.screenshot({ path: join(TMP, 'gmail-badge.png') });
    await page.close();
  });

  it('opens the panel from the keyboard, Escape closes it and returns focus; copy summary', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: 'https://mail.google.com',
    });
    const page = await open('bounce-raw');
    await waitBadge(page, MESSAGES.gmail01.hex);
    const button = page.locator(`${badgeSel(MESSAGES.gmail01.hex)} button[aria-expanded]`);
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    const panelId = (await button.getAttribute('aria-controls')) as string;
    const panel = page.locator(`${badgeSel(MESSAGES.gmail01.hex)} [id="${panelId}"]`);
    await panel.waitFor({ state: 'visible' });
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('userunknown@example.jp');
    expect(text).toContain('Bad destination mailbox address');
    // Visible focus ring on the focused button.
    const outline = await button.evaluate((b) => getComputedStyle(b).outlineStyle);
    expect(outline).not.toBe('none');
    await page.screenshot({ path: join(TMP, 'gmail-panel.png') });

    await page.locator(`${badgeSel(MESSAGES.gmail01.hex)} button:text("Copy summary")`).click();
    await page
      .locator(`${badgeSel(MESSAGES.gmail01.hex)} [role="status"]`)
      .filter({ hasText: 'copied' })
      .waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('userunknown@example.jp');

    await page.locator(`${badgeSel(MESSAGES.gmail01.hex)} button:text("Copy summary")`).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    const focused = await page.evaluate(() => {
      let a: Element | null = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a?.getAttribute('aria-expanded');
    });
    expect(focused).toBe('false');
    await page.close();
  });

  it('without the raw source: both raw URLs fail, the visible text is classified', async () => {
    const page = await open('bounce-no-raw');
    const a = await waitBadge(page, MESSAGES.postfix02.hex);
    expect(a).toMatchObject({
      'data-source': 'visible-text',
      'data-recipient': 'filtered@example.co.jp',
      'data-recipient-count': '2',
      'data-bounce': 'hard',
    });
    expect(rawRequests(MESSAGES.postfix02.hex).map((r) => r.url.searchParams.get('view'))).toEqual([
      'om',
      'att',
    ]);
    await page.close();
  });

  it('"download original" when "show original" is not available (no ik in the page)', async () => {
    const page = await open('bounce-download');
    const a = await waitBadge(page, MESSAGES.rhost03.hex);
    expect(a).toMatchObject({
      'data-source': 'raw',
      'data-status': '5.7.26',
      'data-reply-code': '550',
      'data-recipient': 'kijitora@google.example.com',
    });
    const raw = rawRequests(MESSAGES.rhost03.hex);
    expect(raw.map((r) => r.url.searchParams.get('view'))).toEqual(['om', 'att']);
    expect(raw[0]?.url.searchParams.has('ik')).toBe(false);
    const att = raw[1]?.url as URL;
    expect(att.searchParams.get('attid')).toBe('0');
    expect(att.searchParams.get('disp')).toBe('comp');
    expect(att.searchParams.get('safe')).toBe('1');
    expect(att.searchParams.has('zw')).toBe(true);
    expect(att.searchParams.get('cacheCounter')).toMatch(/^\d+$/);
    await page.close();
  });
});

describe('Gmail: not bounces', () => {
  it('ordinary mail quoting "550 5.1.1", an auto-reply and plain mail get nothing; a bounce after them does', async () => {
    const page = await open('not-bounce');
    // The quote passes the cheap pre-filter, so the raw source is fetched and classified: not a bounce.
    await waitFor(() => rawRequests(MESSAGES.ordinary.hex).length > 0, 'the ordinary mail to be checked');
    await settle(page);
    expect(await lensElements(page)).toEqual([]);
    await go(page, THREADS.autoreply.route);
    await page.waitForSelector(`[data-legacy-message-id="${MESSAGES.autoreply.hex}"]`);
    await settle(page);
    expect(await lensElements(page)).toEqual([]);
    await go(page, THREADS.plain.route);
    await page.waitForSelector(`[data-legacy-message-id="${MESSAGES.plain.hex}"]`);
    await settle(page);
    expect(await lensElements(page)).toEqual([]);
    // Positive control: the same page, a real bounce, a badge.
    await go(page, THREADS.gmail01.route);
    await waitBadge(page, MESSAGES.gmail01.hex);
    expect(await lensElements(page)).toHaveLength(1);
    await page.close();
  });
});

describe('Gmail: threads and navigation', () => {
  it('a thread with several messages: only the bounces get a badge; a bounce arriving later too', async () => {
    const page = await open('thread');
    await waitBadge(page, MESSAGES.gmail16.hex);
    await waitBadge(page, MESSAGES.postfix02.hex);
    await settle(page);
    const keys = (await lensElements(page)).map((a) => a['data-message-key']).sort();
    expect(keys).toEqual([`gmail:${MESSAGES.postfix02.hex}`, `gmail:${MESSAGES.gmail16.hex}`].sort());
    const full = (await lensElements(page)).find(
      (a) => a['data-message-key'] === `gmail:${MESSAGES.gmail16.hex}`,
    );
    expect(full).toMatchObject({ 'data-status': '5.2.2', 'data-recipient': 'mailboxfull@bouncehammer.jp' });
    // Each badge is inside its own message.
    const inside = await page.$$eval('[data-bounce-lens]', (els) =>
      els.map((e) => e.closest('[data-legacy-message-id]')?.getAttribute('data-legacy-message-id')),
    );
    expect(inside.sort()).toEqual([MESSAGES.postfix02.hex, MESSAGES.gmail16.hex].sort());

    // A delay notice arrives while the thread is open.
    await page.evaluate(
      (route) =>
        (
          window as unknown as { __fixture: { addMessage(id: string, r: string): void } }
        ).__fixture.addMessage('arrive-gmail09', route),
      THREADS.conversation.route,
    );
    const delay = await waitBadge(page, MESSAGES.gmail09.hex);
    expect(delay['data-bounce']).toBe('soft');
    expect(delay['data-recipient']).toBe('kijitora@9jo.example.jp');
    expect(await lensElements(page)).toHaveLength(3);
    await page.screenshot({ path: join(TMP, 'gmail-thread.png'), fullPage: true });
    await page.close();
  });

  it('badges follow navigation: old ones removed, none duplicated, raw fetched once per message', async () => {
    const logStart = server.log.length;
    const page = await open('navigation');
    await settle(page);
    expect(await lensElements(page)).toEqual([]);
    await page.click(`a[href="#${THREADS.gmail01.route}"]`);
    await waitBadge(page, MESSAGES.gmail01.hex);
    expect(await lensElements(page)).toHaveLength(1);

    await go(page, THREADS.ordinary.route);
    await page.waitForSelector(`[data-legacy-message-id="${MESSAGES.ordinary.hex}"]`);
    await page.waitForFunction(() => document.querySelectorAll('[data-bounce-lens]').length === 0);
    // Gmail keeps the old view, hidden: its message is still in the DOM, its badge is gone.
    expect(await page.$(`[data-legacy-message-id="${MESSAGES.gmail01.hex}"]`)).not.toBeNull();

    await go(page, THREADS.rhost03.route);
    await waitBadge(page, MESSAGES.rhost03.hex);
    expect((await lensElements(page)).map((a) => a['data-message-key'])).toEqual([
      `gmail:${MESSAGES.rhost03.hex}`,
    ]);

    await page.goBack();
    await page.goBack();
    await waitBadge(page, MESSAGES.gmail01.hex);
    await settle(page);
    expect((await lensElements(page)).map((a) => a['data-message-key'])).toEqual([
      `gmail:${MESSAGES.gmail01.hex}`,
    ]);
    // Cached per message: this page load fetched gmail01's source once, rhost03's once (om, then att).
    const sinceLoad = new Set(server.log.slice(logStart));
    expect(rawRequests(MESSAGES.gmail01.hex).filter((r) => sinceLoad.has(r))).toHaveLength(1);
    expect(rawRequests(MESSAGES.rhost03.hex).filter((r) => sinceLoad.has(r))).toHaveLength(2);
    await page.close();
  });

  it('follows the dark theme', async () => {
    const page = await open('dark');
    const a = await waitBadge(page, MESSAGES.gmail01.hex);
    expect(a['data-theme']).toBe('dark');
    const panelBg = await page.$eval(badgeSel(MESSAGES.gmail01.hex), (h) => {
      const root = h.shadowRoot?.querySelector('.bl') as Element;
      return getComputedStyle(root).getPropertyValue('--bl-bg').trim();
    });
    expect(panelBg).toBe('#2d2e30');
    await page.screenshot({ path: join(TMP, 'gmail-dark.png') });
    await page.close();
  });
});

describe('Gmail: hostile content', () => {
  it('markup and script in the diagnostic show as text and never run', async () => {
    const page = await open('hostile');
    await page.evaluate(() => {
      (window as unknown as { __blPwned?: number }).__blPwned = 0;
    });
    await waitBadge(page, MESSAGES.hostile.hex);
    await page.locator(`${badgeSel(MESSAGES.hostile.hex)} button[aria-expanded]`).click();
    const panel = page.locator(`${badgeSel(MESSAGES.hostile.hex)} .bl-panel`);
    await panel.waitFor({ state: 'visible' });
    expect(await panel.textContent()).toContain('<img src=x onerror="window.__blPwned=1">');
    const inShadow = await page.$eval(
      badgeSel(MESSAGES.hostile.hex),
      (h) => h.shadowRoot?.querySelectorAll('img, svg, script, iframe').length ?? -1,
    );
    expect(inShadow).toBe(0);
    await settle(page);
    expect(await page.evaluate(() => (window as unknown as { __blPwned?: number }).__blPwned)).toBe(0);
    await page.close();
  });
});

describe('Gmail: settings from the popup', () => {
  it('policy change re-renders the open badge; overlay off removes it; the paste box classifies locally', async () => {
    const page = await open('bounce-download');
    const before = await waitBadge(page, MESSAGES.rhost03.hex);
    expect(before['data-policy']).toBe('rfc');
    const popup = await browser.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByRole('radio', { name: /Recipient only/ }).check();
    await page.waitForSelector(`${badgeSel(MESSAGES.rhost03.hex)}[data-policy="recipient"]`);
    // An SPF rejection is not a bad address: soft under the recipient policy.
    expect((await lensElements(page))[0]?.['data-bounce']).toBe('soft');

    await popup.getByRole('checkbox', { name: /Show the bounce badge/ }).uncheck();
    await page.waitForFunction(() => document.querySelectorAll('[data-bounce-lens]').length === 0);
    await popup.getByRole('checkbox', { name: /Show the bounce badge/ }).check();
    await waitBadge(page, MESSAGES.rhost03.hex);
    await popup.getByRole('radio', { name: /RFC/ }).check();
    await page.waitForSelector(`${badgeSel(MESSAGES.rhost03.hex)}[data-policy="rfc"]`);

    const raw = readFileSync(join(ROOT, 'test', 'fixtures', 'corpus', 'lhost-gmail-01.eml'), 'utf8');
    await popup.getByRole('textbox', { name: /Paste a bounce/ }).fill(raw);
    await popup.getByRole('button', { name: 'Classify' }).click();
    const details = popup.getByRole('region', { name: 'Bounce details' });
    await details.waitFor();
    const text = (await details.textContent()) ?? '';
    expect(text).toContain('userunknown@example.jp');
    expect(text).toContain('5.1.1');
    await popup.screenshot({ path: join(TMP, 'popup.png'), fullPage: true });
    await popup.close();
    await page.close();
  });
});

describe('Gmail: privacy and page safety', () => {
  it('every request went to mail.google.com (or the extension itself)', () => {
    // The recorder sees the content script's own fetches (so a foreign one would show up here).
    expect(browser.requests.some((u) => u.includes('view=om') && u.includes('permmsgid='))).toBe(true);
    expect(foreignRequests(browser.requests, ['mail.google.com'], browser.extensionId)).toEqual([]);
    expect(new Set(server.log.map((r) => r.host))).toEqual(new Set(['mail.google.com']));
  });

  it('no Trusted Types violation or page error came from the extension', () => {
    const bad = browser.console.filter((l) => /TrustedHTML|Trusted Types|pageerror/i.test(l));
    expect(bad).toEqual([]);
  });
});
