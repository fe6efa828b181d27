/**
 * Outlook on the web adapter (outlook.live.com, outlook.office.com, outlook.office365.com,
 * outlook.cloud.microsoft): which messages are open in the reading pane or a full-window view, what
 * they show (body text, subject, sender), where the badge goes and which theme Outlook is in.
 *
 * Every selector is in the table below; the sources for each are in ../shared/docs/webmail-dom.md
 * section 4. Outlook translates its UI, so nothing here reads a translated aria-label or title:
 * only id prefixes (UniqueMessageBody, CONV_..._SUBJECT, MSG_..._FROM), data-app-section, role and
 * the URL. Class names (aVla3, OZZZK, rps_*) change with each Outlook build and are not used.
 *
 * No raw source (no `fetchRaw`): Outlook on the web has no supported way to read a message's MIME
 * source without OAuth (Microsoft Graph `/me/messages/{id}/$value` needs an Entra app and
 * Mail.Read). The OWA-internal `service.svc` GetItem call and tokens scraped from the page are
 * undocumented, can break at any time and would mean handling the user's credentials, so they are
 * deliberately not used. Outlook verdicts come from the visible text.
 */
import type { VisibleMessage } from '../core/types';
import type { OpenMessage, WebmailAdapter } from './adapter';
import { backgroundScheme, paintedBackground } from './color';
import { visibleText } from './text';

/** The hosts Outlook on the web is served from (webmail-dom.md 4.1). */
export const OUTLOOK_HOSTS = [
  'outlook.live.com',
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.cloud.microsoft',
] as const;

/** Content-script match patterns for the hosts above. */
export const OUTLOOK_MATCHES: string[] = OUTLOOK_HOSTS.map((h) => `https://${h}/*`);

// ---- Selectors: the one table ------------------------------------------------------------------

export const SELECTORS = {
  /**
   * Reading areas, innermost first. A conversation sits in ConversationContainer inside
   * #ConversationReadingPaneContainer inside MailReadCompose (role=main); a single item (conversation
   * view off, or opened full-window) uses #ItemReadingPaneContainer.
   */
  panes: [
    '[data-app-section="ConversationContainer"]',
    '#ConversationReadingPaneContainer',
    '#ItemReadingPaneContainer',
    '[data-app-section="MailReadCompose"]',
  ],
  /** Rendered body of one message (UniqueMessageBody_1, _2 ...), inside or on [role=document]. */
  body: '[id^="UniqueMessageBody"]',
  /** Used only when no UniqueMessageBody exists inside a reading area. */
  bodyFallback: '[role="document"]',
  /** Conversation subject; the id carries the conversation. */
  subject: '[role="heading"][id^="CONV_"][id$="_SUBJECT"]',
  subjectFallback: '[role="heading"][id$="_SUBJECT"]',
  /** Sender line of one message card; the id carries the message. */
  from: '[id^="MSG_"][id$="_FROM"]',
  /** An editor: drafts and inline replies are never read. */
  editable: '[contenteditable]:not([contenteditable="false"])',
  /** Selected conversation in the message list (key fallback). */
  selectedConversation: '[aria-selected="true"][data-convid]',
  /** Where Outlook paints its own background, to read the theme (first present wins). */
  themeProbe: ['[data-app-section="MailReadCompose"]', '#ReadingPaneContainerId', '#MailList', '#app'],
} as const;

/** `CONV_<conversation>_SUBJECT`, `MSG_<message>_FROM`: the part between prefix and suffix. */
const SUBJECT_ID = /^CONV_(.{1,512})_SUBJECT$/s;
const FROM_ID = /^MSG_(.{1,512})_FROM$/s;
/** An opened item in the path: /mail/0/inbox/id/<ItemId>, /mail/deeplink/read/<ItemId>. */
const ITEM_PATH = /\/(?:id|read)\/([^/?#]{8,1024})/;
/** Outlook modules that are not mail (the SPA switches between them without reloading). */
const NOT_MAIL_PATH =
  /^\/(?:calendar|people|contacts|files|tasks|todo|bookings|host|apps|settings\/calendar)(?:[/?#]|$)/i;
/** Ids shorter than this are counters (MSG_0_FROM), not message ids: the key gets more parts. */
const STRONG_ID = 12;

const NON_SPACE = /\S/;
const SPACE_RUN = /\s+/g;
const MAILTO = /^mailto:/i;
const NAME_PUNCT = /[<>()[\]"]+/g;
const DARK_WORD = /\bdark\b/;
const LIGHT_WORD = /\blight\b/;

/** "a@b.example..." -> "a@b.example" without a backtracking regex. */
function trimDots(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 46) end--;
  return s.slice(0, end);
}

// ---- visibility --------------------------------------------------------------------------------

type Win = Window & typeof globalThis;

function winOf(node: Node): Win | null {
  return (node.ownerDocument?.defaultView as Win | null | undefined) ?? null;
}

/** Hidden by the page: `hidden`, or display:none on it or an ancestor, or visibility:hidden. */
function isShown(el: Element): boolean {
  const win = winOf(el);
  for (let a: Element | null = el; a; a = a.parentElement) {
    if (a.hasAttribute('hidden')) return false;
    const style = win ? win.getComputedStyle(a) : (a as HTMLElement).style;
    if (!style) continue;
    if (style.display === 'none') return false;
    if (a === el && style.visibility === 'hidden') return false;
  }
  return true;
}

function hasText(el: Element): boolean {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(), i = 0; n && i < 5000; n = walker.nextNode(), i++) {
    if (NON_SPACE.test(n.nodeValue ?? '')) return true;
  }
  return false;
}

// ---- the open messages -------------------------------------------------------------------------

/** What findOpenMessages learned about a message; readVisible/badgeSlot re-derive it if missing. */
export interface OutlookMessage extends OpenMessage {
  /** The reading area holding the message (innermost pane, or the document body). */
  pane: Element;
  /** The sender line of the message card, when there is one. */
  fromEl?: Element;
  /** The subject heading of the conversation or item. */
  subjectEl?: Element;
}

const PANES = SELECTORS.panes.join(', ');

function isMailView(doc: Document): boolean {
  const path = doc.location?.pathname ?? '/';
  return !NOT_MAIL_PATH.test(path);
}

function isEditable(el: Element): boolean {
  return el.closest(SELECTORS.editable) !== null;
}

function insideBody(el: Element): boolean {
  return el.parentElement?.closest(SELECTORS.body) != null;
}

/** The URL's item id (decoded), if the path names an opened item. */
export function itemIdFromUrl(doc: Document): string | undefined {
  const path = doc.location?.pathname ?? '';
  const m = ITEM_PATH.exec(path);
  if (!m?.[1]) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

/** The subject heading that belongs to `body`: the nearest reading area's, never one inside mail. */
function findSubject(body: Element): Element | undefined {
  for (const selector of [SELECTORS.subject, SELECTORS.subjectFallback]) {
    for (let a = body.parentElement?.closest(PANES); a; a = a.parentElement?.closest(PANES)) {
      for (const h of a.querySelectorAll(selector)) if (!h.closest(SELECTORS.body)) return h;
    }
    // Full-window views may keep the heading outside every known container: take the first shown one.
    for (const h of body.ownerDocument.querySelectorAll(selector)) {
      if (!h.closest(SELECTORS.body) && isShown(h)) return h;
    }
  }
  return undefined;
}

interface Froms {
  /** Sender lines of the page, in document order (look-alikes inside mail content excluded). */
  list: Element[];
  /** Every ancestor of a sender line, so finding a body's card is a climb, not a search. */
  ancestors: Set<Element>;
}

function collectFroms(doc: Document): Froms {
  const list: Element[] = [];
  const ancestors = new Set<Element>();
  for (const f of doc.querySelectorAll(SELECTORS.from)) {
    if (f.closest(SELECTORS.body)) continue;
    list.push(f);
    for (let a = f.parentElement; a && !ancestors.has(a); a = a.parentElement) ancestors.add(a);
  }
  return { list, ancestors };
}

/**
 * The message card of `body`: its lowest ancestor that also holds a sender line (MSG_..._FROM),
 * and that sender line (the last one before the body). A reading area counts as the card only
 * when it holds a single sender line (a lone item); the climb never leaves the reading area.
 */
function findCard(body: Element, froms: Froms): { card?: Element; fromEl?: Element; isPane?: boolean } {
  const stop = body.ownerDocument.body;
  for (let a = body.parentElement; a && a !== stop; a = a.parentElement) {
    const isPane = a.matches(PANES);
    if (froms.ancestors.has(a)) {
      const inside = froms.list.filter((f) => a.contains(f));
      const before = inside.filter((f) => (f.compareDocumentPosition(body) & 4) /* FOLLOWING */ !== 0);
      const fromEl = before[before.length - 1] ?? inside[0];
      if (!isPane) return fromEl ? { card: a, fromEl } : { card: a };
      if (inside.length === 1 && fromEl) return { card: a, fromEl, isPane: true };
      return {};
    }
    if (isPane) return {};
  }
  return {};
}

interface Located {
  pane: Element;
  card?: Element;
  cardIsPane?: boolean;
  fromEl?: Element;
  subjectEl?: Element;
}

function locate(body: Element, froms: Froms = collectFroms(body.ownerDocument)): Located {
  const { card, fromEl, isPane } = findCard(body, froms);
  const out: Located = { pane: body.parentElement?.closest(PANES) ?? body.ownerDocument.body };
  if (card) out.card = card;
  if (isPane) out.cardIsPane = true;
  if (fromEl) out.fromEl = fromEl;
  const subjectEl = findSubject(body);
  if (subjectEl) out.subjectEl = subjectEl;
  return out;
}

/** Bodies that are open: shown, rendered, not a draft, not nested in another body. */
function openBodies(doc: Document): Element[] {
  const found: Element[] = [];
  for (const b of doc.querySelectorAll(SELECTORS.body)) {
    if (insideBody(b)) continue;
    found.push(b);
  }
  if (found.length === 0) {
    // Fallback: a [role=document] inside a reading area.
    for (const pane of doc.querySelectorAll(PANES)) {
      for (const d of pane.querySelectorAll(SELECTORS.bodyFallback)) {
        if (found.some((f) => f.contains(d) || d.contains(f))) continue;
        found.push(d);
      }
    }
  }
  return found.filter((b) => !isEditable(b) && isShown(b) && hasText(b));
}

/** A card that holds an editor outside its body is a draft or a reply being written. */
function isDraftCard(loc: Located, body: Element): boolean {
  if (!loc.card || loc.cardIsPane) return false; // a lone item's pane may hold the inline reply
  for (const e of loc.card.querySelectorAll(SELECTORS.editable)) {
    if (!body.contains(e)) return true;
  }
  return false;
}

/** FNV-1a, 32 bits, hex: a short stable tag for key parts that have no id. */
function hash32(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function idPart(el: Element | undefined, re: RegExp): string | undefined {
  const id = el?.id;
  if (!id) return undefined;
  const m = re.exec(id);
  return m?.[1] || undefined;
}

function collapse(s: string | null | undefined, max = 2000): string {
  return (s ?? '')
    .slice(0, max * 4)
    .replace(SPACE_RUN, ' ')
    .trim()
    .slice(0, max);
}

/** The heading's own title, else its text, else a descendant's title (the subject, unlocalised). */
function subjectText(h: Element | undefined): string | undefined {
  if (!h) return undefined;
  const t =
    collapse(h.getAttribute('title')) ||
    collapse(h.textContent) ||
    collapse(h.querySelector('[title]')?.getAttribute('title'));
  return t || undefined;
}

/**
 * A stable key: the conversation (CONV_ id, else the URL's item id, else the selected list row)
 * and the message (MSG_ id, else its position in the conversation). When the ids are counters
 * rather than Outlook ids, more parts are added so two conversations cannot share a key.
 */
function messageKey(doc: Document, m: OutlookMessage, index: number): string {
  const conv = idPart(m.subjectEl, SUBJECT_ID);
  const parts: string[] = [];
  if (conv) parts.push(`c=${conv}`);
  if (!conv || conv.length < STRONG_ID) {
    const item = itemIdFromUrl(doc);
    const row = doc.querySelector(SELECTORS.selectedConversation)?.getAttribute('data-convid');
    if (item) parts.push(`i=${item}`);
    else if (row) parts.push(`r=${row}`);
    else parts.push(`s=${hash32(subjectText(m.subjectEl) ?? '')}`);
  }
  const msg = idPart(m.fromEl, FROM_ID);
  if (msg) parts.push(`m=${msg}`);
  if (!msg || msg.length < STRONG_ID) {
    parts.push(`n=${index}`);
    if (m.fromEl) parts.push(`f=${hash32(collapse(m.fromEl.textContent, 500))}`);
  }
  return `outlook:${parts.join('|')}`.slice(0, 1200);
}

function findOpenMessages(doc: Document): OutlookMessage[] {
  if (!isMailView(doc)) return [];
  const bodies = openBodies(doc);
  if (bodies.length === 0) return [];
  const froms = collectFroms(doc);
  const result: OutlookMessage[] = [];
  const perPane = new Map<Element, number>();
  const seen = new Set<string>();
  for (const body of bodies) {
    const loc = locate(body, froms);
    if (isDraftCard(loc, body)) continue;
    const msg: OutlookMessage = { key: '', root: loc.card ?? loc.pane, body, pane: loc.pane };
    if (loc.fromEl) msg.fromEl = loc.fromEl;
    if (loc.subjectEl) msg.subjectEl = loc.subjectEl;
    const index = perPane.get(loc.pane) ?? 0;
    perPane.set(loc.pane, index + 1);
    let key = messageKey(doc, msg, index);
    if (seen.has(key)) key = `${key}#${index}`;
    seen.add(key);
    msg.key = key;
    result.push(msg);
  }
  return result;
}

// ---- sender ------------------------------------------------------------------------------------

/** One token that is an email address (anchored, so matching is linear). */
const EMAIL_TOKEN = /^[^@\s]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}$/u;
/** What separates an address from the text around it in a sender line. */
const TOKEN_SEP = /[\s<>()[\]"',;]+/;

/** The first email address in `s` (split into tokens first: no unanchored address regex). */
export function findAddress(s: string): string | undefined {
  for (const raw of s.slice(0, 2000).split(TOKEN_SEP)) {
    const t = trimDots(raw.replace(MAILTO, ''));
    if (t.includes('@') && EMAIL_TOKEN.test(t)) return t;
  }
  return undefined;
}

export interface Sender {
  address?: string;
  name?: string;
}

/** Sender as shown: "Name <address>", "Name", or "address"; the address may sit in a title. */
export function parseSender(el: Element | undefined): Sender {
  if (!el) return {};
  const shown = collapse(el.textContent, 1000);
  let address = findAddress(shown);
  if (!address) {
    for (const t of [el, ...el.querySelectorAll('[title]')].slice(0, 20)) {
      address = findAddress(t.getAttribute('title') ?? '');
      if (address) break;
    }
  }
  let name = shown;
  if (address) name = name.split(address).join(' ');
  name = name.replace(NAME_PUNCT, ' ').replace(SPACE_RUN, ' ').trim();
  const out: Sender = {};
  if (address) out.address = address;
  if (name) out.name = name;
  return out;
}

// ---- theme -------------------------------------------------------------------------------------

/**
 * Outlook's colour scheme from what it paints (not from a class name, which changes): the computed
 * background behind the reading pane (where the badge goes), else the page's. Falls back to the
 * page's color-scheme and the system preference when nothing is painted.
 */
export function outlookTheme(doc: Document): 'light' | 'dark' {
  const probes: Element[] = [];
  for (const sel of SELECTORS.themeProbe) {
    for (const el of doc.querySelectorAll(sel)) {
      if (isShown(el)) {
        probes.push(el);
        break;
      }
    }
    if (probes.length > 0) break;
  }
  if (doc.body) probes.push(doc.body);
  for (const p of probes) {
    const bg = paintedBackground(p);
    if (bg) return backgroundScheme(bg);
  }
  const win = doc.defaultView;
  const root = doc.documentElement;
  if (win && root) {
    const scheme = win.getComputedStyle(root).colorScheme ?? '';
    if (DARK_WORD.test(scheme) && !LIGHT_WORD.test(scheme)) return 'dark';
    if (DARK_WORD.test(scheme) && win.matchMedia?.('(prefers-color-scheme: dark)').matches) return 'dark';
  }
  return 'light';
}

// ---- the adapter -------------------------------------------------------------------------------

/** What findOpenMessages stored, or the same looked up again (elements Outlook re-rendered). */
function current(msg: OpenMessage): Located {
  const m = msg as Partial<OutlookMessage>;
  if (
    m.pane?.isConnected &&
    (!m.fromEl || m.fromEl.isConnected) &&
    (!m.subjectEl || m.subjectEl.isConnected)
  ) {
    const loc: Located = { pane: m.pane };
    if (m.fromEl) loc.fromEl = m.fromEl;
    if (m.subjectEl) loc.subjectEl = m.subjectEl;
    return loc;
  }
  return locate(msg.body);
}

function readVisible(msg: OpenMessage): VisibleMessage {
  const loc = current(msg);
  const out: VisibleMessage = { text: visibleText(msg.body) };
  const subject = subjectText(loc.subjectEl);
  if (subject) out.subject = subject;
  const sender = parseSender(loc.fromEl);
  const from = sender.address ?? sender.name;
  if (from) out.from = from;
  if (sender.name) out.fromName = sender.name;
  return out;
}

/**
 * Beside the subject when the message is the only open one of its reading area; in a conversation
 * with several open messages, after that message's sender line (so each badge sits with its
 * message); before the body when neither exists.
 */
function badgeSlot(msg: OpenMessage): { parent: Element; before: Node | null } {
  const loc = current(msg);
  const doc = msg.body.ownerDocument;
  const open = openBodies(doc).filter((b) => loc.pane.contains(b)).length;
  const subject = loc.subjectEl;
  if (open <= 1 && subject?.parentElement)
    return { parent: subject.parentElement, before: subject.nextSibling };
  if (loc.fromEl?.parentElement) return { parent: loc.fromEl.parentElement, before: loc.fromEl.nextSibling };
  if (subject?.parentElement) return { parent: subject.parentElement, before: subject.nextSibling };
  const parent = msg.body.parentElement;
  return parent ? { parent, before: msg.body } : { parent: loc.pane, before: null };
}

function createOutlookAdapter(): WebmailAdapter {
  return {
    id: 'outlook',
    matches: (url: URL) =>
      url.protocol === 'https:' && (OUTLOOK_HOSTS as readonly string[]).includes(url.hostname),
    findOpenMessages,
    readVisible,
    badgeSlot,
    theme: outlookTheme,
  };
}

export const outlookAdapter: WebmailAdapter = createOutlookAdapter();

/** Every regular expression in this file, for the linear-time (ReDoS) check in the tests. */
export const OUTLOOK_REGEXES: Readonly<Record<string, RegExp>> = {
  SUBJECT_ID,
  FROM_ID,
  ITEM_PATH,
  NOT_MAIL_PATH,
  NON_SPACE,
  SPACE_RUN,
  MAILTO,
  NAME_PUNCT,
  DARK_WORD,
  LIGHT_WORD,
  EMAIL_TOKEN,
  TOKEN_SEP,
};
