/**
 * Reading the human-readable part of a bounce (or what a webmail displays of it): recipients, the
 * server's answer, codes, remote host, SMTP command. One generic reader driven by the layout tables
 * in core/knowledge/text-formats.ts:
 *
 *   1. cut the text where the returned message starts (marker line or a header block);
 *   2. find addresses in recipient position (alone on a line, line-leading "addr:", or after a
 *      recipient phrase in any of the supported languages);
 *   3. each recipient's block runs to the next recipient; blocks of the same address merge;
 *   4. in each block: the server's answer (after a response marker, or a line starting with a reply
 *      code, joined across continuation lines), codes, host and command.
 *
 * Linear in the input: every scan is per line with bounded patterns; input is capped.
 */
import {
  ANY_BOILERPLATE,
  ANY_DELAY,
  ANY_HOST,
  ANY_ORIGINAL_MARKER,
  ANY_PERMANENT,
  ANY_RECIPIENT_PREFIX,
  ANY_REPORTING_HOST,
  ANY_STATEMENT_BEFORE_RECIPIENT,
  BOILERPLATE,
  DELAY_PHRASES,
  DELIVERY_CONTEXT,
  EXPANDED_FROM,
  FAILURE_LINE,
  FAILURE_STATEMENT,
  GAVE_UP_PHRASES,
  HEADER_BLOCK_START,
  HOST_PATTERNS,
  INSTRUCTION_BEFORE_ADDRESS,
  INSTRUCTION_PREFIX,
  ORIGINAL_MARKERS,
  PERMANENT_PHRASES,
  QUEUE_EXPIRY,
  QUOTE_PREFIX,
  RECIPIENT_LIST_HEADING,
  RECIPIENT_PREFIX,
  REPORTING_HOST_PATTERNS,
  RESPONSE_MARKERS,
  STATEMENT_BEFORE_RECIPIENT,
  STILL_RETRYING,
} from '../knowledge/text-formats';
import type { Evidence, SmtpCommand } from '../types';
import { anyMatch } from '../util/regex';
import {
  cleanHost,
  findAddresses,
  findEnhancedStatus,
  findReplyCode,
  joinContinuations,
  statusInReply,
} from './codes';
import { findCommand } from './command';

export const TEXT_LIMITS = { maxChars: 256 * 1024, maxLines: 4000, maxDiagnostic: 1200 };

/**
 * Lines of a recipient block searched for the answer. The new Exchange Online layout puts "Reported
 * error:" some 60-100 lines below the recipient (after "How to Fix It" and "More Info").
 */
const BLOCK_LINES = 200;

export interface TextRecipient extends BlockInfo {
  recipient: string;
}

export interface TextReport {
  recipients: TextRecipient[];
  /** The failure section (intro + recipient blocks), for message-level phrase checks. */
  section: string;
  /** Codes/answer found in the section when no recipient could be tied to them. */
  orphan?: Omit<TextRecipient, 'recipient'>;
  reportingMta?: string;
  delayed: boolean;
  permanent: boolean;
  /** Line index (0-based) where the returned message starts, or -1. */
  originalStart: number;
}

interface Line {
  text: string;
  no: number; // 1-based
}

/** An address in recipient position: its line, the rest of that line, lines read with it. */
interface Anchor {
  line: number;
  address: string;
  rest: string;
  /** Lines just above the anchor that belong to its block (a Sendmail session transcript). */
  pre?: Line[];
}

export interface ReadOptions {
  /** Addresses that are the sender of the original (never a failed recipient), lower case. */
  exclude?: ReadonlySet<string>;
  /**
   * The reporting host's mail domain (from its MAILER-DAEMON address), for aliases printed without
   * a domain ("(expanded from: kijitora)": a user of that host).
   */
  localDomain?: string;
}

export function readText(input: string, opts: ReadOptions = {}): TextReport {
  const text = input.length > TEXT_LIMITS.maxChars ? input.slice(0, TEXT_LIMITS.maxChars) : input;
  let raw = text.split('\n', TEXT_LIMITS.maxLines);
  raw = unquote(raw);
  // Line objects are made only for the failure section (the loop below stops where the returned
  // message starts, which is often most of the text).
  const lines: Line[] = [];

  const exclude = opts.exclude ?? new Set<string>();
  // 1. the failure section
  let end = raw.length;
  const anchors: Anchor[] = [];
  let previous = ''; // the last non-empty line before this one
  // An expanded address replaced by the alias the sender wrote, for its later mentions.
  const aliasOf = new Map<string, string>();
  for (let i = 0; i < raw.length; i++) {
    const t = (raw[i] ?? '').trimEnd();
    lines.push({ text: t, no: i + 1 });
    const before = previous;
    if (t.trim() !== '') previous = t;
    if (anyMatch(ANY_ORIGINAL_MARKER, ORIGINAL_MARKERS, t)) {
      end = i;
      break;
    }
    if (anchors.length > 0 && HEADER_BLOCK_START.test(t) && looksLikeHeaderBlock(raw, i)) {
      end = i;
      break;
    }
    // Sendmail "(expanded from: kijitora)": the sender wrote a local alias of the reporting host.
    if (opts.localDomain && anchors.length && t.indexOf('@') === -1) {
      const alias = EXPANDED_FROM_LOCAL.exec(t)?.[1];
      if (alias && (alias.match(/\./g)?.length ?? 0) < 2) {
        const prev = anchors[anchors.length - 1] as Anchor;
        aliasOf.set(prev.address, `${alias.toLowerCase()}@${opts.localDomain}`);
        prev.address = `${alias.toLowerCase()}@${opts.localDomain}`;
        continue;
      }
    }
    let found =
      t.indexOf('@') === -1 ||
      INSTRUCTION_BEFORE_ADDRESS.test(before) ||
      INSTRUCTION_PREFIX.test(before.toLowerCase())
        ? undefined
        : anchorOf(t);
    // Exim hides a redirected address ("an undisclosed address") and names the one the sender
    // wrote on the next line: "(generated from user@example.com)".
    const hidden =
      !found && t.indexOf('@') !== -1 && UNDISCLOSED.test(before) ? GENERATED_FROM.exec(t)?.[1] : undefined;
    if (hidden) found = { address: hidden.toLowerCase(), rest: '' };
    // An indented line repeating the current recipient continues its block (Postfix wraps
    // "<addr>: host X said: 550\n    <addr>: User unknown"), as does a Sendmail transcript line
    // quoting it ("<<< 554 delivery error: dd Sorry your message to addr cannot be delivered").
    if (
      found &&
      (/^\s/.test(t) || TRANSCRIPT_LINE.test(t)) &&
      anchors[anchors.length - 1]?.address === found.address
    )
      found = undefined;
    // A continuation line of a multi-line reply in a recipient's transcript ("<<< 550-The mail
    // server could not deliver mail to bounces@sender.example") is the server's account of another
    // address (a sender callout), not a new failed recipient.
    if (found && anchors.length > 0 && TRANSCRIPT_CONTINUATION.test(t)) found = undefined;
    if (
      found &&
      EXPANDED_FROM.test(t.slice(0, t.toLowerCase().indexOf(found.address)).toLowerCase()) &&
      anchors.length
    ) {
      // "(expanded from: <alias>)": the sender wrote the alias; it stands for the previous recipient.
      const prev = anchors[anchors.length - 1] as Anchor;
      aliasOf.set(prev.address, found.address);
      prev.address = found.address;
      continue;
    }
    if (found) {
      // a later mention of an expanded address belongs to the alias's block
      found = { ...found, address: aliasOf.get(found.address) ?? found.address };
      anchors.push({ line: i, address: found.address, rest: found.rest });
    }
  }
  // No recipient phrase anywhere: Sendmail-style transcripts name the recipient after the code.
  // The session transcript just above such a line ("while talking to X: >>> MAIL From: <<< 550 ...")
  // holds the remote server's own answer, so it joins the recipient's block.
  if (anchors.length === 0) {
    for (let i = 0; i < end; i++) {
      const m = CODE_THEN_ADDRESS.exec(lines[i]?.text ?? '');
      if (m?.[1] && !anchors.some((a) => a.address === m[1]?.toLowerCase())) {
        let from = i;
        while (from > 0 && i - from < 6 && TRANSCRIPT_CONTEXT.test(lines[from - 1]?.text ?? '')) from--;
        anchors.push({
          line: i,
          address: trimEndChars((m[1] ?? '').toLowerCase(), '.'),
          rest: (lines[i]?.text ?? '').trim(),
          ...(from < i ? { pre: lines.slice(from, i) } : {}),
        });
      }
    }
  }
  // Exim lists an unqualified recipient as written ("The following address(es) failed:\n  kijitora");
  // the returned message's envelope ("for kijitora@example.ed.jp") or To gives its domain.
  if (anchors.length === 0) {
    for (let i = 0; i < end; i++) {
      if (!LIST_HEADER.test(lines[i]?.text ?? '')) continue;
      let k = i + 1;
      while (k < end && (lines[k]?.text ?? '').trim() === '') k++;
      const bare = BARE_LOCAL_PART.exec(lines[k]?.text ?? '')?.[1];
      const address = bare ? qualify(bare, text) : undefined;
      if (address) anchors.push({ line: k, address, rest: '' });
      break;
    }
  }
  // Addresses above the recipient-list heading are not failed recipients when recipients follow it.
  const heading = lines.slice(0, end).findIndex((l) => RECIPIENT_LIST_HEADING.test(l.text));
  if (heading > 0 && anchors.some((a) => a.line > heading)) {
    for (let k = anchors.length - 1; k >= 0; k--) if ((anchors[k]?.line ?? 0) < heading) anchors.splice(k, 1);
  }
  // The original sender is never a failed recipient, unless it is the only address there is
  // (sanitised samples reuse one address for both).
  if (anchors.some((a) => !exclude.has(a.address))) {
    for (let k = anchors.length - 1; k >= 0; k--)
      if (exclude.has(anchors[k]?.address ?? '')) anchors.splice(k, 1);
  }
  const sectionLines = lines.slice(0, end);
  const section = sectionLines.map((l) => l.text).join('\n');

  // 2-3. blocks, in line order; blocks of the same address merge.
  const byAddress = new Map<string, { lines: Line[]; anchorLine: Line }>();
  for (let k = 0; k < anchors.length; k++) {
    const a = anchors[k];
    if (!a) continue;
    const next = anchors[k + 1]?.line ?? end;
    const anchorLine = lines[a.line] ?? { text: '', no: 0 };
    const own: Line[] = [...(a.pre ?? [])];
    if (a.rest) own.push({ text: a.rest, no: anchorLine.no });
    own.push(...lines.slice(a.line + 1, next));
    const entry = byAddress.get(a.address);
    if (entry) entry.lines.push(...own);
    else byAddress.set(a.address, { lines: own, anchorLine });
  }

  // Lines before the first anchor (intro), used when a block has no answer of its own (Domino,
  // Notes print the reason before the address).
  const firstAnchor = anchors[0]?.line ?? end;
  const intro = lines.slice(0, firstAnchor);

  const recipients: TextRecipient[] = [];
  let introInfo: BlockInfo | undefined; // read once, shared by every recipient that needs it
  for (const [address, entry] of byAddress) {
    let info = readBlock(entry.lines, entry.anchorLine.text);
    if (!info.diagnostic || (!info.status && !info.replyCode)) {
      introInfo ??= readBlock(intro.filter((l) => !isIntroBoilerplate(l.text)));
      const fromIntro = introInfo;
      const introHasCode = !!(fromIntro.status || fromIntro.replyCode);
      if (fromIntro.diagnostic && (introHasCode || (!info.diagnostic && byAddress.size === 1))) {
        info = {
          ...stripEmpty(info),
          ...stripEmpty(fromIntro),
          evidence: [...fromIntro.evidence, ...info.evidence],
        };
      }
    }
    const evidence: Evidence[] = [
      { field: 'recipient', text: clip(entry.anchorLine.text), source: 'body', line: entry.anchorLine.no },
      ...info.evidence,
    ];
    recipients.push({ recipient: address, ...stripEmpty(info), evidence });
  }

  let orphan: TextReport['orphan'];
  if (recipients.length === 0) {
    const info = readBlock(sectionLines.filter((l) => !isIntroBoilerplate(l.text)));
    if (info.diagnostic || info.status || info.replyCode) orphan = info;
  }

  let reportingMta: string | undefined;
  for (const l of ANY_REPORTING_HOST?.test(section) ? sectionLines : []) {
    for (const re of REPORTING_HOST_PATTERNS) {
      const m = re.exec(l.text);
      if (m?.[1]) {
        reportingMta = cleanHost(m[1]);
        break;
      }
    }
    if (reportingMta) break;
  }

  return {
    recipients,
    section,
    ...(orphan ? { orphan } : {}),
    ...(reportingMta ? { reportingMta } : {}),
    delayed: anyMatch(ANY_DELAY, DELAY_PHRASES, section),
    permanent: permanentIn(section),
    originalStart: end < raw.length ? end : -1,
  };
}

/** Does the section say the failure is permanent? "could not be delivered" does not, when the server goes on trying. */
function permanentIn(section: string): boolean {
  if (!anyMatch(ANY_PERMANENT, PERMANENT_PHRASES, section)) return false;
  if (!STILL_RETRYING.some((re) => re.test(section))) return true;
  return GAVE_UP_PHRASES.some((re) => re.test(section));
}

/** Forwarded bounces arrive quoted ("> "): strip the prefix when most lines carry it. */
function unquote(lines: string[]): string[] {
  let quoted = 0;
  let nonEmpty = 0;
  for (const l of lines) {
    if (l.trim() === '') continue;
    nonEmpty++;
    if (QUOTE_PREFIX.test(l)) quoted++;
  }
  if (nonEmpty === 0 || quoted < nonEmpty * 0.4) return lines;
  return lines.map((l) => l.replace(QUOTE_PREFIX, ''));
}

function looksLikeHeaderBlock(lines: readonly string[], i: number): boolean {
  let headers = 0;
  for (let k = i; k < Math.min(lines.length, i + 6); k++) {
    const t = lines[k] ?? '';
    if (/^[A-Za-z][A-Za-z0-9-]{1,40}:(?:\s|[^\s/])/.test(t) || /^\s/.test(t)) headers++;
  }
  return headers >= 3;
}

const UNDISCLOSED = /^\s{0,12}an undisclosed address\s{0,4}$/i;
const GENERATED_FROM =
  /^\s{0,12}\((?:ultimately )?generated from <?([^<>\s()@]{1,64}@[A-Za-z0-9.-]{1,253})>?\)\s{0,4}$/i;

/** The SMTP part of an X.400 O/R address ("...;dda:SMTP=user@example.com"). */
const X400_SMTP = /^smtp=[^=@]/;
const X400_BEFORE = /(?:^|[;\s])(?:dda:)?$/i;

/** A multi-line SMTP reply's continuation prefix glued to an address ("550-addr@example.net"). */
const REPLY_CONTINUATION = /^[245]\d\d-[^@]/;

const FIELDISH =
  /^\s{0,8}(?:from|to|cc|bcc|reply-to|sender|return-path|received|message-id|in-reply-to|references|subject|date|envelope-from|delivered-to|x-[a-z0-9-]{1,40})\s{0,2}:/i;

/** Is there an address in recipient position on this line? Returns it and the rest of the line. */
function anchorOf(t: string): { address: string; rest: string } | undefined {
  if (t.length > 2000 || t.indexOf('@') === -1) return undefined;
  if (FIELDISH.test(t)) return undefined;
  const found = findAddresses(t, 4);
  for (const f of found) {
    let address = f.address.toLowerCase();
    const before = t.slice(0, f.start);
    const after = t.slice(f.end);
    const lead = before.replace(/^[\s>*•·\-|"'<(]+/, '');
    // "550-addr is not an active address": the reply's continuation prefix is not part of the address
    if (lead === '' && REPLY_CONTINUATION.test(address)) address = address.slice(4);
    // Exchange 5.5/2000 names a recipient by its X.400 O/R address, the Internet address last:
    // "c=US;a= ;p=Org;o=Site;dda:SMTP=user@example.com; on Fri, 4 Oct 2002 ..."
    if (X400_SMTP.test(address) && X400_BEFORE.test(before))
      return { address: address.slice(5), rest: after.replace(/^;?\s{0,2}/, '').trim() };
    // (a) the line starts with the address: "addr", "<addr>:", "addr ... unknown host", "* addr"
    if (
      lead === '' ||
      /^(?:recipient(?: address)?|failed recipient|original-recipient|final-recipient|rfc822;)\s{0,2}:?\s{0,2}(?:["'<]|\[smtp:)?$/i.test(
        lead,
      )
    ) {
      if (/^[>"')\]]?\s{0,2}(?:$|:|;|\s|\.{3}|<mailto:|\[|\(|,)/.test(after)) {
        // "name@x <real@y>": the address in angle brackets is the recipient (Exim).
        const bracketed = /^\s{1,3}<([^<>\s]{1,320}@[^<>\s]{1,255})>/.exec(after);
        if (bracketed?.[1] && !after.startsWith(' <mailto:')) {
          const rest = after.slice(bracketed[0].length).replace(/^\s{0,2}[:;,]?\s{0,2}/, '');
          return { address: bracketed[1].toLowerCase(), rest: rest.trim() };
        }
        const rest = after.replace(/^[>"')\]]?\s{0,2}(?:<mailto:[^>]{0,300}>)?\s{0,2}[:;,]?\s{0,2}/, '');
        return { address, rest: rest.trim() };
      }
    }
    // (c) a failure statement ending in the address: "User mailbox exceeds allowed size: addr"
    if (
      /^["'<]?$/.test(after.replace(/^[>"')\].]{0,3}\s{0,3}/, '')) &&
      FAILURE_STATEMENT.test(before.slice(-120))
    ) {
      return { address, rest: trimEndChars(before, ' \t:<"\'(').trim() };
    }
    const prefix = before.slice(-90).toLowerCase();
    // a failure statement about the address that precedes it: the line is the answer
    if (anyMatch(ANY_STATEMENT_BEFORE_RECIPIENT, STATEMENT_BEFORE_RECIPIENT, prefix))
      return { address, rest: t.trim() };
    // (b) a recipient phrase right before it
    // ... but never the sender's ("Sender Address:" in Exchange Online's "Original Message Details")
    if (SENDER_PREFIX.test(prefix) && !EXPANDED_FROM.test(prefix)) continue;
    // ... nor an address to write to ("please send mail to <postmaster@...>")
    if (INSTRUCTION_PREFIX.test(prefix)) continue;
    if (!ANY_RECIPIENT_PREFIX?.test(prefix)) continue;
    for (let k = 0; k < RECIPIENT_PREFIX.length; k++) {
      const re = RECIPIENT_PREFIX[k];
      if (!re?.test(prefix)) continue;
      if (k === RECIPIENT_PREFIX.length - 1 && !DELIVERY_CONTEXT.test(prefix)) continue;
      // Not inside a server reply ("550 5.1.1 <addr>: Recipient address rejected")
      if (/(?:^|\s)[245]\d\d[\s-]/.test(before) && !/\b(?:to|for)\s{0,2}:?\s{0,2}["'<(]?$/.test(prefix))
        continue;
      return { address, rest: after.replace(/^[>"')\]]?\s{0,2}[:;,.]?\s{0,2}/, '').trim() };
    }
  }
  return undefined;
}

const SENDER_PREFIX =
  /\b(?:sender|from|envelope-from|return-path|reply-to)(?: e-?mail)?(?: address)?\s{0,2}:\s{0,3}["'<(]?\s{0,2}$/;

/** "(expanded from: <alias>)" with an unqualified alias (a local part; two dots or more look like a host). */
const EXPANDED_FROM_LOCAL =
  /^\s{0,12}\(expanded from:?\s{0,2}<?([A-Za-z0-9_%+=-]{1,64}(?:\.[A-Za-z0-9_%+=-]{1,64}){0,3})>?\)\s{0,4}$/;

/** Exim's recipient list header. */
const LIST_HEADER = /\bthe following address(?:\(es\)|es)? failed\s{0,2}:\s{0,3}$/i;
/** An indented unqualified local part alone on its line. */
const BARE_LOCAL_PART = /^\s{1,8}([A-Za-z0-9._%+=-]{1,64})$/;

/** The first address in the text (the returned message) whose local part is `local`, lower case. */
function qualify(local: string, text: string): string | undefined {
  const want = local.toLowerCase();
  for (const f of findAddresses(text.slice(0, 128 * 1024), 400)) {
    const a = f.address.toLowerCase();
    if (a.slice(0, a.lastIndexOf('@')) === want) return a;
  }
  return undefined;
}

/** Lines of an SMTP session transcript (Sendmail, V5 Sendmail): "... while talking to", ">>>", "<<<". */
const TRANSCRIPT_CONTEXT = /^\s{0,8}(?:<<<|>>>|\.{3} while talking to|while talking to)\s/i;

/** "550 <addr>... Host unknown" (Sendmail transcripts): the address right after a reply code. */
const CODE_THEN_ADDRESS =
  /^\s{0,8}(?:<<<\s{0,2})?[245]\d\d[\s-](?:[245]\.\d{1,3}\.\d{1,3}\s)?\s{0,2}<?([^<>\s@]{1,64}@[a-z0-9.-]{1,253})>?/i;

const SEPARATOR = /^[\s\-=#*_~+|.]{3,400}$/;

function isIntroBoilerplate(t: string): boolean {
  if (QUEUE_EXPIRY.test(t)) return false;
  return /^\s*(?:this is|hi[.!]|i'm sorry|i'm afraid|sorry|please|for further|if you|you can|the following|delete your|a message that you|this message was created|an error has occurred|it was not possible|unfortunately|your message)/i.test(
    t,
  );
}

/** What one recipient block says (see readBlock). */
export interface BlockInfo {
  status?: string;
  replyCode?: string;
  remoteMta?: string;
  diagnostic?: string;
  command?: SmtpCommand;
  evidence: Evidence[];
}

/** Read one recipient block: the answer, its codes, host and command. */
function readBlock(block: Line[], anchorText = ''): BlockInfo {
  const ev: Evidence[] = [];
  const content = block.filter(
    (l) => l.text.trim() !== '' && !SEPARATOR.test(l.text) && !anyMatch(ANY_BOILERPLATE, BOILERPLATE, l.text),
  );
  if (content.length === 0) return { evidence: ev };
  const joined = content
    .slice(0, BLOCK_LINES)
    .map((l) => l.text)
    .join('\n');

  // The server's answer: after the strongest response marker in the block (RESPONSE_MARKERS is in
  // priority order), else the first line opening with a reply code.
  const { start: answerStart0, cut, marker } = findAnswerStart(content, joined);
  let answerStart = answerStart0;
  let markerCut = cut;
  let contextBefore: Line[] = [];
  if (answerStart === -1) {
    const codeLine = content.findIndex((l) => CODE_PREFIX.test(l.text));
    if (codeLine !== -1) {
      answerStart = codeLine;
      // An MTA's own error printed just before the relayed code line ("mail.local: unknown user").
      contextBefore = content
        .slice(Math.max(0, codeLine - 2), codeLine)
        .filter((l) => FAILURE_LINE.test(l.text));
    }
  }

  let answerLines: Line[];
  if (answerStart !== -1) {
    answerLines = [...contextBefore, ...collectAnswer(content, answerStart, marker)];
    if (contextBefore.length) markerCut = 0;
  } else {
    // No marker and no code line: the block's text is the answer (Exim "retry timeout exceeded").
    answerLines = content.slice(0, 6);
  }
  let diagnostic = answerLines
    .map((l, idx) =>
      idx === 0 && answerStart !== -1 ? l.text.slice(markerCut) : l.text.replace(TRANSCRIPT_LINE, ''),
    )
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s:'"]+/, '')
    .replace(/^(?:[-=*_]{3,}\s?)+/, '')
    // the Diagnostic-Code type ("smtp;550 ..."), Exchange's "#550 5.1.1 ... ##" wrapper
    .replace(/^(?:smtp|esmtp|x-[a-z0-9-]{1,30})\s{0,2};\s{0,2}/i, '')
    .replace(/^#(?=[245]\d\d)/, '')
    .replace(/\s{1,2}##$/, '')
    .trim();
  diagnostic = joinContinuations(diagnostic.replace(/'\s*$/, '').trim());
  // The queue gave up: say so when the last answer alone does not ("<<< 421", then "Message could
  // not be delivered for 5 days").
  if (!QUEUE_EXPIRY.test(diagnostic)) {
    const expiry = content.slice(0, BLOCK_LINES).find((l) => QUEUE_EXPIRY.test(l.text));
    if (expiry) {
      diagnostic = diagnostic ? `${diagnostic} ${expiry.text.trim()}` : expiry.text.trim();
      ev.push({ field: 'diagnostic', text: clip(expiry.text), source: 'body', line: expiry.no });
    }
  }
  if (diagnostic.length > TEXT_LIMITS.maxDiagnostic)
    diagnostic = diagnostic.slice(0, TEXT_LIMITS.maxDiagnostic);
  for (const l of answerLines.slice(0, 3))
    ev.push({ field: 'diagnostic', text: clip(l.text), source: 'body', line: l.no });

  const info: BlockInfo = { evidence: ev };
  if (diagnostic) info.diagnostic = diagnostic;
  // The code the server's reply states (a relay's own code first, the upstream's quoted after it:
  // "5.1.0 - Unknown address error 550-'5.7.1 ... Access denied'"), else any code in the block.
  const reply = findReplyCode(diagnostic) ?? replyFromLines(content);
  const stated = diagnostic ? statusInReply(diagnostic) : undefined;
  const elsewhere = stated ? undefined : findEnhancedStatus(joined);
  // A code printed only above the answer is an earlier attempt's when its class differs from the
  // answer's ("451 4.4.1 reply: read error from mx3", then "<<< 554 ..." from mx2).
  const earlier =
    elsewhere !== undefined &&
    reply !== undefined &&
    elsewhere[0] !== reply[0] &&
    answerStart > 0 &&
    !content.slice(answerStart, BLOCK_LINES).some((l) => l.text.includes(elsewhere));
  const status = stated ?? (earlier ? undefined : elsewhere);
  if (status) info.status = status;
  if (reply) info.replyCode = reply;
  // The host that gave the answer: named next to it first (a transcript may name several hosts,
  // "while talking to a: <<< 450 ... while talking to b: <<< 551 ..."), else anywhere in the block.
  const near =
    answerStart === -1
      ? ''
      : content
          .slice(Math.max(0, answerStart - 3), answerStart + Math.max(1, answerLines.length))
          .map((l) => l.text)
          .join('\n');
  hosts: for (const text of !ANY_HOST?.test(joined) ? [] : near ? [near, joined] : [joined]) {
    for (const re of HOST_PATTERNS) {
      const m = re.exec(text);
      if (m?.[1]) {
        info.remoteMta = cleanHost(m[1]);
        const line = content.find((l) => l.text.includes(m[1] ?? '\u0000'));
        if (line) ev.push({ field: 'remoteMta', text: clip(line.text), source: 'body', line: line.no });
        break hosts;
      }
    }
  }
  // Wrapped lines split the cue ("(in reply to\n    RCPT TO command)", "refused to\n    talk to me").
  // The anchor line may carry it too ("Sent <<< RCPT TO:<addr>").
  const cues = anchorText ? `${anchorText}\n${joined}` : joined;
  const flat = cues.replace(/\s+/g, ' ');
  const command = findCommand(cues, flat);
  if (command) info.command = command;
  return info;
}

/**
 * All markers in one scan: a global alternation with one capture group per marker (in priority
 * order; the sources have no groups of their own), each hit re-checked with the marker's own
 * pattern (sticky) because the union is case-insensitive for all of them.
 */
const MARKERS_UNION = new RegExp(RESPONSE_MARKERS.map((re) => `(${re.source})`).join('|'), 'gim');
const MARKERS_STICKY: readonly RegExp[] = RESPONSE_MARKERS.map(
  (re) => new RegExp(re.source, `y${re.flags.includes('i') ? 'i' : ''}m`),
);

/** Occurrences of each marker in the block: marker index -> match start/end offsets (at most 12 each). */
function markerHits(block: string): { index: number; end: number }[][] {
  const hits: { index: number; end: number }[][] = RESPONSE_MARKERS.map(() => []);
  MARKERS_UNION.lastIndex = 0;
  let guard = 0;
  for (let m = MARKERS_UNION.exec(block); m && guard < 2000; m = MARKERS_UNION.exec(block), guard++) {
    if (m[0].length === 0) MARKERS_UNION.lastIndex++;
    for (let k = 1; k < m.length; k++) {
      if (m[k] === undefined) continue;
      const sticky = MARKERS_STICKY[k - 1] as RegExp;
      sticky.lastIndex = m.index;
      const exact = sticky.exec(block);
      const list = hits[k - 1];
      if (exact && list && list.length < 12) list.push({ index: m.index, end: m.index + exact[0].length });
      break;
    }
  }
  return hits;
}
/** A line opening with a reply code; group 1 is its class digit. */
const STARTS_WITH_CODE = /^[\s<>(#'"]{0,6}([245])\d\d(?:[\s-]|$)/;

/**
 * Where the server's answer starts: the first marker of RESPONSE_MARKERS found anywhere in the block
 * (one scan per marker over the block text), its earliest occurrence that quotes a permanent (5xx) reply,
 * else one that quotes any reply code, else its earliest occurrence. `cut` is the offset in the start line where the answer begins.
 */
function findAnswerStart(content: Line[], block: string): { start: number; cut: number; marker?: RegExp } {
  const lines = content.slice(0, BLOCK_LINES);
  const offsets: number[] = [];
  let pos = 0;
  for (const l of lines) {
    offsets.push(pos);
    pos += l.text.length + 1;
  }
  const lineAt = (index: number): number => {
    let lo = 0;
    let hi = offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((offsets[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const hits = markerHits(block);
  for (let r = 0; r < RESPONSE_MARKERS.length; r++) {
    const marker = RESPONSE_MARKERS[r] as RegExp;
    let best: { start: number; cut: number } | undefined;
    let bestRank = -1;
    for (const m of hits[r] ?? []) {
      const i = lineAt(m.index);
      const t = lines[i]?.text ?? '';
      const end = m.end - (offsets[i] ?? 0);
      const tail = t.slice(end).replace(/^[\s:'"]+/, '');
      let cand: { start: number; cut: number } | undefined;
      let answer = tail;
      // "SMTP error from remote mail server after RCPT TO:<addr>:" names the command; the answer
      // follows on the next line.
      const announces =
        !STARTS_WITH_CODE.test(tail) &&
        /:\s{0,3}$/.test(tail) &&
        STARTS_WITH_CODE.test(lines[i + 1]?.text ?? '');
      if (tail.length >= 3 && !announces) cand = { start: i, cut: end };
      else if (i + 1 < lines.length) {
        cand = { start: i + 1, cut: 0 };
        answer = lines[i + 1]?.text ?? '';
      }
      if (!cand) continue;
      // A permanent answer decides a failure over a temporary one given earlier (Sendmail
      // transcripts: "<<< 450 busy" with one host, then "<<< 551 ..." with the next).
      const codeClass = STARTS_WITH_CODE.exec(answer)?.[1];
      const rank = codeClass === '5' ? 2 : codeClass ? 1 : 0;
      if (rank === 2) return { start: cand.start, cut: cand.cut, marker };
      if (!best || rank > bestRank) {
        best = cand;
        bestRank = rank;
      }
    }
    if (best) return { start: best.start, cut: best.cut, marker };
  }
  return { start: -1, cut: 0 };
}

/** The answer starting at `start`: continuation lines (same code with "-", indented, wrapped). */
function collectAnswer(content: Line[], start: number, marker?: RegExp): Line[] {
  const out: Line[] = [];
  const first = content[start];
  if (!first) return out;
  out.push(first);
  // The reply code whose continuation lines ("550-...") belong to this answer; when the first
  // line is a marker without a code ("SMTP error from remote mail server after RCPT TO:"), the
  // first code line below it sets it.
  let code = CODE_PREFIX.exec(first.text)?.[1];
  // A Sendmail transcript: only "<<<" lines are the server's; the MTA's own lines in between
  // ("550 5.1.1 <addr>... User unknown", ">>> DATA") are not part of the answer.
  const transcript = TRANSCRIPT_LINE.test(first.text);
  for (let i = start + 1; i < content.length && out.length < 16; i++) {
    const line = content[i] as Line;
    const t = line.text;
    if (transcript) {
      const c = TRANSCRIPT_LINE.test(t) ? CODE_PREFIX.exec(t)?.[1] : undefined;
      if (c && c === code) {
        out.push(line);
        continue;
      }
      break;
    }
    const lineCode = CODE_PREFIX.exec(t)?.[1];
    if (lineCode && (!code || lineCode === code)) {
      code = lineCode;
      out.push(line);
      continue;
    }
    // Another reply code starts another answer (Sendmail's own "554 5.0.0 Service unavailable").
    if (lineCode) break;
    // A labelled field ("Remote system: dns;...", "DSN generated by: ...") is not the reply.
    if (FIELD_LABEL.test(t)) break;
    // The marker again: the next entry of a list ("6/19/2018 7:26 AM - Server at X returned '450 ...'").
    if (marker?.test(t)) break;
    // A line that opens with another marker starts another statement; a marker word inside a
    // wrapped continuation ("    cannot be delivered. Reason: Email flagged as Spam.") does not.
    if (opensWithMarker(t)) break;
    if (/^\s/.test(t) || t.startsWith('(') || (out.length < 3 && !/^[A-Z][a-z]+ [a-z]/.test(t))) {
      out.push(line);
      continue;
    }
    break;
  }
  return out;
}

/** Report fields printed after the reply (Messaging Server, Exchange Online, RFC 3464 names). */
const FIELD_LABEL =
  /^\s{0,8}(?:remote system|remote-mta|reporting-mta|received-from-mta|dsn generated by|generating server|receiving server|original (?:address|recipient)|original-recipient|final-recipient|last-attempt-date|arrival-date|action|message hops|message rejected by|sent by)\s{0,2}:/i;

function opensWithMarker(t: string): boolean {
  const lead = t.trimStart();
  return RESPONSE_MARKERS.some((re) => {
    const m = re.exec(lead);
    return !!m && m.index <= 1;
  });
}

const CODE_PREFIX = /^\s{0,8}[#<(]{0,3}\s{0,2}([245]\d\d)[\s-]/;
const TRANSCRIPT_LINE = /^\s{0,8}<<<\s/;
const TRANSCRIPT_CONTINUATION = /^\s{0,8}<<<\s{1,4}[245]\d\d-/;

function replyFromLines(content: Line[]): string | undefined {
  for (const l of content.slice(0, 40)) {
    const m = /^\s{0,8}(?:<<<\s{0,2}|[#(]{1,2})?([245][0-5]\d)[\s-]/.exec(l.text);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

function stripEmpty<T extends object>(o: T): T {
  const r: Record<string, unknown> = {};
  const src = o as Record<string, unknown>;
  for (const k in src) {
    const v = src[k];
    if (v !== undefined && v !== '' && k !== 'evidence') r[k] = v;
  }
  return r as T;
}

function clip(s: string): string {
  const t = s.trim();
  return t.length > 300 ? `${t.slice(0, 297)}...` : t;
}

/** Strip any of `chars` from the end (a loop: a regex like /[x]+$/ is quadratic on long runs). */
function trimEndChars(s: string, chars: string): string {
  let e = s.length;
  while (e > 0 && chars.includes(s[e - 1] ?? '')) e--;
  return s.slice(0, e);
}
