/**
 * Finding SMTP reply codes, enhanced status codes (RFC 3463: class.subject.detail, each part up to
 * three digits) and e-mail addresses in free text. Linear-time by construction: the regexes have no
 * nested or unbounded quantifiers, and addresses are found by scanning around each "@".
 */

/** Enhanced status code, not part of a dotted IP or version number. */
const ENHANCED = /(?<![\d.])([245])\.([0-7])\.(\d{1,3})(?![\d]|\.\d)/;
const ENHANCED_G = /(?<![\d.])([245])\.([0-7])\.(\d{1,3})(?![\d]|\.\d)/g;

/** First enhanced status code in the text ("5.1.1"), normalised (no leading zeros). */
export function findEnhancedStatus(text: string): string | undefined {
  const m = ENHANCED.exec(text);
  return m ? `${m[1]}.${Number(m[2])}.${Number(m[3])}` : undefined;
}

export function findAllEnhanced(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(ENHANCED_G)) out.push(`${m[1]}.${Number(m[2])}.${Number(m[3])}`);
  return out;
}

/**
 * Reply code at the start of a server reply ("550 ...", "550-...", "#550", "<<< 550"), or one
 * directly followed by an enhanced code anywhere ("... said: 550 5.1.1").
 */
const REPLY_START = /^[\s#<>'"([]{0,6}([2-5][0-5]\d)(?:[\s\-:.]|$)/;
const REPLY_WITH_ENHANCED = /(?<![\d.])([245][0-5]\d)[\s-]{1,3}#?[245]\.[0-7]\.\d{1,3}(?![\d])/;
const REPLY_AFTER_MARKER =
  /(?:said|returned|response|reply|answer|error|failed|rejected|code|smtp|<<<|\][:,]?)\s{0,4}[:(#'"]?\s{0,4}([245][0-5]\d)(?=[\s\-:;,.)'"]|$)/i;

export function findReplyCode(text: string): string | undefined {
  const head = text.length > 4096 ? text.slice(0, 4096) : text;
  const a = REPLY_START.exec(head);
  if (a) return a[1];
  const b = REPLY_WITH_ENHANCED.exec(head);
  if (b) return b[1];
  const c = REPLY_AFTER_MARKER.exec(head);
  return c ? c[1] : undefined;
}

const REPLY_STATUS_G = /(?<![\d.])[245][0-5]\d[\s-]{1,3}['"#(]{0,2}([245])\.([0-7])\.(\d{1,3})(?![\d]|\.\d)/g;

/**
 * The enhanced code a server reply states: the one right after a reply code (the last such pair,
 * since relays quote the upstream answer after their own), else the first code in the text.
 */
export function statusInReply(text: string): string | undefined {
  const head = text.length > 4096 ? text.slice(0, 4096) : text;
  let last: RegExpExecArray | null = null;
  REPLY_STATUS_G.lastIndex = 0;
  // the pattern never matches empty, so lastIndex always advances
  for (let m = REPLY_STATUS_G.exec(head); m; m = REPLY_STATUS_G.exec(head)) last = m;
  return last ? `${last[1]}.${Number(last[2])}.${Number(last[3])}` : findEnhancedStatus(head);
}

/** Character classes of an address as lookup tables over char codes (no regex per character). */
const LOCAL = new Uint8Array(128);
const DOMAIN = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+=/!#$&*?^`{|}~'-")
  LOCAL[c.charCodeAt(0)] = 1;
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-')
  DOMAIN[c.charCodeAt(0)] = 1;
const isLocal = (code: number) => code < 128 && LOCAL[code] === 1;
const isDomain = (code: number) => code < 128 && DOMAIN[code] === 1;

export interface FoundAddress {
  address: string;
  start: number;
  end: number;
}

/** Every plausible e-mail address in the text, in order. Scans around each "@" (linear). */
export function findAddresses(text: string, limit = 200): FoundAddress[] {
  const out: FoundAddress[] = [];
  let at = text.indexOf('@');
  let lastEnd = 0;
  while (at !== -1 && out.length < limit) {
    let s = at;
    while (s > lastEnd && at - s < 64 && isLocal(text.charCodeAt(s - 1))) s--;
    let e = at + 1;
    while (e < text.length && e - at < 254 && isDomain(text.charCodeAt(e))) e++;
    // trim trailing dots/hyphens from the domain, leading dots from the local part
    while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
    while (s < at && text.charCodeAt(s) === 46) s++;
    // An address in single quotes ("addressed to 'user@example.uk',"): the quote is not part of it.
    const q = text.charCodeAt(s);
    if ((q === 39 || q === 96) && text.charCodeAt(e) === 39 && s + 1 < at) s++;
    const local = text.slice(s, at);
    const domain = text.slice(at + 1, e);
    if (local && /^[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,10}$/.test(domain)) {
      out.push({ address: `${local}@${domain}`, start: s, end: e });
      lastEnd = e;
    }
    at = text.indexOf('@', Math.max(at + 1, e));
  }
  return out;
}

/** "<User@Example.COM>" / "rfc822;user@example.com" / "\"x\" <a@b>" -> "user@example.com". */
export function normaliseAddress(v: string): string {
  const found = findAddresses(v, 1)[0];
  const a = found ? found.address : v.trim().replace(/^<|>$/g, '');
  return a.toLowerCase();
}

/** "host mx.example.com [192.0.2.1]" style host names: lower case, no trailing dot. */
export function cleanHost(h: string): string {
  return h.replace(/\.$/, '').toLowerCase();
}

/**
 * Join a multi-line SMTP reply into one sentence: "550-5.1.1 The email account ... 550-5.1.1
 * double-checking ..." -> "550-5.1.1 The email account ... double-checking ...". Only the repeated
 * prefix of the first line's own code is removed: "550-", "550-5.1.1 ", and "550 " / "550 5.1.1 "
 * (the last line) only when the reply really had continuation lines ("550-" first). A single-line
 * reply keeps a quoted upstream answer intact ("550 5.1.351 ... -> 550 : User unknown").
 */
const CONTINUATION_CACHE = new Map<string, RegExp>();

export function joinContinuations(diag: string): string {
  const m = /^\s{0,4}([245]\d\d)([- ])((?:[245]\.\d{1,3}\.\d{1,3})?)/.exec(diag);
  if (!m) return diag;
  const reply = m[1] as string;
  const multi = m[2] === '-';
  const status = m[3] ?? '';
  const st = status.replace(/\./g, '\\.');
  const prefix = multi
    ? status
      ? `\\s${reply}[- ](?:${st}\\s)?`
      : `\\s${reply}[- ]`
    : status
      ? `\\s${reply}(?:-(?:${st}\\s)?| ${st}\\s)`
      : `\\s${reply}-`;
  let re = CONTINUATION_CACHE.get(prefix);
  if (!re) {
    re = new RegExp(prefix, 'g');
    if (CONTINUATION_CACHE.size < 256) CONTINUATION_CACHE.set(prefix, re);
  }
  const head = diag.slice(0, m[0].length);
  const rest = diag.slice(m[0].length).replace(re, ' ');
  return `${head}${rest}`.replace(/\s{2,}/g, ' ');
}
