import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Policy, Verdict } from '../../../core/types';
import type { OpenMessage, WebmailAdapter } from '../../../webmail/adapter';
import { createGmailAdapter } from '../../../webmail/gmail';
import type { Classified, ClassifyInput } from '../../../webmail/messages';
import { createRuntime, HOST_TAG, type Runtime, type RuntimeOptions } from '../../../webmail/runtime';
import { MESSAGES } from '../../fixtures/gmail/scenarios';
import { hostileVerdict, multiVerdict, notBounce, recipient, verdict } from '../../fixtures/verdicts';
import { loadPage, readFixture } from './helpers';

const hosts = () => [...document.querySelectorAll('[data-bounce-lens]')] as HTMLElement[];
const hostFor = (hex: string) =>
  document.querySelector(`[data-message-key="gmail:${hex}"]`) as HTMLElement | null;

/** Classifier stand-in: bounces are the messages from a mailer daemon (or any raw input). */
function stubClassify(pick: (input: ClassifyInput) => Verdict = defaultPick) {
  return vi.fn(async (input: ClassifyInput, policy: Policy): Promise<Classified> => {
    const v = pick(input);
    const label = policy === 'recipient' ? 'SOFT' : 'HARD';
    return {
      verdict: {
        ...v,
        policy,
        recipients: v.recipients.map((r) => ({
          ...r,
          bounce: label === 'HARD' ? 'hard' : 'soft',
          decision: { ...r.decision, policy, label, bounce: label === 'HARD' ? 'hard' : 'soft' },
        })),
      },
      summary: `summary under ${policy}`,
    };
  });
}

function defaultPick(input: ClassifyInput): Verdict {
  if ('raw' in input) return verdict({ source: 'raw' });
  const v = input.visible;
  if (!/daemon/i.test(v.from ?? '')) return notBounce();
  if (/Mailbox Full/.test(v.text)) {
    return verdict({
      source: 'visible-text',
      recipients: [
        recipient({ recipient: 'mailboxfull@bouncehammer.jp', status: '5.2.2', reason: 'mailboxfull' }),
      ],
    });
  }
  return { ...multiVerdict(), source: 'visible-text' };
}

let runtime: Runtime | undefined;
const errors: unknown[] = [];
const onWindowError = (e: Event) => errors.push(e);

function start(over: Partial<RuntimeOptions> = {}) {
  const classify = stubClassify();
  const onError = vi.fn();
  const opts: RuntimeOptions = {
    adapter: createGmailAdapter({ fetch: vi.fn(() => Promise.resolve(new Response('', { status: 404 }))) }),
    classify,
    copyText: vi.fn(() => Promise.resolve(true)),
    settings: { policy: 'rfc', overlay: true },
    debounceMs: 5,
    retryMs: 10,
    onError,
    ...over,
  };
  runtime = createRuntime(opts);
  runtime.start();
  return { runtime, classify: opts.classify as ReturnType<typeof stubClassify>, onError };
}

async function settle(rt: Runtime) {
  rt.scanNow();
  await rt.idle();
  rt.scanNow();
}

beforeEach(() => {
  errors.length = 0;
  window.addEventListener('error', onWindowError);
  window.addEventListener('unhandledrejection', onWindowError);
});

afterEach(() => {
  runtime?.stop();
  runtime = undefined;
  window.removeEventListener('error', onWindowError);
  window.removeEventListener('unhandledrejection', onWindowError);
  expect(errors).toEqual([]);
});

describe('runtime with the Gmail adapter', () => {
  it('badges each bounce once, with the test-contract attributes; non-bounces get nothing', async () => {
    loadPage(readFixture('thread'));
    const { runtime: rt, classify } = start();
    await settle(rt);
    expect(hosts()).toHaveLength(2);
    const full = hostFor(MESSAGES.gmail16.hex) as HTMLElement;
    expect(full.getAttribute('data-bounce-lens')).toBe('badge');
    expect(full.getAttribute('data-bounce')).toBe('hard');
    expect(full.getAttribute('data-status')).toBe('5.2.2');
    expect(full.getAttribute('data-reply-code')).toBe('550');
    expect(full.getAttribute('data-reason')).toBe('mailboxfull');
    expect(full.getAttribute('data-recipient')).toBe('mailboxfull@bouncehammer.jp');
    expect(full.getAttribute('data-recipient-count')).toBe('1');
    expect(full.getAttribute('data-source')).toBe('visible-text');
    const two = hostFor(MESSAGES.postfix02.hex) as HTMLElement;
    expect(two.getAttribute('data-recipient')).toBe('filtered@example.co.jp');
    expect(two.getAttribute('data-recipient-count')).toBe('2');
    expect(hostFor('18f3a1c2d4e5f612')).toBeNull();
    // Each badge sits in its own message, in a shadow root holding the styles and the button.
    expect(full.closest(`[data-legacy-message-id="${MESSAGES.gmail16.hex}"]`)).not.toBeNull();
    expect(full.shadowRoot?.querySelector('style')?.textContent).toContain('.bl-badge');
    expect(full.shadowRoot?.querySelector('button[aria-expanded]')?.textContent).toContain('HARD');
    // Ordinary mail passed the pre-filter (it quotes a rejection), the classifier said no.
    expect(classify).toHaveBeenCalledTimes(3);
  });

  it('handles each message once: more scans add no duplicates and no classifications', async () => {
    loadPage(readFixture('thread'));
    const { runtime: rt, classify } = start();
    await settle(rt);
    for (let i = 0; i < 5; i++) rt.scanNow();
    await rt.idle();
    expect(hosts()).toHaveLength(2);
    expect(classify).toHaveBeenCalledTimes(3);
  });

  it('skips the classifier when the pre-filter says no', async () => {
    loadPage(readFixture('not-bounce'));
    const quick = vi.fn(() => ({ likely: false, signals: [] }));
    const { runtime: rt, classify } = start({ quick });
    await settle(rt);
    expect(quick).toHaveBeenCalledTimes(1);
    expect(classify).not.toHaveBeenCalled();
    expect(hosts()).toHaveLength(0);
  });

  it('removes the badge when the view is hidden and brings it back from the cache', async () => {
    loadPage(readFixture('bounce-raw'));
    const { runtime: rt, classify } = start();
    await settle(rt);
    expect(hosts()).toHaveLength(1);
    const view = document.querySelector(`[data-route="inbox/FMfcgzQXJGbvdkHZ"]`) as HTMLElement;
    view.style.display = 'none';
    rt.scanNow();
    expect(hosts()).toHaveLength(0);
    view.style.display = '';
    rt.scanNow();
    expect(hosts()).toHaveLength(1);
    expect(classify).toHaveBeenCalledTimes(1);
  });

  it('removes the badge when the message disappears', async () => {
    loadPage(readFixture('thread'));
    const { runtime: rt } = start();
    await settle(rt);
    document
      .querySelector(`[data-legacy-message-id="${MESSAGES.postfix02.hex}"]`)
      ?.closest('[role="listitem"]')
      ?.remove();
    rt.scanNow();
    expect(hosts().map((h) => h.getAttribute('data-message-key'))).toEqual([`gmail:${MESSAGES.gmail16.hex}`]);
  });

  it('follows mutations: a message arriving in the open thread gets its badge (one observer, debounced)', async () => {
    loadPage(readFixture('thread'));
    const { runtime: rt } = start();
    await settle(rt);
    const tpl = document.getElementById('arrive-gmail09') as HTMLTemplateElement;
    const list = document.querySelector('[role="list"]') as Element;
    // A burst of mutations coalesces into few scans.
    const scansBefore = rt.stats.scans;
    list.append(tpl.content.cloneNode(true));
    for (let i = 0; i < 20; i++) list.append(document.createElement('span'));
    await vi.waitFor(() => expect(hostFor(MESSAGES.gmail09.hex)).not.toBeNull());
    expect(rt.stats.batches).toBeGreaterThan(0);
    expect(rt.stats.scans - scansBefore).toBeLessThanOrEqual(3);
    expect(hosts()).toHaveLength(3);
  });

  it('puts the badge back when the page drops it (Gmail re-render), without duplicates', async () => {
    loadPage(readFixture('bounce-raw'));
    const { runtime: rt, classify } = start();
    await settle(rt);
    hosts()[0]?.remove();
    rt.scanNow();
    expect(hosts()).toHaveLength(1);
    expect(classify).toHaveBeenCalledTimes(1);
  });

  it('keeps keyboard and pointer events inside the badge (webmail shortcuts never see them)', async () => {
    loadPage(readFixture('bounce-raw'));
    const { runtime: rt } = start();
    await settle(rt);
    const seen = vi.fn();
    document.addEventListener('keydown', seen);
    document.addEventListener('click', seen);
    const button = hosts()[0]?.shadowRoot?.querySelector('button') as HTMLButtonElement;
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true, composed: true }));
    button.click();
    document.removeEventListener('keydown', seen);
    document.removeEventListener('click', seen);
    expect(seen).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(button.getAttribute('aria-expanded')).toBe('true'));
  });
});

describe('runtime: settings', () => {
  it('re-classifies and re-renders on a policy change, cached per policy', async () => {
    loadPage(readFixture('bounce-raw'));
    const { runtime: rt, classify } = start();
    await settle(rt);
    const host = hosts()[0] as HTMLElement;
    expect(host.getAttribute('data-policy')).toBe('rfc');
    expect(host.getAttribute('data-bounce')).toBe('hard');
    rt.updateSettings({ policy: 'recipient', overlay: true });
    await rt.idle();
    expect(hosts()).toEqual([host]);
    expect(host.getAttribute('data-policy')).toBe('recipient');
    expect(host.getAttribute('data-bounce')).toBe('soft');
    expect(host.shadowRoot?.querySelector('button')?.textContent).toContain('SOFT');
    expect(classify).toHaveBeenCalledTimes(2);
    expect(classify.mock.calls[1]?.[1]).toBe('recipient');
    rt.updateSettings({ policy: 'rfc', overlay: true });
    await rt.idle();
    expect(host.getAttribute('data-policy')).toBe('rfc');
    expect(classify).toHaveBeenCalledTimes(2);
  });

  it('overlay off removes every badge and stops watching; on brings them back', async () => {
    loadPage(readFixture('thread'));
    const { runtime: rt } = start();
    await settle(rt);
    expect(hosts()).toHaveLength(2);
    rt.updateSettings({ policy: 'rfc', overlay: false });
    expect(hosts()).toHaveLength(0);
    const batches = rt.stats.batches;
    document.body.append(document.createElement('div'));
    await new Promise((r) => setTimeout(r, 30));
    expect(rt.stats.batches).toBe(batches);
    rt.scanNow();
    expect(hosts()).toHaveLength(0);
    rt.updateSettings({ policy: 'rfc', overlay: true });
    await rt.idle();
    expect(hosts()).toHaveLength(2);
  });

  it('starting with the overlay off shows nothing', async () => {
    loadPage(readFixture('bounce-raw'));
    const { runtime: rt, classify } = start({ settings: { policy: 'rfc', overlay: false } });
    await settle(rt);
    expect(hosts()).toHaveLength(0);
    expect(classify).not.toHaveBeenCalled();
  });
});

// ---- a minimal adapter, to test the runtime on its own ------------------------------------------

function fakeAdapter(over: Partial<WebmailAdapter> = {}): WebmailAdapter {
  return {
    id: 'outlook',
    matches: () => true,
    findOpenMessages(doc) {
      return [...doc.querySelectorAll('article[data-key]')]
        .filter((a) => !(a as HTMLElement).hidden)
        .map((root) => ({
          key: root.getAttribute('data-key') as string,
          root,
          body: root.querySelector('.body') as Element,
        }));
    },
    readVisible: (m: OpenMessage) => ({
      text: m.body.textContent ?? '',
      from: 'MAILER-DAEMON@x',
      subject: 'Undeliverable',
    }),
    badgeSlot: (m: OpenMessage) => ({ parent: m.root, before: m.root.firstChild }),
    theme: () => 'light',
    ...over,
  };
}

function articles(...keys: string[]) {
  document.body.textContent = '';
  for (const k of keys) {
    const a = document.createElement('article');
    a.setAttribute('data-key', k);
    const b = document.createElement('div');
    b.className = 'body';
    b.textContent = 'Delivery has failed to these recipients or groups: 550 5.1.1 user unknown';
    a.append(b);
    document.body.append(a);
  }
}

describe('runtime: raw source', () => {
  it('classifies the raw source when the adapter has it', async () => {
    articles('m1');
    const raw = new TextEncoder().encode('From: a\nTo: b\n\nx');
    const fetchRaw = vi.fn(() => Promise.resolve(raw));
    const { runtime: rt, classify } = start({ adapter: fakeAdapter({ fetchRaw }) });
    await settle(rt);
    expect(fetchRaw).toHaveBeenCalledTimes(1);
    expect(classify.mock.calls[0]?.[0]).toEqual({ raw });
    expect(hosts()[0]?.getAttribute('data-source')).toBe('raw');
  });

  it('falls back to the visible text when there is no raw source or it cannot be classified', async () => {
    articles('m1', 'm2');
    const raw = new TextEncoder().encode('From: a\nTo: b\n\nx');
    const fetchRaw = vi.fn((m: OpenMessage) => Promise.resolve(m.key === 'm1' ? undefined : raw));
    const classify = stubClassify();
    const picky = vi.fn((input: ClassifyInput, policy: Policy) =>
      'raw' in input ? Promise.reject(new Error('bad MIME')) : classify(input, policy),
    );
    const { runtime: rt, onError } = start({ adapter: fakeAdapter({ fetchRaw }), classify: picky });
    await settle(rt);
    expect(hosts().map((h) => h.getAttribute('data-source'))).toEqual(['visible-text', 'visible-text']);
    expect(onError).toHaveBeenCalledWith('classify(raw)', expect.any(Error));
  });

  it('does not fetch the raw source of messages the pre-filter rejects', async () => {
    articles('m1');
    const fetchRaw = vi.fn(() => Promise.resolve(undefined));
    const adapter = fakeAdapter({
      fetchRaw,
      readVisible: () => ({ text: 'lunch on friday?', from: 'bob@x' }),
    });
    const { runtime: rt } = start({ adapter });
    await settle(rt);
    expect(fetchRaw).not.toHaveBeenCalled();
  });
});

describe('runtime: never throws into the page', () => {
  it('contains adapter errors', async () => {
    articles('m1');
    const boom = () => {
      throw new Error('selector broke');
    };
    const { runtime: rt, onError } = start({ adapter: fakeAdapter({ findOpenMessages: boom }) });
    expect(() => rt.scanNow()).not.toThrow();
    document.body.append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 30));
    expect(onError).toHaveBeenCalledWith('findOpenMessages', expect.any(Error));
    expect(hosts()).toHaveLength(0);
  });

  it('one bad message does not stop the others', async () => {
    articles('bad', 'good');
    const adapter = fakeAdapter({
      readVisible: (m) => {
        if (m.key === 'bad') throw new Error('unreadable');
        return { text: 'Delivery has failed to these recipients', from: 'MAILER-DAEMON@x' };
      },
      badgeSlot: (m) => ({ parent: m.root, before: null }),
    });
    const { runtime: rt, onError } = start({ adapter, maxAttempts: 1 });
    await settle(rt);
    expect(hosts().map((h) => h.getAttribute('data-message-key'))).toEqual(['good']);
    expect(onError).toHaveBeenCalledWith('classify', expect.any(Error));
  });

  it('a failing classifier leaves no badge and is retried a bounded number of times', async () => {
    articles('m1');
    const classify = vi.fn(() => Promise.reject(new Error('service worker gone')));
    const { runtime: rt } = start({ adapter: fakeAdapter(), classify, maxAttempts: 3, retryMs: 5 });
    await settle(rt);
    await vi.waitFor(() => expect(classify).toHaveBeenCalledTimes(3));
    await new Promise((r) => setTimeout(r, 40));
    rt.scanNow();
    await rt.idle();
    expect(classify).toHaveBeenCalledTimes(3);
    expect(hosts()).toHaveLength(0);
  });

  it('contains render and slot errors, and clipboard failures', async () => {
    articles('m1');
    const adapter = fakeAdapter({
      badgeSlot: () => {
        throw new Error('no slot');
      },
      theme: () => {
        throw new Error('no theme');
      },
    });
    const { runtime: rt, onError } = start({ adapter });
    await settle(rt);
    expect(hosts()).toHaveLength(0);
    expect(onError).toHaveBeenCalledWith('render', expect.any(Error));
  });

  it('a throwing copy handler reports false to the panel', async () => {
    articles('m1');
    const copyText = vi.fn(() => Promise.reject(new Error('denied')));
    const { runtime: rt } = start({ adapter: fakeAdapter(), copyText });
    await settle(rt);
    const shadow = hosts()[0]?.shadowRoot as ShadowRoot;
    (shadow.querySelector('button[aria-expanded]') as HTMLButtonElement).click();
    const copy = [...shadow.querySelectorAll('button')].find(
      (b) => b.textContent === 'Copy summary',
    ) as HTMLButtonElement;
    copy.click();
    await vi.waitFor(() => expect(shadow.querySelector('textarea')).not.toBeNull());
    expect((shadow.querySelector('textarea') as HTMLTextAreaElement).value).toBe('summary under rfc');
  });

  it('stop() removes everything, and late answers mount nothing', async () => {
    articles('m1');
    let release: (c: Classified) => void = () => {};
    const classify = vi.fn(() => new Promise<Classified>((r) => (release = r)));
    const { runtime: rt } = start({ adapter: fakeAdapter(), classify });
    rt.scanNow();
    rt.stop();
    release({ verdict: verdict(), summary: '' });
    await rt.idle();
    expect(hosts()).toHaveLength(0);
    document.body.append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 20));
    expect(hosts()).toHaveLength(0);
  });
});

describe('runtime: rendering', () => {
  it('renders hostile mail text as text in the shadow root', async () => {
    articles('m1');
    (window as unknown as { __blPwned?: number }).__blPwned = undefined;
    const classify = vi.fn(() => Promise.resolve({ verdict: hostileVerdict(), summary: 's' }));
    const { runtime: rt } = start({ adapter: fakeAdapter(), classify });
    await settle(rt);
    const shadow = hosts()[0]?.shadowRoot as ShadowRoot;
    expect(shadow.querySelector('img, script, svg')).toBeNull();
    expect(shadow.textContent).toContain('<img src=x onerror=');
    expect(document.querySelector('img')).toBeNull();
    expect((window as unknown as { __blPwned?: number }).__blPwned).toBeUndefined();
  });

  it('re-renders on a theme change', async () => {
    articles('m1');
    let theme: 'light' | 'dark' = 'light';
    const { runtime: rt } = start({ adapter: fakeAdapter({ theme: () => theme }) });
    await settle(rt);
    const host = hosts()[0] as HTMLElement;
    expect(host.getAttribute('data-theme')).toBe('light');
    expect(host.shadowRoot?.querySelector('.bl-theme-light')).not.toBeNull();
    theme = 'dark';
    rt.scanNow();
    expect(host.getAttribute('data-theme')).toBe('dark');
    await vi.waitFor(() => expect(host.shadowRoot?.querySelector('.bl-theme-dark')).not.toBeNull());
    expect(hosts()).toEqual([host]);
  });

  it('reads the theme at most once a second on mutation scans, always on scanNow', async () => {
    articles('m1');
    const theme = vi.fn((): 'light' | 'dark' => 'light');
    const { runtime: rt } = start({ adapter: fakeAdapter({ theme }) });
    await settle(rt);
    const reads = theme.mock.calls.length;
    expect(reads).toBeGreaterThan(0);
    const mutationScan = async () => {
      const scans = rt.stats.scans;
      document.body.append(document.createElement('span'));
      await vi.waitFor(() => expect(rt.stats.scans).toBeGreaterThan(scans));
    };
    for (let i = 0; i < 5; i++) await mutationScan();
    expect(theme).toHaveBeenCalledTimes(reads);
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 1001);
    await mutationScan();
    expect(theme).toHaveBeenCalledTimes(reads + 1);
    await mutationScan();
    expect(theme).toHaveBeenCalledTimes(reads + 1);
    rt.scanNow();
    expect(theme).toHaveBeenCalledTimes(reads + 2);
  });

  it('forgets old messages beyond the cache size, but never the open ones', async () => {
    const keys = Array.from({ length: 12 }, (_, i) => `m${i}`);
    articles(...keys);
    const { runtime: rt, classify } = start({ adapter: fakeAdapter(), maxCache: 5 });
    await settle(rt);
    expect(hosts()).toHaveLength(12);
    articles('m0');
    rt.scanNow();
    await rt.idle();
    expect(classify).toHaveBeenCalledTimes(12);
    articles(...keys);
    rt.scanNow();
    await rt.idle();
    // Only what the cache had to forget is classified again.
    expect(classify.mock.calls.length).toBeGreaterThan(12);
    expect(classify.mock.calls.length).toBeLessThanOrEqual(12 + 11);
  });

  it('exports the host tag used for the badge', () => {
    expect(HOST_TAG).toBe('bounce-lens-badge');
  });
});

describe('runtime: navigation', () => {
  /** Resolves after the runtime (which listened first) has seen the next `type` event on the window. */
  const next = (type: 'hashchange' | 'popstate') =>
    new Promise<void>((resolve) => window.addEventListener(type, () => resolve(), { once: true }));

  /** Scans caused by `navigate`; the debounced follow-up scan is kept out of the way by a long debounce. */
  async function scansFor(rt: Runtime, navigate: () => Promise<void> | void): Promise<number> {
    const before = rt.stats.scans;
    await navigate();
    return rt.stats.scans - before;
  }

  it('scans right away on a location change', async () => {
    articles('m1');
    const { runtime: rt } = start({ adapter: fakeAdapter(), debounceMs: 10_000 });
    await rt.idle();
    articles('m1', 'm2');
    const changed = next('hashchange');
    location.hash = '#inbox/now';
    await changed;
    await rt.idle();
    expect(hosts().map((h) => h.getAttribute('data-message-key'))).toEqual(['m1', 'm2']);
  });

  it('a hash navigation (Gmail) scans once, whichever of hashchange and WXT reports it first', async () => {
    articles('m1');
    const { runtime: rt } = start({ adapter: fakeAdapter(), debounceMs: 10_000 });
    await rt.idle();
    // WXT polling the URL (no Navigation API): hashchange first, wxt:locationchange up to 1 s later.
    const polled = await scansFor(rt, async () => {
      const changed = next('hashchange');
      location.hash = '#inbox/polled';
      await changed;
      rt.locationChanged(new URL(location.href));
    });
    expect(polled).toBe(1);
    // Navigation API (Chromium): WXT's event first, before the URL is committed, then hashchange.
    const navigated = await scansFor(rt, async () => {
      rt.locationChanged(new URL('#inbox/navigated', location.href));
      const changed = next('hashchange');
      location.hash = '#inbox/navigated';
      await changed;
    });
    expect(navigated).toBe(1);
    // A hashchange that WXT has not reported (yet) is not lost.
    const alone = await scansFor(rt, async () => {
      const changed = next('hashchange');
      location.hash = '#inbox/alone';
      await changed;
    });
    expect(alone).toBe(1);
  });

  it('a pushState navigation (Outlook) scans once, and so does Back (popstate and WXT both report it)', async () => {
    articles('m1');
    const { runtime: rt } = start({ adapter: fakeAdapter(), debounceMs: 10_000 });
    await rt.idle();
    // pushState fires no hashchange or popstate: WXT's event is the only report; under the Navigation
    // API it comes before the URL is committed, so the runtime goes by the URL the event gives.
    const early = await scansFor(rt, () => {
      const to = new URL(`/mail/inbox/id/early${location.hash}`, location.href);
      rt.locationChanged(to);
      history.pushState({}, '', to.href);
    });
    expect(early).toBe(1);
    const late = await scansFor(rt, () => {
      history.pushState({}, '', `/mail/inbox/id/late${location.hash}`);
      rt.locationChanged(new URL(location.href));
    });
    expect(late).toBe(1);
    // Back: WXT (Navigation API) and popstate report the same navigation.
    const back = await scansFor(rt, async () => {
      rt.locationChanged(new URL(`/mail/inbox/id/early${location.hash}`, location.href));
      const popped = next('popstate');
      history.back();
      await popped;
    });
    expect(back).toBe(1);
    expect(location.pathname).toBe('/mail/inbox/id/early');
  });
});
