/**
 * Reading a raw message: locate the parts a bounce classifier needs, decode only those.
 *
 * Measured on ../shared/corpus (bench/core.ts): postal-mime parses the whole corpus at about
 * 7-12 MB/s, mostly spent on the returned original message and attachments, which a classifier does
 * not need; its fixed cost per call is ~30 us. So this module only *locates* parts: it splits header
 * blocks and multipart boundaries (structure, no decoding), keeps the human-readable text parts,
 * the message/delivery-status part and the header block of the returned message, and hands every
 * part that actually needs decoding (base64, quoted-printable, a charset other than ASCII/UTF-8) to
 * postal-mime (decodeWords for encoded-word headers, PostalMime.parse for bodies). Plain 7bit/UTF-8
 * parts are used as they are.
 *
 * Works on a "binary string" (one char per byte, line ends normalised to LF) so structure scanning
 * is byte-exact for any charset. Limits keep hostile input bounded: nesting depth, part count, and
 * the size of any part that is decoded.
 */

import PostalMime, { decodeWords } from 'postal-mime';
import { startsHeaderLine } from '../detect/input';
import { htmlToText } from './html';

export const LIMITS = {
  /** Multipart nesting depth followed. */
  maxDepth: 12,
  /** Parts examined in total. */
  maxParts: 300,
  /** Characters of one text part kept for extraction. */
  maxTextPart: 512 * 1024,
  /** Characters of one header block parsed. */
  maxHeaderBlock: 256 * 1024,
};

export interface HeaderField {
  /** lower-case name */
  name: string;
  value: string;
  /** the unfolded raw line (name: value) */
  line: string;
}

export class Headers {
  readonly fields: HeaderField[];
  constructor(fields: HeaderField[]) {
    this.fields = fields;
  }
  get(name: string): string | undefined {
    for (const f of this.fields) if (f.name === name) return f.value;
    return undefined;
  }
  /** First value of every field, names lower case (for vendor header fingerprints). */
  record(): Record<string, string> {
    // Backwards, so that the first value of a repeated field is the one left standing.
    const r: Record<string, string> = {};
    for (let i = this.fields.length - 1; i >= 0; i--) {
      const f = this.fields[i] as HeaderField;
      r[f.name] = f.value;
    }
    return r;
  }
}

export type PartRole = 'text' | 'html' | 'dsn' | 'original' | 'original-headers' | 'other';

export interface Part {
  headers: Headers;
  /** lower-case media type, e.g. "text/plain" */
  type: string;
  params: Record<string, string>;
  /** raw (undecoded) body as a binary string */
  body: string;
  role: PartRole;
  /** true when Content-Disposition says attachment */
  attachment: boolean;
  depth: number;
}

export interface Skeleton {
  headers: Headers;
  /** Top-level media type. */
  type: string;
  parts: Part[];
  notes: string[];
}

// ---------------------------------------------------------------------------------------------
// bytes <-> binary string

/** Raw input to a binary string with LF line ends. Strings with chars > 0xFF are UTF-8 encoded first. */
export function toBinaryString(raw: Uint8Array | ArrayBuffer | string): string {
  let s: string;
  if (typeof raw === 'string') {
    s = isBinaryString(raw) ? raw : bytesToBinary(new TextEncoder().encode(raw));
  } else {
    s = bytesToBinary(raw instanceof Uint8Array ? raw : new Uint8Array(raw));
  }
  if (s.indexOf('\r') === -1) return s;
  const lf = s.replaceAll('\r\n', '\n');
  return lf.indexOf('\r') === -1 ? lf : lf.replaceAll('\r', '\n');
}

/** A caller's string holding one byte per char (latin1 convention, all chars <= 0xFF). */
function isBinaryString(s: string): boolean {
  return !ABOVE_LATIN1.test(s);
}
// A one-character class scans natively, about 2.5x faster than a charCodeAt loop (measured here).
const ABOVE_LATIN1 = /[\u0100-\uffff]/;
const ABOVE_ASCII = /[\u0080-\uffff]/;

/** One of our own binary strings (see byteOf). */
function isInternalBinary(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (byteOf(s.charCodeAt(i)) === -1) return false;
  return true;
}

// windows-1252 decoding is native and fast in every engine, and one-to-one on bytes: Node maps
// 0x80-0x9F to U+0080-U+009F (latin1), browsers follow WHATWG (0x80 -> U+20AC, ...). Both are
// inverted by byteOf().
const byteDecoder = new TextDecoder('windows-1252');
const W1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];
const INVERSE: ReadonlyMap<number, number> = new Map(W1252_HIGH.map((cp, i) => [cp, 0x80 + i]));

/** The byte a binary-string char stands for, or -1 when it is not one. */
function byteOf(c: number): number {
  if (c <= 0xff) return c;
  return INVERSE.get(c) ?? -1;
}

function bytesToBinary(b: Uint8Array): string {
  return byteDecoder.decode(b);
}

export function binaryToBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = byteOf(s.charCodeAt(i)) & 0xff;
  return b;
}

/** Does the body hold anything but white space? (No copy, unlike trim().) */
export function hasContent(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return true;
  }
  return false;
}

function isAscii(s: string): boolean {
  return !ABOVE_ASCII.test(s);
}

const utf8 = new TextDecoder('utf-8');

/** A binary string holding UTF-8 (or ASCII) to a JS string. */
export function binaryUtf8(s: string): string {
  return isAscii(s) ? s : utf8.decode(binaryToBytes(s));
}

// ---------------------------------------------------------------------------------------------
// headers

/** Split "headers\n\nbody". Returns the header block and the body start offset. */
export function splitHeaderBlock(s: string, from = 0): { block: string; bodyStart: number } {
  let end = s.indexOf('\n\n', from);
  // A part may start with the empty line (no headers at all).
  if (s.charCodeAt(from) === 10) return { block: '', bodyStart: from + 1 };
  if (end === -1) end = s.length;
  const block = s.slice(from, Math.min(end, from + LIMITS.maxHeaderBlock));
  return { block, bodyStart: Math.min(s.length, end + 2) };
}

/** Parse an RFC 5322 header block (LF line ends) into unfolded fields. Tolerates garbage lines. */
export function parseHeaderBlock(block: string): Headers {
  const fields: HeaderField[] = [];
  let current = '';
  const flush = () => {
    if (!current) return;
    const colon = current.indexOf(':');
    if (colon > 0 && colon < 80) {
      const name = current.slice(0, colon).trim().toLowerCase();
      if (name && !/\s/.test(name)) {
        fields.push({ name, value: current.slice(colon + 1).trim(), line: current });
      }
    }
    current = '';
  };
  let pos = 0;
  while (pos <= block.length) {
    let nl = block.indexOf('\n', pos);
    if (nl === -1) nl = block.length;
    const line = block.slice(pos, nl);
    pos = nl + 1;
    const c = line.charCodeAt(0);
    if ((c === 32 || c === 9) && current) current += ` ${line.trim()}`;
    else {
      flush();
      current = line;
    }
    if (nl === block.length) break;
  }
  flush();
  return new Headers(fields);
}

/** Decode RFC 2047 encoded words (postal-mime), then any raw UTF-8 bytes. Never throws. */
export function decodeHeaderValue(v: string): string {
  try {
    const s = v.includes('=?') ? decodeWords(v) : v;
    return isAscii(s) ? s : fixLatin1Utf8(s);
  } catch {
    return v;
  }
}

/** Header values can carry raw 8-bit UTF-8 (binary string chars 0x80-0xFF); decode them as UTF-8. */
function fixLatin1Utf8(s: string): string {
  if (!isInternalBinary(s)) return s;
  const d = utf8.decode(binaryToBytes(s));
  return d.includes('\uFFFD') ? s : d;
}

/** Parse a Content-Type-like value: "type/sub; a=b; c="d"". */
export function parseParams(value: string): { value: string; params: Record<string, string> } {
  const v = value.trim();
  // The type ends at ";" or, in sloppy headers ("text/plain charset=x"), at whitespace.
  const semi = v.search(/[;\s]/);
  const head = (semi === -1 ? v : v.slice(0, semi)).trim().toLowerCase();
  const params: Record<string, string> = {};
  if (semi !== -1) {
    const re =
      /[;\s][;\s]{0,20}([A-Za-z0-9_.*-]{1,80})[ \t]{0,20}=[ \t]{0,20}(?:"([^"]{0,1000})"|([^;\s]{0,1000}))/g;
    const rest = v.slice(semi);
    for (let m = re.exec(rest); m; m = re.exec(rest)) {
      const key = (m[1] ?? '').toLowerCase();
      if (!(key in params)) params[key] = m[2] ?? m[3] ?? '';
    }
  }
  return { value: head, params };
}

// ---------------------------------------------------------------------------------------------
// structure

function roleOf(type: string, attachment: boolean): PartRole {
  switch (type) {
    case 'message/delivery-status':
    case 'message/global-delivery-status':
      return 'dsn';
    case 'message/rfc822':
    case 'message/global':
      return 'original';
    case 'text/rfc822-headers':
    case 'message/global-headers':
    case 'message/rfc822-headers':
      return 'original-headers';
    case 'text/plain':
    case '':
      return attachment ? 'other' : 'text';
    case 'text/html':
      return attachment ? 'other' : 'html';
    default:
      return 'other';
  }
}

/**
 * Where a whole message's header block starts: after blank lines a paste, a save or a transfer put
 * before it ("\n\nReturn-Path: ..."), when a header field follows them; otherwise 0 (a message
 * that is all body keeps its empty header block).
 */
function headerStart(s: string): number {
  const m = LEADING_BLANK_LINES.exec(s.slice(0, 1024));
  return m && startsHeaderLine(s.slice(m[0].length, m[0].length + 80)) ? m[0].length : 0;
}
const LEADING_BLANK_LINES = /^(?:[ \t]{0,200}\n){1,50}/;

/** Locate the parts of a message. Never throws; problems become notes. */
export function scanMessage(s: string): Skeleton {
  const notes: string[] = [];
  const { block, bodyStart } = splitHeaderBlock(s, headerStart(s));
  const headers = parseHeaderBlock(block);
  const ct = parseParams(headers.get('content-type') ?? 'text/plain');
  const parts: Part[] = [];
  const state = { count: 0, depthNoted: false, countNoted: false };
  walk(s.slice(bodyStart), headers, ct.value, ct.params, 0, parts, notes, state);
  return { headers, type: ct.value, parts, notes };
}

function walk(
  body: string,
  headers: Headers,
  type: string,
  params: Record<string, string>,
  depth: number,
  out: Part[],
  notes: string[],
  state: { count: number; depthNoted: boolean; countNoted: boolean },
): void {
  if (state.count >= LIMITS.maxParts) {
    noteTooManyParts(notes, state);
    return;
  }
  state.count++;
  const disposition = parseParams(headers.get('content-disposition') ?? '').value;
  const attachment = disposition === 'attachment';
  if (type.startsWith('multipart/')) {
    const boundary = params.boundary;
    if (!boundary) {
      notes.push(`A ${type} part has no boundary: read as text.`);
      out.push({ headers, type: 'text/plain', params, body, role: 'text', attachment: false, depth });
      return;
    }
    if (depth >= LIMITS.maxDepth) {
      if (!state.depthNoted)
        notes.push(`MIME nesting deeper than ${LIMITS.maxDepth}: inner parts were not read.`);
      state.depthNoted = true;
      return;
    }
    const { parts: children, truncated } = splitMultipart(
      body,
      boundary,
      notes,
      LIMITS.maxParts - state.count + 1,
    );
    if (truncated) noteTooManyParts(notes, state);
    for (const child of children) {
      const { block, bodyStart } = splitHeaderBlock(child);
      const h = parseHeaderBlock(block);
      const rawCt = h.get('content-type');
      // RFC 2046: the default type inside multipart/digest is message/rfc822.
      const ct = parseParams(rawCt ?? (type === 'multipart/digest' ? 'message/rfc822' : 'text/plain'));
      walk(child.slice(bodyStart), h, ct.value, ct.params, depth + 1, out, notes, state);
    }
    return;
  }
  out.push({ headers, type, params, body, role: roleOf(type, attachment), attachment, depth });
}

/** The part-count note, once per message. */
function noteTooManyParts(notes: string[], state: { countNoted: boolean }): void {
  if (!state.countNoted) notes.push(`More than ${LIMITS.maxParts} MIME parts: the rest was not read.`);
  state.countNoted = true;
}

/**
 * Split a multipart body on its boundary lines (linear: indexOf scans only). `truncated` says the
 * body had more than `limit` parts; the caller notes it (once per message).
 */
export function splitMultipart(
  body: string,
  boundary: string,
  notes: string[],
  limit = LIMITS.maxParts,
): { parts: string[]; truncated: boolean } {
  const delim = `--${boundary}`;
  const parts: string[] = [];
  let pos = body.startsWith(delim) ? 0 : body.indexOf(`\n${delim}`);
  if (pos === -1) {
    // Sanitised or broken messages declare one boundary and use another: recover the one in use.
    // The first "--X" line followed by a part header opens the real first part.
    const found = firstPartOpener(body);
    if (found && found !== boundary && body.includes(`--${found}\n`)) {
      notes.push('The declared multipart boundary is not used; the one the body uses was followed.');
      return splitMultipart(body, found, notes, limit);
    }
    notes.push('A multipart boundary was never found: the body was read as one part.');
    return { parts: [body], truncated: false };
  }
  if (!body.startsWith(delim)) pos += 1;
  let closed = false;
  let truncated = false;
  while (pos !== -1 && pos < body.length) {
    if (parts.length >= limit) {
      truncated = true;
      closed = true;
      break;
    }
    const lineEnd = body.indexOf('\n', pos);
    const line = body.slice(pos, lineEnd === -1 ? body.length : lineEnd);
    if (line.startsWith(`${delim}--`)) {
      closed = true;
      break;
    }
    const start = lineEnd === -1 ? body.length : lineEnd + 1;
    let next = body.indexOf(`\n${delim}`, start - 1);
    // A boundary line must be the delimiter followed by optional whitespace or "--".
    while (next !== -1) {
      const after = body.charCodeAt(next + 1 + delim.length);
      if (Number.isNaN(after) || after === 10 || after === 32 || after === 9 || after === 45) break;
      next = body.indexOf(`\n${delim}`, next + 1);
    }
    parts.push(body.slice(start, next === -1 ? body.length : next));
    pos = next === -1 ? -1 : next + 1;
  }
  if (!closed) notes.push('A multipart body ends without its closing boundary (truncated MIME).');
  return { parts, truncated };
}

/** The first line "--X" that is followed by a "Content-" header line: X is the boundary in use. */
function firstPartOpener(body: string): string | undefined {
  let pos = body.startsWith('--') ? 0 : body.indexOf('\n--');
  for (let n = 0; pos !== -1 && n < 50; n++) {
    const start = pos === 0 && body.startsWith('--') ? 2 : pos + 3;
    const end = body.indexOf('\n', start);
    if (end === -1) return undefined;
    const candidate = body.slice(start, end).trim();
    const next = body.slice(end + 1, end + 9).toLowerCase();
    if (candidate && candidate.length <= 200 && !/\s/.test(candidate) && next === 'content-')
      return candidate;
    pos = body.indexOf('\n--', end);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// decoding (postal-mime)

const PLAIN_CHARSETS = new Set(['', 'us-ascii', 'ascii', 'utf-8', 'utf8', 'unicode-1-1-utf-8']);

/** A part's Content-Transfer-Encoding, trimmed and lower case ("" when absent). */
export function cteOf(headers: Headers): string {
  return (headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
}

/** True when the body can be used as is: no transfer encoding and ASCII/UTF-8. */
function isPlain(part: { params: Record<string, string>; body: string }, cte: string): boolean {
  if (cte && cte !== '7bit' && cte !== '8bit' && cte !== 'binary') return false;
  const charset = (part.params.charset ?? '').toLowerCase();
  if (PLAIN_CHARSETS.has(charset)) return true;
  // Other charsets only matter when the body has 8-bit bytes or ISO-2022 escapes.
  return isAscii(part.body) && !part.body.includes('\x1b');
}

const decoders = new Map<string, TextDecoder | null>();

/** A cached TextDecoder for a charset label, or null when the platform does not know it. */
function decoderFor(charset: string): TextDecoder | null {
  const key = charset.trim().toLowerCase();
  let d = decoders.get(key);
  if (d === undefined) {
    try {
      d = new TextDecoder(key);
    } catch {
      d = null;
    }
    if (decoders.size < 64) decoders.set(key, d);
  }
  return d;
}

function isEncoded(cte: string): boolean {
  return cte === 'base64' || cte === 'quoted-printable';
}

const SNIFF = ['utf-8', 'euc-jp', 'shift_jis', 'iso-2022-jp', 'gb18030', 'big5', 'euc-kr', 'koi8-r'];

/** Decode a raw body with the first candidate charset that decodes without errors. */
function sniffCharset(body: string): string | undefined {
  const bytes = binaryToBytes(body);
  for (const cs of SNIFF) {
    try {
      return new TextDecoder(cs, { fatal: true }).decode(bytes);
    } catch {
      // not this one
    }
  }
  return undefined;
}

/** RFC 2045 6.7 quoted-printable and 6.8 base64, over a binary string; undefined for anything else. */
export function transferDecode(body: string, cte: string): Uint8Array | undefined {
  if (cte === 'base64') {
    const clean = body.replace(/[^A-Za-z0-9+/]/g, '');
    const usable = clean.slice(0, clean.length - (clean.length % 4 === 1 ? 1 : 0));
    const padded = usable + '='.repeat((4 - (usable.length % 4)) % 4);
    try {
      return binaryToBytes(atob(padded));
    } catch {
      return undefined;
    }
  }
  if (cte === 'quoted-printable') return decodeQuotedPrintable(body);
  return undefined;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** "=XX" is a byte, "=" at the end of a line a soft line break, anything else literal. */
function decodeQuotedPrintable(body: string): Uint8Array {
  const out = new Uint8Array(body.length);
  let n = 0;
  const len = body.length;
  for (let i = 0; i < len; i++) {
    const c = body.charCodeAt(i);
    if (c !== 61 /* = */) {
      out[n++] = byteOf(c) & 0xff;
      continue;
    }
    const h = i + 1 < len ? hexValue(body.charCodeAt(i + 1)) : -1;
    const l = h >= 0 && i + 2 < len ? hexValue(body.charCodeAt(i + 2)) : -1;
    if (h >= 0 && l >= 0) {
      out[n++] = (h << 4) | l;
      i += 2;
      continue;
    }
    // soft line break: "=" as the last character of a line (or of the body), as postal-mime reads it
    if (i + 1 >= len || body.charCodeAt(i + 1) === 10) {
      i += 1;
      continue;
    }
    out[n++] = 61; // a stray "=" stays literal
  }
  return out.subarray(0, n);
}

export interface DecodedText {
  text: string;
  /** A note when decoding failed. */
  note?: string;
}

/**
 * Decode one part's body to text. `as` chooses what to get back from an HTML part: its text
 * rendering (postal-mime's HTML-to-text) or the HTML itself.
 */
export function decodePart(
  part: { headers: Headers; params: Record<string, string>; body: string; type: string },
  as: 'text' | 'html-as-text' = 'text',
): DecodedText | Promise<DecodedText> {
  let body = part.body;
  let note: string | undefined;
  const cte = cteOf(part.headers);
  if (body.length > LIMITS.maxTextPart) {
    body = body.slice(0, LIMITS.maxTextPart);
    note = `A ${part.type || 'text'} part over ${LIMITS.maxTextPart / 1024} KB was cut for reading.`;
  }
  const done = (t: string, n = note): DecodedText => {
    // A wrong charset label (EUC-JP sent as ISO-2022-JP, Latin-1 sent as UTF-8) leaves U+FFFD
    // behind; unencoded bodies are then sniffed against the usual candidates.
    const fixed = t.includes('\uFFFD') && !isEncoded(cte) ? (sniffCharset(body) ?? t) : t;
    return { text: as === 'html-as-text' ? htmlToText(fixed) : fixed, ...(n ? { note: n } : {}) };
  };
  if (isPlain(part, cte)) return done(binaryUtf8(body));
  const charset = part.params.charset;
  // No transfer encoding, only a charset: the platform's TextDecoder reads it (postal-mime is for
  // base64 and quoted-printable, where it earns its cost).
  if (!isEncoded(cte) && charset) {
    const d = decoderFor(charset);
    if (d) {
      try {
        return done(d.decode(binaryToBytes(body)));
      } catch {
        // fall through to postal-mime
      }
    }
  }
  // Base64 and quoted-printable: decoded here (the transfer encodings are byte-level and fixed by
  // RFC 2045; test/unit/mime-decode.test.ts checks this path against postal-mime on every encoded
  // part of the corpus), because postal-mime's fixed cost per call (~0.3 ms: streams, a 100 KB
  // buffer per part) was a tenth of the classifier's whole budget. postal-mime stays the reference
  // and the fallback: for charsets the platform cannot decode, and whenever this path fails.
  const bytes = transferDecode(body, cte);
  const d = bytes ? decoderFor(charset || 'utf-8') : null;
  if (bytes && d) {
    try {
      return done(d.decode(bytes));
    } catch {
      // fall through to postal-mime
    }
  }
  // Decoded as text/plain so postal-mime hands back the decoded characters untouched. The only
  // asynchronous path: decodePart returns a promise here and nowhere else.
  const head =
    `Content-Type: text/plain${charset ? `; charset="${charset.replace(/"/g, '')}"` : ''}\n` +
    (cte ? `Content-Transfer-Encoding: ${cte}\n` : '') +
    '\n';
  return PostalMime.parse(binaryToBytes(head + body)).then(
    (parsed) => done(parsed.text ?? ''),
    () => done(binaryUtf8(body), `A ${part.type} part could not be decoded; read as raw text.`),
  );
}
