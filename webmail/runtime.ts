/**
 * The content-script runtime shared by every webmail. It knows nothing about Gmail or Outlook: all of
 * that sits behind the WebmailAdapter (webmail/adapter.ts).
 *
 * - Follows the SPA with location events plus ONE MutationObserver whose callback only schedules a
 *   scan (coalesced: at most one scan per `debounceMs` while the page keeps mutating). One navigation
 *   is reported by up to three events (hashchange, popstate, and WXT's wxt:locationchange through
 *   `locationChanged`); they are deduplicated by the location they lead to, so it is scanned once.
 * - A scan asks the adapter for the open messages and handles each message key once: cheap
 *   pre-filter (core quickCheck) first, then the raw source when the adapter can fetch it, else the
 *   visible text, classified by the injected `classify` (the background service worker in the
 *   extension). Results are cached per message key and policy.
 * - One shadow-DOM host per bounce message (no duplicates), removed when the message is no longer
 *   open (view left, message gone), re-rendered on policy or theme change.
 * - Never throws into the page: every callback, timer and promise chain is guarded.
 *
 * Test contract: the host carries data-bounce-lens="badge", data-bounce (hard|soft), data-status,
 * data-reply-code, data-reason, data-recipient (first failed recipient), data-recipient-count, and
 * also data-source (raw|visible-text), data-policy and data-message-key. Non-bounces get no host.
 */
import { h, render } from 'preact';
import { Badge, type Theme } from '../components/Badge';
import { isBadgeable, primaryRecipient } from '../components/format';
import { STYLES } from '../components/styles';
import { type QuickHints, type QuickResult, quickCheck } from '../core/detect/quick';
import type { Policy } from '../core/types';
import type { OpenMessage, WebmailAdapter } from './adapter';
import type { Classified, ClassifyInput } from './messages';
import type { Settings } from './settings';

export interface RuntimeOptions {
  adapter: WebmailAdapter;
  classify: (input: ClassifyInput, policy: Policy) => Promise<Classified>;
  copyText: (text: string) => Promise<boolean>;
  settings: Settings;
  doc?: Document;
  /** Delay between the first mutation of a batch run and the scan it triggers. */
  debounceMs?: number;
  /** How many message keys to remember (verdicts and "not a bounce"). */
  maxCache?: number;
  /** Failed classifications are retried this many times, `retryMs` apart. */
  maxAttempts?: number;
  retryMs?: number;
  onError?: (where: string, err: unknown) => void;
  quick?: (hints: QuickHints) => QuickResult;
}

export interface RuntimeStats {
  /** MutationObserver callbacks. */
  batches: number;
  scans: number;
}

export interface Runtime {
  start(): void;
  stop(): void;
  /**
   * The page's location changed (SPA navigation): scan now and once the view has rendered.
   * `to` is the new location when the caller knows it before the document shows it (WXT's event,
   * under the Navigation API, fires before the URL is committed); by default the document's location.
   * A location already handled (the same navigation reported by hashchange or popstate) is ignored.
   */
  locationChanged(to?: URL | string): void;
  updateSettings(s: Settings): void;
  /** Run a scan synchronously (tests, bench). */
  scanNow(): void;
  /** Resolves once no classification is in flight (tests). */
  idle(): Promise<void>;
  readonly stats: RuntimeStats;
}

export const HOST_TAG = 'bounce-lens-badge';

/** Default delay between the first mutation of a burst and the scan it triggers. */
export const DEFAULT_DEBOUNCE_MS = 16;

/**
 * Reading the webmail's theme costs style reads (Gmail probes the document, Outlook walks ancestors
 * with getComputedStyle). Scans triggered by mutations and timers re-read it at most this often;
 * a mount, scanNow and a location change always re-read it.
 */
const THEME_READ_INTERVAL_MS = 1000;

interface Mount {
  host: HTMLElement;
  container: HTMLElement;
  root: Element;
  shown: Classified;
  theme: Theme;
}

interface Entry {
  key: string;
  state: 'pending' | 'done' | 'failed';
  attempts: number;
  retryAt: number;
  /** What was classified (kept to re-classify under another policy). */
  input?: ClassifyInput;
  results: Map<Policy, Classified>;
  badgeable: boolean;
  inflight: Set<Policy>;
  mount?: Mount;
}

/** Keyboard and pointer events stop at the badge so the webmail's shortcuts and click handlers never see them. */
const CONTAINED_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'click',
  'dblclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'contextmenu',
] as const;

export function createRuntime(opts: RuntimeOptions): Runtime {
  const adapter = opts.adapter;
  const doc = opts.doc ?? document;
  const win = doc.defaultView;
  const debounceMs = opts.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const maxCache = opts.maxCache ?? 300;
  const maxAttempts = opts.maxAttempts ?? 3;
  const retryMs = opts.retryMs ?? 5000;
  const quick = opts.quick ?? quickCheck;
  let settings: Settings = { ...opts.settings };

  const stats: RuntimeStats = { batches: 0, scans: 0 };
  const entries = new Map<string, Entry>();
  const mounted = new Set<Entry>();
  const inflight = new Set<Promise<unknown>>();
  let current = new Map<string, OpenMessage>();
  let theme: Theme = 'light';
  let themeReadAt = Number.NEGATIVE_INFINITY;
  let running = false;
  let observing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let observer: MutationObserver | undefined;
  /** The location whose navigation was last handled (see onLocation). */
  let handledHref = '';

  const report = (where: string, err: unknown): void => {
    try {
      opts.onError?.(where, err);
    } catch {
      // the error reporter itself must not throw either
    }
  };

  /** Wrap a callback so nothing it throws reaches the page. */
  const guard =
    <A extends unknown[]>(where: string, fn: (...args: A) => void) =>
    (...args: A): void => {
      try {
        fn(...args);
      } catch (err) {
        report(where, err);
      }
    };

  const track = <T>(p: Promise<T>): void => {
    const done = p.then(
      () => undefined,
      (err) => report('async', err),
    );
    inflight.add(done);
    done.finally(() => inflight.delete(done));
  };

  // ---- scanning -------------------------------------------------------------------------------

  const schedule = (delay: number): void => {
    if (timer !== undefined || !running) return;
    timer = setTimeout(onTimer, delay);
  };

  const onTimer = guard('timer', () => {
    timer = undefined;
    scan(false);
  });

  const onMutations = guard('observer', () => {
    stats.batches++;
    if (timer === undefined) timer = setTimeout(onTimer, debounceMs);
  });

  /** `freshTheme`: re-read the theme now rather than at most once per THEME_READ_INTERVAL_MS. */
  const scan = (freshTheme: boolean): void => {
    if (!running || !settings.overlay) return;
    stats.scans++;
    let open: OpenMessage[];
    try {
      open = adapter.findOpenMessages(doc);
    } catch (err) {
      report('findOpenMessages', err);
      open = [];
    }
    const next = new Map<string, OpenMessage>();
    for (const m of open) if (!next.has(m.key)) next.set(m.key, m);
    current = next;

    const now = Date.now();
    for (const m of next.values()) {
      let e = entries.get(m.key);
      if (!e) {
        e = {
          key: m.key,
          state: 'pending',
          attempts: 0,
          retryAt: 0,
          results: new Map(),
          badgeable: false,
          inflight: new Set(),
        };
        entries.set(m.key, e);
        track(handle(e, m));
        continue;
      }
      // Most recently seen last: the cache trims from the front.
      entries.delete(m.key);
      entries.set(m.key, e);
      if (e.state === 'failed' && e.attempts < maxAttempts && now >= e.retryAt) {
        e.state = 'pending';
        track(handle(e, m));
      } else if (e.state === 'done' && e.badgeable) {
        show(e, m);
      }
    }

    for (const e of [...mounted]) if (!next.has(e.key)) unmount(e);

    if (mounted.size > 0 && (freshTheme || Date.now() - themeReadAt >= THEME_READ_INTERVAL_MS)) {
      refreshTheme();
    }
    trimCache();
  };

  /** Read the webmail's theme; when it changed, repaint the mounted badges. */
  const refreshTheme = (): void => {
    themeReadAt = Date.now();
    let t: Theme;
    try {
      t = adapter.theme(doc);
    } catch (err) {
      report('theme', err);
      return;
    }
    if (t === theme) return;
    theme = t;
    for (const e of [...mounted]) {
      const m = current.get(e.key);
      if (m) show(e, m);
    }
  };

  const trimCache = (): void => {
    if (entries.size <= maxCache) return;
    for (const e of entries.values()) {
      if (entries.size <= maxCache) break;
      if (e.mount || e.state === 'pending' || current.has(e.key)) continue;
      entries.delete(e.key);
    }
  };

  // ---- one message ----------------------------------------------------------------------------

  const handle = async (e: Entry, m: OpenMessage): Promise<void> => {
    e.attempts++;
    try {
      const visible = adapter.readVisible(m);
      if (!quick(visible).likely) {
        e.state = 'done';
        e.badgeable = false;
        return;
      }
      const policy = settings.policy;
      let result: Classified | undefined;
      if (adapter.fetchRaw) {
        let raw: Uint8Array | undefined;
        try {
          raw = await adapter.fetchRaw(m, new URL(doc.location?.href ?? 'about:blank'));
        } catch (err) {
          report('fetchRaw', err);
        }
        if (raw && raw.length > 0) {
          try {
            result = await opts.classify({ raw }, policy);
            e.input = { raw };
          } catch (err) {
            report('classify(raw)', err);
          }
        }
      }
      if (!result) {
        result = await opts.classify({ visible }, policy);
        e.input = { visible };
      }
      e.results.set(policy, result);
      e.badgeable = isBadgeable(result.verdict);
      e.state = 'done';
      const open = current.get(e.key);
      if (e.badgeable && open && running && settings.overlay) show(e, open);
    } catch (err) {
      e.state = 'failed';
      e.retryAt = Date.now() + retryMs;
      report('classify', err);
      if (e.attempts < maxAttempts) setTimeout(() => schedule(0), retryMs);
    }
  };

  /** Make sure the entry's badge is mounted for message `m`, showing the current policy and theme. */
  const show = (e: Entry, m: OpenMessage): void => {
    const result = e.results.get(settings.policy);
    if (!result) {
      reclassify(e);
      return;
    }
    try {
      const stale = e.mount && (!e.mount.host.isConnected || e.mount.root !== m.root);
      if (stale) unmount(e);
      if (!e.mount) mount(e, m, result);
      else if (e.mount.shown !== result || e.mount.theme !== theme) paint(e.mount, result);
    } catch (err) {
      report('render', err);
    }
  };

  const reclassify = (e: Entry): void => {
    const policy = settings.policy;
    const input = e.input;
    if (!input || e.inflight.has(policy)) return;
    e.inflight.add(policy);
    track(
      opts
        .classify(input, policy)
        .then((result) => {
          e.results.set(policy, result);
          const m = current.get(e.key);
          if (m && running && settings.overlay && policy === settings.policy) show(e, m);
        })
        .finally(() => e.inflight.delete(policy)),
    );
  };

  // ---- the badge host -------------------------------------------------------------------------

  const mount = (e: Entry, m: OpenMessage, result: Classified): void => {
    refreshTheme();
    const slot = adapter.badgeSlot(m);
    const host = doc.createElement(HOST_TAG);
    host.setAttribute('data-bounce-lens', 'badge');
    host.setAttribute('data-message-key', e.key);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = STYLES;
    const container = doc.createElement('div');
    for (const type of CONTAINED_EVENTS) container.addEventListener(type, stopEvent);
    shadow.append(style, container);
    const mnt: Mount = { host, container, root: m.root, shown: result, theme };
    paint(mnt, result);
    slot.parent.insertBefore(host, slot.before);
    e.mount = mnt;
    mounted.add(e);
  };

  const paint = (mnt: Mount, result: Classified): void => {
    const { verdict, summary } = result;
    const r = primaryRecipient(verdict);
    const host = mnt.host;
    host.setAttribute('data-bounce', r?.bounce ?? '');
    host.setAttribute('data-status', r?.status ?? '');
    host.setAttribute('data-reply-code', r?.replyCode ?? '');
    host.setAttribute('data-reason', r?.reason ?? '');
    host.setAttribute('data-recipient', r?.recipient ?? '');
    host.setAttribute('data-recipient-count', String(verdict.recipients.length));
    host.setAttribute('data-source', verdict.source);
    host.setAttribute('data-policy', verdict.policy);
    host.setAttribute('data-theme', theme);
    render(h(Badge, { verdict, summary, theme, onCopySummary: copySummary }), mnt.container);
    mnt.shown = result;
    mnt.theme = theme;
  };

  const copySummary = async (text: string): Promise<boolean> => {
    try {
      return await opts.copyText(text);
    } catch (err) {
      report('copy', err);
      return false;
    }
  };

  const unmount = (e: Entry): void => {
    const mnt = e.mount;
    e.mount = undefined;
    mounted.delete(e);
    if (!mnt) return;
    try {
      render(null, mnt.container);
    } catch (err) {
      report('unmount', err);
    }
    mnt.host.remove();
  };

  const unmountAll = (): void => {
    for (const e of [...mounted]) unmount(e);
  };

  // ---- lifecycle ------------------------------------------------------------------------------

  const hrefOf = (to?: URL | string): string => {
    const raw = to === undefined || to === '' ? (doc.location?.href ?? '') : String(to);
    try {
      return new URL(raw).href;
    } catch {
      return raw;
    }
  };

  /**
   * One navigation, one scan: hashchange (Gmail), popstate (Back/Forward) and WXT's
   * wxt:locationchange (pushState, Outlook; also every other navigation) may all report the same
   * one, in either order, so only a location not handled yet scans.
   */
  const onLocation = guard('location', (to?: URL | string) => {
    if (!running) return;
    const href = hrefOf(to);
    if (href === handledHref) return;
    handledHref = href;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    scan(true);
    schedule(debounceMs);
  });

  const onHashChange = (e: HashChangeEvent): void => onLocation(e.newURL);
  const onPopState = (): void => onLocation();

  const observe = (): void => {
    if (observing) return;
    const target = doc.body ?? doc.documentElement;
    if (!target) return;
    observer ??= new MutationObserver(onMutations);
    observer.observe(target, {
      childList: true,
      subtree: true,
      attributes: true,
      // Gmail hides and shows whole views through inline style; messages expand by adding nodes.
      attributeFilter: ['style', 'hidden'],
    });
    observing = true;
  };

  const disconnect = (): void => {
    observer?.disconnect();
    observing = false;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  return {
    stats,
    start: guard('start', () => {
      if (running) return;
      running = true;
      handledHref = hrefOf();
      win?.addEventListener('hashchange', onHashChange);
      win?.addEventListener('popstate', onPopState);
      if (settings.overlay) {
        observe();
        scan(true);
      }
    }),
    stop: guard('stop', () => {
      running = false;
      disconnect();
      win?.removeEventListener('hashchange', onHashChange);
      win?.removeEventListener('popstate', onPopState);
      unmountAll();
    }),
    locationChanged: (to?: URL | string) => onLocation(to),
    updateSettings: guard('settings', (s: Settings) => {
      const prev = settings;
      settings = { ...s };
      if (!running) return;
      if (!settings.overlay) {
        disconnect();
        unmountAll();
        return;
      }
      if (!prev.overlay) {
        observe();
        scan(true);
        return;
      }
      if (prev.policy !== settings.policy) {
        for (const e of [...mounted]) {
          const m = current.get(e.key);
          if (m) show(e, m);
        }
      }
    }),
    scanNow: guard('scan', () => scan(true)),
    async idle() {
      while (inflight.size > 0) await Promise.all([...inflight]);
    },
  };
}

function stopEvent(e: Event): void {
  e.stopPropagation();
}
