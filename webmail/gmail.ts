/**
 * Gmail adapter: which messages are open, what they show, where the badge goes, the theme, and the
 * raw source from Gmail's own origin. Every selector is in the table below; the sources for each
 * are in ../shared/docs/webmail-dom.md (sections 1-3). Preference order: data-* ids, the `email`
 * attribute, role attributes, then Gmail's obfuscated class names (which do change).
 */

import { looksLikeRfc822 } from '../core/detect/input';
import type { VisibleMessage } from '../core/types';
import type { OpenMessage, WebmailAdapter } from './adapter';
import { backgroundScheme, luminance, paintedBackground, parseColor } from './color';
import { bytesToBinary } from './messages';
import { visibleText } from './text';

const GMAIL_ORIGIN = 'https://mail.google.com';

export const SELECTORS = {
  /** One message (outer element). Ids: data-legacy-message-id (hex), data-message-id (#msg-f:<decimal>). */
  message: [
    'div.adn[data-legacy-message-id]',
    'div.adn[data-message-id]',
    '[role="listitem"][data-legacy-message-id]',
    '[role="listitem"][data-message-id]',
  ].join(', '),
  /** The rendered body, most specific first. `.a3s.undefined` = body not loaded yet (skipped). */
  body: ['.ii.gt .a3s', 'div.a3s', '.ii.gt'],
  bodyNotLoaded: 'undefined',
  /** The container of the body (the badge goes before it when it cannot go beside the subject). */
  bodyContainer: '.ii.gt',
  /** Conversation root, newest layout first; the subject is looked up inside it. */
  thread: ['div.a98.iY', '.PeIF1d', 'div.if', 'td.Bu', 'div[role="main"]'].join(', '),
  /** Subject of the open conversation (the NDR body has its own <h2>: never search bodies). */
  subject: ['h2.hP', 'h2[data-legacy-thread-id]', 'h2[data-thread-perm-id]'],
  /** Sender of one message: the `email`/`name` attributes are the most reliable. */
  sender: ['span.gD[email]', 'h3 span[email]', 'span[email][name]'],
  /** Areas holding mail content (never read Gmail's own data from there). */
  mailContent: '.a3s, .ii',
  /** Gmail's own links that carry the account's `ik` (e.g. "Print all"). */
  ikLink: 'a[href*="ik="]',
  /** Where the app lives, to read the theme when no subject is visible. */
  main: 'div[role="main"]',
} as const;

/** Largest raw message accepted (bytes). Beyond that the visible text is used. */
export const MAX_RAW_BYTES = 10 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 15_000;
const RAW_CACHE_SIZE = 20;

// ---- ids --------------------------------------------------------------------------------------

export interface GmailIds {
  /** Legacy hex id, e.g. "18c2f0a1b2c3d4e5". */
  hex?: string;
  /** Permanent id, e.g. "msg-f:1784723408214310885" (or "msg-a:..." for sent mail). */
  perm?: string;
}

const HEX_ID = /^[0-9a-f]{8,20}$/i;
const PERM_ID = /^msg-[af]:(?:[a-z]:)?\d{1,25}$/;

export function messageIds(el: Element): GmailIds {
  const ids: GmailIds = {};
  const legacy = el.getAttribute('data-legacy-message-id');
  if (legacy && HEX_ID.test(legacy)) ids.hex = legacy.toLowerCase();
  const perm = (el.getAttribute('data-message-id') ?? '').replace(/^#/, '');
  if (PERM_ID.test(perm)) ids.perm = perm;
  // The legacy hex id and the msg-f decimal id are the same number.
  const decimal = /^msg-f:(\d+)$/.exec(ids.perm ?? '')?.[1];
  if (!ids.hex && decimal) ids.hex = BigInt(decimal).toString(16);
  if (!ids.perm && ids.hex) ids.perm = `msg-f:${BigInt(`0x${ids.hex}`).toString(10)}`;
  return ids;
}

export function messageKey(el: Element): string | undefined {
  const ids = messageIds(el);
  const id = ids.hex ?? ids.perm;
  return id ? `gmail:${id}` : undefined;
}

// ---- DOM reading ------------------------------------------------------------------------------

/** Rendered and displayed (Gmail keeps stale views in the DOM, hidden with display:none). */
function isVisible(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  if (typeof check === 'function') return check.call(el);
  for (let e: Element | null = el; e; e = e.parentElement) {
    const style = (e as HTMLElement).style;
    if (e.hasAttribute('hidden') || style?.display === 'none') return false;
  }
  return true;
}

function findBody(msg: Element): Element | null {
  const [specific, anyA3s, container] = SELECTORS.body;
  for (const s of [specific, anyA3s]) {
    const all = msg.querySelectorAll(s as string);
    for (const el of all) if (!el.classList.contains(SELECTORS.bodyNotLoaded)) return el;
    // Bodies exist but none is loaded yet: not open (do not fall back to the container).
    if (all.length > 0) return null;
  }
  return msg.querySelector(container as string);
}

function outsideMail(el: Element): boolean {
  return !el.closest(SELECTORS.mailContent);
}

function findSubject(msg: Element): Element | null {
  const thread = msg.closest(SELECTORS.thread);
  const scopes: ParentNode[] = thread ? [thread, msg.ownerDocument] : [msg.ownerDocument];
  for (const scope of scopes) {
    for (const s of SELECTORS.subject) {
      for (const el of scope.querySelectorAll(s)) {
        if (outsideMail(el) && isVisible(el)) return el;
      }
    }
  }
  return null;
}

function findSender(msg: Element): Element | null {
  for (const s of SELECTORS.sender) {
    for (const el of msg.querySelectorAll(s)) if (outsideMail(el)) return el;
  }
  return null;
}

// ---- theme ------------------------------------------------------------------------------------

/**
 * Gmail's dark themes draw light text: the subject's (else the app's) text colour decides. When no
 * colour can be read, the nearest opaque background decides.
 */
export function gmailTheme(doc: Document): 'light' | 'dark' {
  const view = doc.defaultView;
  if (!view) return 'light';
  let probe: Element | null = null;
  for (const s of SELECTORS.subject) {
    for (const el of doc.querySelectorAll(s)) {
      if (isVisible(el)) {
        probe = el;
        break;
      }
    }
    if (probe) break;
  }
  probe ??= doc.querySelector(SELECTORS.main) ?? doc.body;
  if (!probe) return 'light';
  const fg = parseColor(view.getComputedStyle(probe).color);
  if (fg && fg.a > 0.5) return luminance(fg) > 0.5 ? 'dark' : 'light';
  const bg = paintedBackground(probe);
  return bg ? backgroundScheme(bg) : 'light';
}

// ---- raw source -------------------------------------------------------------------------------

/** The account's base path: /mail/u/N/ or, for delegated mailboxes, /mail/b/<id>/u/N/. */
export function mailBase(page: URL): string {
  const m = /^\/mail(?:\/b\/[\w-]{1,80})?\/u\/\d{1,3}\//.exec(page.pathname);
  return m ? m[0] : '/mail/u/0/';
}

/** Gmail's per-account `ik`, from Gmail's own links (never from mail content), when present. */
export function findIk(doc: Document): string | undefined {
  let n = 0;
  for (const a of doc.querySelectorAll(SELECTORS.ikLink)) {
    if (++n > 50) break;
    if (!outsideMail(a)) continue;
    let u: URL;
    try {
      u = new URL(a.getAttribute('href') ?? '', GMAIL_ORIGIN);
    } catch {
      continue;
    }
    if (u.origin !== GMAIL_ORIGIN) continue;
    const ik = u.searchParams.get('ik');
    if (ik && /^[0-9a-f]{6,16}$/i.test(ik)) return ik;
  }
  return undefined;
}

export function showOriginalUrl(page: URL, ids: GmailIds, ik?: string): string | undefined {
  if (!ids.perm) return undefined;
  return `${GMAIL_ORIGIN}${mailBase(page)}?${ik ? `ik=${ik}&` : ''}view=om&permmsgid=${ids.perm}`;
}

export function downloadOriginalUrl(page: URL, ids: GmailIds, now: number): string | undefined {
  const which = ids.hex ? `th=${ids.hex}` : ids.perm ? `permmsgid=${ids.perm}` : undefined;
  if (!which) return undefined;
  return `${GMAIL_ORIGIN}${mailBase(page)}?view=att&${which}&attid=0&disp=comp&safe=1&zw&cacheCounter=${now}`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Undo HTML escaping in one pass (so "&amp;lt;" correctly becomes "&lt;"). */
export function unescapeHtml(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,6});/g, (whole, ent: string) => {
    if (ent[0] === '#') {
      const cp =
        ent[1] === 'x' || ent[1] === 'X'
          ? Number.parseInt(ent.slice(2), 16)
          : Number.parseInt(ent.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : whole;
    }
    return ENTITIES[ent.toLowerCase()] ?? whole;
  });
}

/**
 * The raw message from Gmail's "show original" page: the text of <pre id="raw_message_text">,
 * found by plain string search (no HTML parsing), tags inside it dropped, entities unescaped.
 */
export function extractOriginalFromPage(html: string): string | undefined {
  const marker = html.search(/id=["']?raw_message_text\b/);
  if (marker < 0) return undefined;
  const open = html.lastIndexOf('<pre', marker);
  const start = html.indexOf('>', marker);
  if (open < 0 || start < 0) return undefined;
  const end = html.indexOf('</pre>', start);
  if (end < 0) return undefined;
  // Real "<" in the text is escaped as &lt;, so any "<" here starts a tag (e.g. <wbr>, <a>).
  return unescapeHtml(html.slice(start + 1, end).replace(/<[^<>]*>/g, ''));
}

type Fetch = typeof fetch;

async function get(fetchFn: Fetch, url: string): Promise<Response | undefined> {
  const ctrl = new AbortController();
  const t = setTimeout(() => ctrl.abort(), FETCH_TIMEOUT_MS);
  try {
    // Same origin only: cookies go to mail.google.com, and redirects are not followed (the
    // download URL can redirect to another Google host, which we never contact).
    const res = await fetchFn(url, {
      credentials: 'same-origin',
      redirect: 'manual',
      cache: 'no-store',
      signal: ctrl.signal,
    });
    if (!res.ok || res.type === 'opaqueredirect') return undefined;
    if (res.url && new URL(res.url).origin !== GMAIL_ORIGIN) return undefined;
    const len = Number(res.headers.get('content-length') ?? '0');
    if (len > MAX_RAW_BYTES * 2) return undefined;
    return res;
  } catch {
    return undefined;
  } finally {
    clearTimeout(t);
  }
}

async function readBytes(res: Response): Promise<Uint8Array | undefined> {
  const buf = new Uint8Array(await res.arrayBuffer());
  return buf.length > 0 && buf.length <= MAX_RAW_BYTES ? buf : undefined;
}

/**
 * Fetch the raw source of one message from Gmail's own origin: "show original" (view=om) first,
 * then "download original" (view=att, with a cache-buster). Validated to look like RFC 822.
 */
export async function fetchGmailRaw(
  doc: Document,
  page: URL,
  ids: GmailIds,
  fetchFn: Fetch = fetch,
): Promise<Uint8Array | undefined> {
  if (page.origin !== GMAIL_ORIGIN) return undefined;
  const om = showOriginalUrl(page, ids, findIk(doc));
  if (om) {
    const res = await get(fetchFn, om);
    const bytes = res && (await readBytes(res));
    if (bytes) {
      const raw = extractOriginalFromPage(new TextDecoder().decode(bytes));
      if (raw && looksLikeRfc822(raw)) return new TextEncoder().encode(raw);
    }
  }
  const att = downloadOriginalUrl(page, ids, Date.now());
  if (att) {
    const res = await get(fetchFn, att);
    const bytes = res && (await readBytes(res));
    if (bytes && looksLikeRfc822(bytesToBinary(bytes.subarray(0, 256 * 1024)))) return bytes;
  }
  return undefined;
}

// ---- the adapter ------------------------------------------------------------------------------

export function createGmailAdapter(opts: { fetch?: Fetch } = {}): WebmailAdapter {
  const fetchFn: Fetch = opts.fetch ?? ((input, init) => fetch(input, init));
  const rawCache = new Map<string, Promise<Uint8Array | undefined>>();

  return {
    id: 'gmail',

    matches(url) {
      return url.origin === GMAIL_ORIGIN && url.pathname.startsWith('/mail/');
    },

    findOpenMessages(doc) {
      const out: OpenMessage[] = [];
      for (const root of doc.querySelectorAll(SELECTORS.message)) {
        const key = messageKey(root);
        if (!key) continue;
        const body = findBody(root);
        if (!body || !isVisible(body)) continue;
        out.push({ key, root, body });
      }
      return out;
    },

    readVisible(msg): VisibleMessage {
      const out: VisibleMessage = { text: visibleText(msg.body) };
      const subject = findSubject(msg.root);
      if (subject) out.subject = visibleText(subject, 2000);
      const sender = findSender(msg.root);
      if (sender) {
        const email = sender.getAttribute('email');
        const name = sender.getAttribute('name') || sender.textContent?.trim();
        if (email) out.from = email;
        if (name) out.fromName = name;
      }
      return out;
    },

    fetchRaw(msg, page) {
      const ids = messageIds(msg.root);
      const id = ids.hex ?? ids.perm;
      if (!id) return Promise.resolve(undefined);
      let p = rawCache.get(id);
      if (!p) {
        p = fetchGmailRaw(msg.root.ownerDocument, page, ids, fetchFn).catch(() => undefined);
        rawCache.set(id, p);
        if (rawCache.size > RAW_CACHE_SIZE) {
          const oldest = rawCache.keys().next().value;
          if (oldest !== undefined) rawCache.delete(oldest);
        }
      }
      return p;
    },

    badgeSlot(msg) {
      // Beside the subject when the conversation holds this one message; otherwise at the top of
      // the message itself, so each bounce in a longer thread has its own badge.
      const subject = findSubject(msg.root);
      const thread = msg.root.closest(SELECTORS.thread);
      const alone = thread ? thread.querySelectorAll(SELECTORS.message).length === 1 : false;
      if (subject?.parentElement && alone)
        return { parent: subject.parentElement, before: subject.nextSibling };
      const container = msg.body.closest(SELECTORS.bodyContainer) ?? msg.body;
      const parent = container.parentElement ?? msg.root;
      return parent === msg.root || msg.root.contains(parent)
        ? { parent, before: container.parentElement ? container : null }
        : { parent: msg.root, before: msg.root.firstChild };
    },

    theme: gmailTheme,
  };
}

export const gmailAdapter: WebmailAdapter = createGmailAdapter();
