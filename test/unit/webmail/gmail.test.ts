import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { looksLikeRfc822 } from '../../../core/detect/input';
import {
  createGmailAdapter,
  downloadOriginalUrl,
  extractOriginalFromPage,
  fetchGmailRaw,
  findIk,
  gmailTheme,
  MAX_RAW_BYTES,
  mailBase,
  messageIds,
  messageKey,
  showOriginalUrl,
  unescapeHtml,
} from '../../../webmail/gmail';
import { esc } from '../../fixtures/gmail/build';
import { IK, MESSAGES, PAGES, pageHtml } from '../../fixtures/gmail/scenarios';
import { GMAIL_FIXTURES, loadPage, readFixture } from './helpers';

const PAGE = new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJGbvdkHZ');
const dec = (hex: string) => BigInt(`0x${hex}`).toString(10);
const corpus = (name: string) => readFileSync(join(GMAIL_FIXTURES, '..', 'corpus', name));

describe('Gmail fixture pages', () => {
  it('are up to date with test/fixtures/gmail/scenarios.ts (run generate.ts)', () => {
    for (const name of Object.keys(PAGES)) expect(readFixture(name), name).toBe(pageHtml(name));
  });
});

describe('Gmail adapter: open messages', () => {
  const adapter = createGmailAdapter({ fetch: vi.fn() });

  it('finds the open bounce and skips the stale hidden view and the thread list', () => {
    loadPage(readFixture('bounce-raw'));
    const open = adapter.findOpenMessages(document);
    expect(open.map((m) => m.key)).toEqual([`gmail:${MESSAGES.gmail01.hex}`]);
    expect(open[0]?.body.classList.contains('a3s')).toBe(true);
    // The stale view's message is in the DOM, with a body, but hidden.
    expect(document.querySelector(`[data-legacy-message-id="${MESSAGES.stale.hex}"] .a3s`)).not.toBeNull();
  });

  it('in a thread: only expanded messages with a loaded body, in document order', () => {
    loadPage(readFixture('thread'));
    const keys = adapter.findOpenMessages(document).map((m) => m.key);
    expect(keys).toEqual([
      `gmail:${MESSAGES.gmail16.hex}`,
      'gmail:18f3a1c2d4e5f612',
      `gmail:${MESSAGES.postfix02.hex}`,
    ]);
    // collapsed (me) and loading (a3s undefined) are not open
    expect(keys).not.toContain(`gmail:${MESSAGES.me.hex}`);
    expect(keys).not.toContain(`gmail:${MESSAGES.loading.hex}`);
  });

  it('a body that finishes loading becomes open', () => {
    loadPage(readFixture('thread'));
    const body = document.querySelector(`[data-legacy-message-id="${MESSAGES.loading.hex}"] .a3s`) as Element;
    body.classList.remove('undefined');
    body.textContent = 'loaded';
    expect(adapter.findOpenMessages(document).map((m) => m.key)).toContain(`gmail:${MESSAGES.loading.hex}`);
  });

  it('keys by the legacy hex id, or the msg-f id converted to it', () => {
    loadPage(readFixture('bounce-raw'));
    const el = document.querySelector(`[data-legacy-message-id="${MESSAGES.gmail01.hex}"]`) as Element;
    expect(messageKey(el)).toBe(`gmail:${MESSAGES.gmail01.hex}`);
    el.removeAttribute('data-legacy-message-id');
    expect(messageKey(el)).toBe(`gmail:${MESSAGES.gmail01.hex}`);
    expect(messageIds(el)).toEqual({ hex: MESSAGES.gmail01.hex, perm: `msg-f:${dec(MESSAGES.gmail01.hex)}` });
    el.setAttribute('data-message-id', '#msg-a:r123456');
    expect(messageKey(el)).toBeUndefined();
    el.setAttribute('data-message-id', '#msg-a:s:12290863930259651721');
    expect(messageKey(el)).toBe('gmail:msg-a:s:12290863930259651721');
    el.setAttribute('data-message-id', '#msg-f:s:123');
    expect(messageKey(el)).toBe('gmail:msg-f:s:123');
    el.setAttribute('data-message-id', 'garbage"]');
    expect(messageKey(el)).toBeUndefined();
  });

  it('matches Gmail only', () => {
    expect(adapter.matches(new URL('https://mail.google.com/mail/u/0/#inbox'))).toBe(true);
    expect(adapter.matches(new URL('https://mail.google.com/chat/u/0/'))).toBe(false);
    expect(adapter.matches(new URL('https://evil.example/mail/u/0/'))).toBe(false);
  });
});

describe('Gmail adapter: reading the message', () => {
  const adapter = createGmailAdapter({ fetch: vi.fn() });

  it('reads the Gmail card: subject from h2.hP (not the card heading), sender, text with line breaks', () => {
    loadPage(readFixture('bounce-raw'));
    const [msg] = adapter.findOpenMessages(document);
    const v = adapter.readVisible(msg as NonNullable<typeof msg>);
    expect(v.subject).toBe('Delivery Status Notification (Failure)');
    expect(v.from).toBe('mailer-daemon@googlemail.com');
    expect(v.fromName).toBe('Mail Delivery Subsystem');
    expect(v.text).toContain('Address not found');
    expect(v.text).toContain(
      "Your message wasn't delivered to userunknown@example.jp because the address couldn't be found",
    );
    expect(v.text).toMatch(
      /The response from the remote server was:\n\n550 5\.1\.1 <userunknown@example\.jp>\.\.\. User Unknown$/,
    );
    expect(v.text).not.toContain('Mail Delivery Subsystem');
  });

  it('reads a plain-text bounce line by line, keeping indentation, without the attachment chips', () => {
    loadPage(readFixture('bounce-no-raw'));
    const [msg] = adapter.findOpenMessages(document);
    const v = adapter.readVisible(msg as NonNullable<typeof msg>);
    expect(v.text.split('\n')).toContain(
      '<filtered@example.co.jp>: host mx.example.co.jp[192.0.2.153] said: 550 5.2.1',
    );
    expect(v.text.split('\n')).toContain(
      '    <filtered@example.co.jp>... User Unknown (in reply to RCPT TO command)',
    );
    expect(v.text).not.toContain('Undelivered Message.eml');
    expect(v.subject).toBe('Undelivered Mail Returned to Sender');
    expect(v.from).toBe('MAILER-DAEMON@smtp.example.com');
  });

  it('reads emoji in the subject from data-emoji', () => {
    loadPage(readFixture('bounce-raw'));
    const h2 = [...document.querySelectorAll('h2.hP')].find(
      (h) => h.closest('[style*="none"]') === null,
    ) as Element;
    const img = document.createElement('img');
    img.setAttribute('data-emoji', '📨');
    h2.append(' ', img);
    const [msg] = adapter.findOpenMessages(document);
    expect(adapter.readVisible(msg as NonNullable<typeof msg>).subject).toBe(
      'Delivery Status Notification (Failure) 📨',
    );
  });

  it('ignores sender-like spans inside the mail body', () => {
    loadPage(readFixture('bounce-raw'));
    const [msg] = adapter.findOpenMessages(document);
    const m = msg as NonNullable<typeof msg>;
    const fake = document.createElement('span');
    fake.className = 'gD';
    fake.setAttribute('email', 'attacker@example.com');
    m.body.prepend(fake);
    m.root.querySelector('.gE')?.remove();
    expect(adapter.readVisible(m).from).toBeUndefined();
  });
});

describe('Gmail adapter: badge slot and theme', () => {
  const adapter = createGmailAdapter({ fetch: vi.fn() });

  it('goes beside the subject when the conversation holds one message', () => {
    loadPage(readFixture('bounce-raw'));
    const [msg] = adapter.findOpenMessages(document);
    const slot = adapter.badgeSlot(msg as NonNullable<typeof msg>);
    expect(slot.parent.classList.contains('ha')).toBe(true);
    expect((slot.parent.querySelector('h2.hP') as Element).nextSibling).toBe(slot.before);
  });

  it('goes at the top of each message in a longer conversation', () => {
    loadPage(readFixture('thread'));
    for (const m of adapter.findOpenMessages(document)) {
      const slot = adapter.badgeSlot(m);
      expect(m.root.contains(slot.parent)).toBe(true);
      expect((slot.before as Element).classList.contains('ii')).toBe(true);
    }
  });

  it('follows the light and the dark theme', () => {
    loadPage(readFixture('bounce-raw'));
    expect(gmailTheme(document)).toBe('light');
    loadPage(readFixture('dark'));
    expect(gmailTheme(document)).toBe('dark');
  });
});

describe('Gmail raw source: URLs', () => {
  it('builds the account base path', () => {
    expect(mailBase(new URL('https://mail.google.com/mail/u/1/#inbox'))).toBe('/mail/u/1/');
    expect(mailBase(new URL('https://mail.google.com/mail/b/ABC-1_x/u/0/#inbox'))).toBe(
      '/mail/b/ABC-1_x/u/0/',
    );
    expect(mailBase(new URL('https://mail.google.com/mail/#inbox'))).toBe('/mail/u/0/');
  });

  it('builds "show original" and "download original" on mail.google.com', () => {
    const ids = { hex: 'abc123def4567890', perm: 'msg-f:123' };
    expect(showOriginalUrl(PAGE, ids, 'ff00')).toBe(
      'https://mail.google.com/mail/u/0/?ik=ff00&view=om&permmsgid=msg-f:123',
    );
    expect(showOriginalUrl(PAGE, ids)).toBe('https://mail.google.com/mail/u/0/?view=om&permmsgid=msg-f:123');
    expect(downloadOriginalUrl(PAGE, ids, 42)).toBe(
      'https://mail.google.com/mail/u/0/?view=att&th=abc123def4567890&attid=0&disp=comp&safe=1&zw&cacheCounter=42',
    );
  });

  it('reads ik from Gmail links only, never from mail content or other hosts', () => {
    loadPage(readFixture('bounce-raw'));
    expect(findIk(document)).toBe(IK);
    document.querySelector('a.print-all')?.remove();
    expect(findIk(document)).toBeUndefined();
    const body = document.querySelector('.a3s') as Element;
    const inMail = document.createElement('a');
    inMail.href = 'https://mail.google.com/mail/u/0/?ik=deadbeef00&view=pt';
    body.append(inMail);
    const other = document.createElement('a');
    other.href = 'https://evil.example/?ik=deadbeef01';
    document.body.append(other);
    const bad = document.createElement('a');
    bad.href = '/mail/u/0/?ik=<script>';
    document.body.append(bad);
    expect(findIk(document)).toBeUndefined();
  });
});

describe('Gmail raw source: parsing and validation', () => {
  it('unescapes entities in one pass', () => {
    expect(unescapeHtml('&lt;a&gt; &amp;lt; &quot;x&quot; &#39;y&#x27; &#128232; &bogus; &#0;')).toBe(
      '<a> &lt; "x" \'y\' 📨 &bogus; &#0;',
    );
  });

  it('extracts the raw text of "show original" without parsing HTML', () => {
    const raw = corpus('lhost-gmail-01.eml').toString('utf8');
    const html = `<html><body><div>SPF: PASS</div><pre class="raw_message_text" id="raw_message_text">${esc(raw)}</pre><a href="?view=att">Download Original</a></body></html>`;
    expect(extractOriginalFromPage(html)).toBe(raw);
    expect(extractOriginalFromPage('<pre id="raw_message_text">A: <wbr>b&amp;c</pre>')).toBe('A: b&c');
    expect(extractOriginalFromPage('<html>Sign in</html>')).toBeUndefined();
  });

  it('recognises an RFC 822 message and rejects HTML and prose', () => {
    for (const f of [
      'lhost-gmail-01.eml',
      'rhost-google-03.eml',
      'lhost-postfix-02.eml',
      'is-not-bounce-01.eml',
    ]) {
      expect(looksLikeRfc822(corpus(f).toString('latin1')), f).toBe(true);
    }
    expect(looksLikeRfc822('<!doctype html><html><body>Sign in</body></html>')).toBe(false);
    expect(looksLikeRfc822('Hello there\n\nThis is text.')).toBe(false);
    expect(looksLikeRfc822('Note: one\nTodo: two\n\nbody')).toBe(false);
    expect(looksLikeRfc822('')).toBe(false);
  });
});

describe('Gmail raw source: fetching', () => {
  const raw = corpus('lhost-gmail-01.eml');
  const ids = { hex: MESSAGES.gmail01.hex, perm: `msg-f:${dec(MESSAGES.gmail01.hex)}` };
  const omPage = `<html><body><pre id="raw_message_text">${esc(raw.toString('utf8'))}</pre></body></html>`;

  beforeEach(() => loadPage(readFixture('bounce-raw')));

  function fakeFetch(handler: (url: URL) => Response | Promise<Response>) {
    return vi.fn((input: RequestInfo | URL, _init?: RequestInit) =>
      Promise.resolve(handler(new URL(String(input)))),
    );
  }

  it('uses "show original" with ik first, same-origin credentials, no redirects', async () => {
    const f = fakeFetch(() => new Response(omPage));
    const bytes = await fetchGmailRaw(document, PAGE, ids, f);
    expect(new TextDecoder().decode(bytes)).toBe(raw.toString('utf8'));
    expect(f).toHaveBeenCalledTimes(1);
    const [url, init] = f.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(`https://mail.google.com/mail/u/0/?ik=${IK}&view=om&permmsgid=${ids.perm}`);
    expect(init.credentials).toBe('same-origin');
    expect(init.redirect).toBe('manual');
  });

  it('falls back to "download original" when "show original" fails or is not a message', async () => {
    for (const om of [
      () => new Response('nope', { status: 404 }),
      () => new Response('<html>Sign in</html>'),
    ]) {
      const f = fakeFetch((u) => (u.searchParams.get('view') === 'om' ? om() : new Response(raw)));
      const bytes = await fetchGmailRaw(document, PAGE, ids, f);
      expect(Buffer.from(bytes as Uint8Array).equals(raw)).toBe(true);
      const att = new URL(String(f.mock.calls[1]?.[0]));
      expect(att.origin).toBe('https://mail.google.com');
      expect(att.searchParams.get('view')).toBe('att');
      expect(att.searchParams.get('th')).toBe(ids.hex);
      expect(att.searchParams.get('attid')).toBe('0');
      expect(att.searchParams.get('disp')).toBe('comp');
      expect(att.searchParams.has('zw')).toBe(true);
      expect(att.searchParams.get('cacheCounter')).toMatch(/^\d+$/);
    }
  });

  it('gives up (visible text) when neither URL gives a message, or on a redirect', async () => {
    const fail = fakeFetch(() => new Response('<html>error</html>', { status: 200 }));
    expect(await fetchGmailRaw(document, PAGE, ids, fail)).toBeUndefined();
    expect(fail).toHaveBeenCalledTimes(2);
    const redirect = vi.fn(() =>
      Promise.resolve({ ok: false, type: 'opaqueredirect', status: 0 } as Response),
    );
    expect(await fetchGmailRaw(document, PAGE, ids, redirect)).toBeUndefined();
    const thrown = vi.fn(() => Promise.reject(new TypeError('network')));
    expect(await fetchGmailRaw(document, PAGE, ids, thrown)).toBeUndefined();
  });

  it('refuses oversized sources', async () => {
    const big = new Uint8Array(MAX_RAW_BYTES + 1);
    big.set(raw);
    const f = fakeFetch((u) =>
      u.searchParams.get('view') === 'om' ? new Response('x', { status: 500 }) : new Response(big),
    );
    expect(await fetchGmailRaw(document, PAGE, ids, f)).toBeUndefined();
  });

  it('never asks any host but mail.google.com', async () => {
    const f = fakeFetch(() => new Response('x', { status: 500 }));
    await fetchGmailRaw(document, new URL('https://evil.example/mail/u/0/'), ids, f);
    expect(f).not.toHaveBeenCalled();
    await fetchGmailRaw(document, PAGE, ids, f);
    for (const [u] of f.mock.calls) expect(new URL(String(u)).origin).toBe('https://mail.google.com');
  });

  it('the adapter fetches once per message and caches (also failures)', async () => {
    const f = fakeFetch(() => new Response(omPage));
    const adapter = createGmailAdapter({ fetch: f });
    const [msg] = adapter.findOpenMessages(document);
    const m = msg as NonNullable<typeof msg>;
    const a = await adapter.fetchRaw?.(m, PAGE);
    const b = await adapter.fetchRaw?.(m, PAGE);
    expect(a).toBe(b);
    expect(f).toHaveBeenCalledTimes(1);
  });
});
