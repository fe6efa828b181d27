/**
 * Policy and security rejections (mostly 5.7.x) told apart: what each cause means, a concrete
 * checklist, where to look things up, and the named blocklists with their lookup and delisting
 * pages. Data only; core/diagnose/causes.ts reads it, and vendor rules (core/vendors/*) build their
 * `diagnosis` from it.
 *
 * Sources: ../shared/docs/seeds/003_07ae892b6b1cf860.txt (SEED-003, the 550 5.7.1 causes),
 * ../shared/docs/peers.md sections 2 and 4, and each blocklist operator's own page; every entry
 * names its sources (keys resolved in core/vendors/sources.ts).
 *
 * All patterns are linear-time safe: literal words, bounded gaps, no nested quantifiers.
 */

import type { Diagnosis, Reason } from '../types';
import { src } from '../vendors/sources';

export type CauseId = Diagnosis['cause'];

export interface CauseInfo {
  title: string;
  checklist: readonly string[];
  links: readonly string[];
  source: string;
}

const GMAIL_GUIDELINES = 'https://support.google.com/mail/answer/81126';
const YAHOO_SENDERS = 'https://senders.yahooinc.com/best-practices/';
const RFC_7208 = 'https://www.rfc-editor.org/rfc/rfc7208';
const RFC_6376 = 'https://www.rfc-editor.org/rfc/rfc6376';
const RFC_7489 = 'https://www.rfc-editor.org/rfc/rfc7489';

export const CAUSES: Readonly<Record<CauseId, CauseInfo>> = {
  spf: {
    title: 'SPF check failed',
    checklist: [
      "Look up the SPF record of the envelope sender's domain (Return-Path / MAIL FROM): `dig TXT <domain>`.",
      "Make sure the IP address that sent the message (or your ESP's include:) is authorised in it.",
      'Keep the record under 10 DNS lookups and publish exactly one v=spf1 record; fix syntax errors.',
      'If you send through a new service, add its include: before sending; then resend.',
    ],
    links: [RFC_7208, GMAIL_GUIDELINES],
    source: src('SEED-003', 'SIS-GOOGLE', 'RFC'),
  },
  dkim: {
    title: 'DKIM signature missing or failing',
    checklist: [
      'Check that the message carries a DKIM-Signature header and that the selector record exists in DNS.',
      'Sign with a domain aligned with the From: domain (d= equal to or a parent of the From domain).',
      'Make sure nothing rewrites the message after signing (footers, link tracking, line-ending changes).',
      'Use a 2048-bit key; rotate and re-publish the public key if it was replaced.',
    ],
    links: [RFC_6376, GMAIL_GUIDELINES],
    source: src('SEED-003', 'SIS-GOOGLE', 'OX-BLOG', 'RFC'),
  },
  dmarc: {
    title: "Rejected by the From domain's DMARC policy",
    checklist: [
      'Find the From: domain and read its DMARC record: `dig TXT _dmarc.<domain>`.',
      'Make SPF or DKIM pass *aligned* with that From domain (Return-Path or DKIM d= in the same organisational domain).',
      'Do not send with a From: address at a mailbox provider (gmail.com, yahoo.com, mail.ru, zoho.com...) through another service: their p=reject policy refuses it.',
      'Read your DMARC aggregate (rua) reports to find the sources that fail.',
    ],
    links: [RFC_7489, GMAIL_GUIDELINES],
    source: src('SEED-003', 'SIS-GOOGLE', 'VIWS-MAILRU', 'RFC'),
  },
  auth: {
    title: 'Sender not authenticated (SPF and DKIM did not pass)',
    checklist: [
      'Publish SPF for the envelope sender domain and include every service that sends for you.',
      'Sign every message with DKIM using your own domain.',
      'Publish a DMARC record (p=none at least) and align SPF or DKIM with the From: domain.',
      'Over IPv6, Gmail and Microsoft require SPF or DKIM to pass and a PTR record.',
    ],
    links: [GMAIL_GUIDELINES, YAHOO_SENDERS],
    source: src('SEED-003', 'SIS-GOOGLE', 'SIS-YAHOO', 'SIS-MS'),
  },
  blocklist: {
    title: 'Sending IP or domain is on a blocklist',
    checklist: [
      'Find the IP address (or domain) named in the rejection and look it up on the list named below.',
      'Fix the cause first: a compromised account or web form, an open relay, purchased or old lists, spam-trap hits.',
      "Then request delisting on the list's own page (some lists expire by themselves once the abuse stops).",
      'If you send through an ESP or shared IP, send them the bounce: they own the IP and must delist it.',
    ],
    links: [],
    source: src('SEED-003', 'SFM', 'ZMTA'),
  },
  'ip-reputation': {
    title: 'Sending IP has a poor reputation',
    checklist: [
      'Check the reputation tools of the receiver (Google Postmaster Tools, Microsoft SNDS, Yahoo sender hub, Talos).',
      'Slow down: spread volume, warm up new IPs gradually, lower concurrency.',
      'Remove unengaged and bouncing addresses; stop sending to addresses that never opened.',
      'Watch complaint rates through feedback loops (Yahoo CFL, Microsoft JMRP).',
    ],
    links: ['https://postmaster.google.com/', 'https://sendersupport.olc.protection.outlook.com/snds/'],
    source: src('SEED-003', 'SIS-GOOGLE', 'SFM'),
  },
  'domain-reputation': {
    title: 'Sending domain or a linked domain has a poor reputation',
    checklist: [
      'Check the domain in Google Postmaster Tools and on domain blocklists (Spamhaus DBL, SURBL).',
      'Check every domain linked in the message, including URL shorteners and tracking domains.',
      'Send only to people who asked for your mail; remove unengaged addresses.',
      'Do not move to a fresh domain to escape: fix the cause and warm up again.',
    ],
    links: ['https://postmaster.google.com/', 'https://check.spamhaus.org/'],
    source: src('SEED-003', 'SIS-GOOGLE', 'SIS-APPLE'),
  },
  content: {
    title: 'Message content judged as spam',
    checklist: [
      'Review links: remove URL shorteners and links to domains with a poor reputation.',
      'Compare with a plain message to the same address; if that passes, the content is the trigger.',
      'Check consent: was the recipient signed up, and is unsubscribe easy (List-Unsubscribe)?',
      'If the form or account that sent it could be abused by bots, protect it (captcha, confirmed opt-in).',
    ],
    links: [GMAIL_GUIDELINES],
    source: src('SEED-003', 'SIS-GOOGLE', 'SFM'),
  },
  virus: {
    title: 'Virus or dangerous attachment detected',
    checklist: [
      'Scan the attachment and the sending computer with an up-to-date antivirus.',
      'Do not send executables, scripts or archives containing them (.exe, .js, .scr, .bat...).',
      'Share large or risky files through a link instead of an attachment.',
    ],
    links: ['https://support.google.com/mail/answer/6590'],
    source: src('SIS-GOOGLE', 'SIS-COX', 'SFM'),
  },
  relay: {
    title: 'Relaying denied: the server does not accept mail for this recipient from you',
    checklist: [
      "Check the recipient domain's MX records: the mail may have gone to a server that does not host the domain.",
      'If you are sending through your own provider, authenticate (SMTP AUTH) and use its submission server.',
      "If the domain moved (e.g. to Microsoft 365 or Proofpoint), the recipient's admin must fix MX or accepted domains.",
    ],
    links: [],
    source: src('SEED-003', 'SIS-MS', 'SFM'),
  },
  rdns: {
    title: 'Missing or mismatched reverse DNS (PTR) for the sending IP',
    checklist: [
      'Look up the PTR record of the sending IP: `dig -x <ip>`.',
      'Set a PTR to a real host name (not a generic dynamic-looking one), and make that name resolve back to the same IP (forward-confirmed).',
      "Use the same host name in HELO/EHLO; ask your hosting provider if you can't edit the PTR.",
      'Over IPv6, every sending address needs its own PTR.',
    ],
    links: ['https://support.google.com/mail/answer/81126#ip-practices'],
    source: src('SEED-003', 'SIS-GOOGLE', 'SIS-COX', 'VADE-IN'),
  },
  'rate-limit': {
    title: 'Rate limited: too much mail, too fast',
    checklist: [
      'Lower the sending rate and the number of parallel connections to this receiver.',
      'Let the queue retry later; do not resend by hand.',
      'Warm up new IPs and domains gradually; split large campaigns over time.',
      "If it is your own account's limit, wait for the window to reset or use a bulk-sending service.",
    ],
    links: [],
    source: src('SEED-003', 'SIS-GOOGLE', 'SFM'),
  },
  greylisting: {
    title: 'Greylisted: a normal delay for a first contact',
    checklist: [
      'Nothing to fix: the receiver refuses the first attempt from an unknown sender and accepts the retry.',
      'Let the sending server retry on its own schedule (usually within minutes); do not resend by hand.',
      'If it never passes, make sure retries come from the same IP (or the same small pool) and wait at least as long as asked.',
    ],
    links: ['https://www.rfc-editor.org/rfc/rfc6647'],
    source: src('RFC'),
  },
  tls: {
    title: 'Encryption (TLS) required or failed',
    checklist: [
      'Enable STARTTLS on the sending server and offer TLS 1.2 or newer with current ciphers.',
      "Check the receiving side's certificate, MTA-STS or DANE records if your server reports their failure.",
      'If a proxy or firewall intercepts SMTP, make sure it does not strip STARTTLS.',
    ],
    links: ['https://support.google.com/mail/answer/6330403'],
    source: src('SIS-GOOGLE', 'SIS-MIMECAST', 'SIS-MS'),
  },
  'recipient-policy': {
    title: "Refused by the recipient's own policy",
    checklist: [
      'Read the rejection text for the rule that fired (group accepts internal senders only, blocked sender, geographic or attachment rule).',
      'Contact the recipient by another channel and ask their admin to allow your address or domain.',
      'Do not retry unchanged: only the receiving side can lift its own rule.',
    ],
    links: [],
    source: src('SEED-003', 'SIS-MS', 'SIS-MIMECAST', 'GWS-ERR'),
  },
  'sender-address': {
    title: 'Sender address or domain rejected',
    checklist: [
      'Check that the envelope sender (Return-Path) domain exists and has MX or A records so bounces can reach it.',
      'Use a real, reachable From: address at your own domain (not an IP literal, not blank).',
      "Make sure your account is allowed to send as that address (no sending 'as' someone else).",
    ],
    links: [],
    source: src('SIS-YAHOO', 'SIS-FPTT', 'SIS-COX', 'SFM'),
  },
  malformed: {
    title: 'Message is malformed or not RFC 5322 compliant',
    checklist: [
      'Check the headers: exactly one From:, Date:, Subject: and a valid Message-ID:.',
      'Use CRLF line endings (no bare LF) and encode non-ASCII header text correctly.',
      'Fix the sending software or library that builds the message; then resend.',
    ],
    links: ['https://support.google.com/mail/?p=RfcMessageNonCompliant'],
    source: src('SIS-GOOGLE', 'SIS-MS', 'SIS-YAHOO'),
  },
};

/** A named blocklist or reputation list with its lookup and delisting pages. */
export interface BlocklistInfo {
  id: string;
  /** Display name, e.g. "Spamhaus ZEN", "Barracuda BRBL". */
  name: string;
  lists: 'ip' | 'domain' | 'url' | 'ip and domain';
  lookup: string;
  delist?: string;
  /** How to get off this list (specific to it). */
  steps: readonly string[];
  /** Text that names the list in a rejection. */
  patterns: readonly RegExp[];
  source: string;
}

const SPAMHAUS_CHECK = 'https://check.spamhaus.org/';
const SPAMHAUS_SRC = src('EXT-SPAMHAUS-CHECK', 'EXT-SPAMHAUS-FAQ', 'EXT-SA-DNSBL', 'SFM');

/** Most specific first: the first entry whose pattern matches names the list. */
export const BLOCKLISTS: readonly BlocklistInfo[] = [
  {
    id: 'spamhaus-pbl',
    name: 'Spamhaus PBL',
    lists: 'ip',
    lookup: SPAMHAUS_CHECK,
    delist: SPAMHAUS_CHECK,
    steps: [
      "PBL lists IP ranges that should not send mail directly (dynamic or end-user space): send through your provider's mail server.",
      'If the IP really is your mail server, self-remove it on the Spamhaus checker.',
    ],
    patterns: [/\bPBL\b/, /spamhaus\.org\/pbl/i, /policy block ?list/i],
    source: SPAMHAUS_SRC,
  },
  {
    id: 'spamhaus-xbl',
    name: 'Spamhaus XBL',
    lists: 'ip',
    lookup: SPAMHAUS_CHECK,
    delist: SPAMHAUS_CHECK,
    steps: [
      'XBL lists IPs showing infected or exploited machines (bots, proxies): clean the machines behind the IP first.',
      'Then remove the IP on the Spamhaus checker.',
    ],
    patterns: [/\bXBL\b/, /exploits? block ?list/i, /cbl\.abuseat\.org/i],
    source: SPAMHAUS_SRC,
  },
  {
    id: 'spamhaus-dbl',
    name: 'Spamhaus DBL',
    lists: 'domain',
    lookup: SPAMHAUS_CHECK,
    delist: SPAMHAUS_CHECK,
    steps: [
      'DBL lists domains (sender domain or links in the message): check every domain in the mail on the checker.',
      'Remove or replace listed links; a listed domain of your own needs the abuse fixed before a removal request.',
    ],
    patterns: [/\bDBL\b/, /dbl\.spamhaus/i, /domain block ?list/i],
    source: SPAMHAUS_SRC,
  },
  {
    id: 'spamhaus-sbl',
    name: 'Spamhaus SBL',
    lists: 'ip',
    lookup: SPAMHAUS_CHECK,
    steps: [
      "SBL listings are handled with the network owner: ask your ISP or hosting provider's abuse desk to contact Spamhaus.",
      'Other Spamhaus listings can only be removed once the SBL listing is gone.',
    ],
    patterns: [/\bSBL\d{0,10}\b/, /spamhaus\.org\/sbl/i, /spamhaus block ?list/i],
    source: SPAMHAUS_SRC,
  },
  {
    id: 'spamhaus-zen',
    name: 'Spamhaus ZEN',
    lists: 'ip',
    lookup: SPAMHAUS_CHECK,
    delist: SPAMHAUS_CHECK,
    steps: [
      'ZEN combines SBL, CSS, XBL and PBL: the checker shows which part lists the IP and how to remove it.',
    ],
    patterns: [/zen\.spamhaus/i, /spamhaus zen/i],
    source: SPAMHAUS_SRC,
  },
  {
    id: 'spamhaus',
    name: 'Spamhaus',
    lists: 'ip and domain',
    lookup: SPAMHAUS_CHECK,
    delist: SPAMHAUS_CHECK,
    steps: [
      'Look the IP and the sender domain up on the Spamhaus checker; it names the list and the removal path.',
    ],
    patterns: [/spamhaus/i],
    source: SPAMHAUS_SRC,
  },
  {
    id: 'barracuda-brbl',
    name: 'Barracuda BRBL',
    lists: 'ip',
    lookup: 'https://www.barracudacentral.org/lookups',
    delist: 'https://www.barracudacentral.org/rbl/removal-request',
    steps: [
      "BRBL lists IPs automatically (spam traps, open relays/proxies, Barracuda appliances' verdicts).",
      'Fix the cause, then submit the removal request; requests are handled manually, usually within a day.',
    ],
    patterns: [/barracudacentral/i, /\bBRBL\b/, /barracuda reputation/i],
    source: src('EXT-BRBL'),
  },
  {
    id: 'spamcop',
    name: 'SpamCop (SCBL)',
    lists: 'ip',
    lookup: 'https://www.spamcop.net/bl.shtml',
    steps: [
      'SpamCop lists IPs that sent mail its users reported; listings expire automatically once reports stop.',
      'Find and stop the reported mail (often auto-replies or bounces to forged senders), then wait for expiry.',
    ],
    patterns: [/spamcop/i],
    source: src('EXT-SPAMCOP', 'EXT-SA-DNSBL'),
  },
  {
    id: 'sorbs',
    name: 'SORBS',
    lists: 'ip',
    lookup: 'http://www.sorbs.net/',
    steps: [
      'SORBS was decommissioned by Proofpoint on 5 June 2024 and holds no data any more.',
      "A receiver still rejecting 'because of SORBS' has a stale configuration: tell its postmaster to remove the list.",
    ],
    patterns: [/\bsorbs\b/i],
    source: src('EXT-SORBS-CLOSED', 'EXT-SA-DNSBL'),
  },
  {
    id: 'uceprotect',
    name: 'UCEPROTECT',
    lists: 'ip',
    lookup: 'https://www.uceprotect.net/en/rblcheck.php',
    steps: [
      'Level 1 lists single IPs and expires automatically after the abuse stops; Level 2 and 3 list whole ranges and providers (ASN).',
      'For Level 2/3 you cannot delist yourself: ask your provider, or ask the receiver not to block on those levels.',
    ],
    patterns: [/uceprotect/i],
    source: src('EXT-UCEPROTECT'),
  },
  {
    id: 'cloudmark-csi',
    name: 'Cloudmark CSI',
    lists: 'ip',
    lookup: 'https://csi.cloudmark.com/en/reset/',
    delist: 'https://csi.cloudmark.com/en/reset/',
    steps: [
      'CSI is a reputation service: request a statistics reset on the remediation portal and confirm the e-mail it sends.',
      'The first reset is usually granted within a day; repeated listings are investigated.',
    ],
    patterns: [/cloudmark/i],
    source: src('EXT-CLOUDMARK', 'SIS-GODADDY', 'SIS-SPECTRUM', 'SFM'),
  },
  {
    id: 'proofpoint',
    name: 'Proofpoint Dynamic Reputation (PDR / ipcheck)',
    lists: 'ip',
    lookup: 'https://ipcheck.proofpoint.com/',
    delist: 'https://ipcheck.proofpoint.com/',
    steps: [
      'Request removal on ipcheck.proofpoint.com (the same list sits in front of Apple iCloud); answers can be slow.',
    ],
    patterns: [
      /prs\.proofpoint\.com/i,
      /ipcheck\.proofpoint/i,
      /proofpoint\.com\/dnsbl/i,
      /proofpoint dynamic reputation/i,
    ],
    source: src('SFM', 'PP-EMAILWIZ', 'SFM-PR35', 'ZMTA-301'),
  },
  {
    id: 'microsoft-outlook',
    name: 'Microsoft Outlook.com block list (S3140/S3150)',
    lists: 'ip',
    lookup: 'https://sendersupport.olc.protection.outlook.com/snds/',
    delist: 'https://go.microsoft.com/fwlink/?LinkID=614866',
    steps: [
      'File a delist request with the Outlook.com sender-support form (paste the full rejection).',
      "If Microsoft answers 'not qualified for mitigation', reply that the block persists, or move to another IP/ESP.",
      'Register the IP in SNDS and JMRP to watch complaint data.',
    ],
    patterns: [/\(A?S3140\)/, /\(A?S3150\)/, /network is on our block list/i],
    source: src('GH-S3140', 'GH-S3150', 'EXT-MS-OLC-FORM'),
  },
  {
    id: 'microsoft-365-banned',
    name: 'Microsoft 365 banned senders (delist portal)',
    lists: 'ip',
    lookup: 'https://sender.office.com/',
    delist: 'https://sender.office.com/',
    steps: [
      'Use the delist portal at sender.office.com; for 5.7.511 send the NDR to delist@messaging.microsoft.com.',
    ],
    patterns: [/banned sending ip/i, /access denied, banned sender/i, /sender\.office\.com/i],
    source: src('SIS-MS', 'SFM', 'ZMTA', 'EXT-MS-606'),
  },
  {
    id: 'comcast',
    name: 'Comcast block list (BL codes)',
    lists: 'ip',
    lookup: 'https://postmaster.comcast.net/smtp-error-codes.php',
    delist: 'https://postmaster.comcast.net/',
    steps: [
      'BL000000 is a Comcast block for spam-like traffic; BL000001 means Spamhaus ZEN; BL000010 means a public DNSBL.',
      'Delist from the public list first, then ask Comcast to remove its block through its postmaster site.',
    ],
    patterns: [/\bBL0000(?:00|01|10)\b/, /comcast block for spam/i],
    source: src('COMCAST-XML', 'ZMTA', 'SFM'),
  },
  {
    id: 'vade',
    name: 'Vade Threat List',
    lists: 'ip',
    lookup: 'https://postmaster-oxsus.vadesecure.com/',
    delist: 'https://postmaster-oxsus.vadesecure.com/',
    steps: ['Request removal with the form on the Vade postmaster site (linked from the rejection).'],
    patterns: [/vade threat list/i, /\bOX(?:SUS|SEU)\d{3,4}_101\b/i],
    source: src('VADE-IN'),
  },
  {
    id: 'validity',
    name: 'Validity (Return Path) SenderScore blocklist',
    lists: 'ip',
    lookup: 'https://www.senderscore.org/blocklistlookup/',
    delist: 'https://www.senderscore.org/blocklistlookup/',
    steps: ['Look the IP up on senderscore.org and follow the removal steps there.'],
    patterns: [
      /senderscore/i,
      /blocked by validity/i,
      /validity (?:rpbl|rnbl|block ?list|black ?list)/i,
      /return ?path (?:dnsbl|rnbl|black ?list|block ?list)/i,
    ],
    source: src('VADE-IN', 'SIS-FPTT', 'EXT-SA-DNSBL'),
  },
  {
    id: 'invaluement',
    name: 'Invaluement (ivmSIP / ivmURI)',
    lists: 'ip and domain',
    lookup: 'https://www.invaluement.com/lookup/',
    delist: 'https://www.invaluement.com/removal/',
    steps: [
      'ivmSIP lists IPs, ivmSIP/24 ranges, ivmURI domains in message bodies; use the lookup form, then the removal page.',
    ],
    patterns: [/invaluement/i, /\bivm(?:SIP|URI)\b/i],
    source: src('EXT-INVALUEMENT', 'SIS-COX'),
  },
  {
    id: 'mailspike',
    name: 'Mailspike',
    lists: 'ip',
    lookup: 'https://mailspike.org/',
    delist: 'https://mailspike.org/',
    steps: [
      'Mailspike lists IPs seen in spam waves; clean the source, then request delisting on its site (processed automatically).',
    ],
    patterns: [/mailspike/i],
    source: src('EXT-MAILSPIKE'),
  },
  {
    id: 'abusix',
    name: 'Abusix Mail Intelligence',
    lists: 'ip and domain',
    lookup: 'https://lookup.abusix.com/',
    delist: 'https://lookup.abusix.com/',
    steps: [
      'Look the IP or domain up on the Abusix lookup site and follow its delisting steps after fixing the cause.',
    ],
    patterns: [/abusix/i],
    source: src('EXT-ABUSIX'),
  },
  {
    id: 'att',
    name: 'AT&T ATTRBL',
    lists: 'ip',
    lookup: 'http://rbl.att.net/block_enduser.html',
    steps: ["Send the rejection and your IP to abuse_rbl@abuse-att.net (AT&T's own block list)."],
    patterns: [/\bATTRBL\b/i, /rbl\.att\.net/i],
    source: src('ZMTA', 'ATT-BLS'),
  },
  {
    id: 'talos',
    name: 'Cisco Talos / SenderBase reputation',
    lists: 'ip',
    lookup: 'https://talosintelligence.com/reputation_center',
    delist: 'https://talosintelligence.com/support',
    steps: [
      'Talos reputation is a score, not a list: look up the IP, then file a sender IP reputation ticket if it is wrong.',
      'Ask the recipient to allow-list you in their Cisco Secure Email appliance meanwhile.',
    ],
    patterns: [/senderbase/i, /talosintelligence/i, /\bSBRS\b/],
    source: src('IRONPORT', 'EXT-TALOS'),
  },
  {
    id: 'surbl',
    name: 'SURBL',
    lists: 'url',
    lookup: 'https://www.surbl.org/',
    steps: [
      'A link in the message is on SURBL: remove it, or get the domain delisted through SURBL after cleaning it.',
    ],
    patterns: [/\bsurbl\b/i],
    source: src('SIS-COX'),
  },
  {
    id: 'symantec',
    name: 'Symantec (Broadcom) IP reputation',
    lists: 'ip',
    lookup: 'https://ipremoval.sms.symantec.com/',
    delist: 'https://ipremoval.sms.symantec.com/',
    steps: ['Check and request removal of the IP at ipremoval.sms.symantec.com.'],
    patterns: [/ipremoval\.sms\.symantec/i],
    source: src('SIS-GO-ML'),
  },
];

/** Looks up a blocklist by id; throws for an unknown id (data error caught by the tests). */
export function blocklist(id: string): BlocklistInfo {
  const b = BLOCKLISTS.find((x) => x.id === id);
  if (!b) throw new Error(`unknown blocklist ${id}`);
  return b;
}

/** The Diagnosis for a cause, optionally naming a blocklist and adding receiver pages. */
export function makeDiagnosis(
  cause: CauseId,
  opts: { list?: string; links?: readonly string[] } = {},
): Diagnosis {
  const info = CAUSES[cause];
  if (cause === 'blocklist' && opts.list) {
    const b = blocklist(opts.list);
    const links = [b.lookup, ...(b.delist && b.delist !== b.lookup ? [b.delist] : []), ...(opts.links ?? [])];
    return {
      cause,
      title: `${info.title}: ${b.name}`,
      list: b.name,
      checklist: [...b.steps, ...info.checklist],
      links: unique(links),
      source: `${b.source}; ${info.source}`,
    };
  }
  return {
    cause,
    title: info.title,
    checklist: [...info.checklist],
    links: unique([...info.links, ...(opts.links ?? [])]),
    source: info.source,
  };
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

/**
 * Text that reveals the cause of a policy rejection, tried in this order (first match wins).
 * Named blocklists are tried before these (see BLOCKLISTS). Generic on purpose: vendor-specific
 * meanings live in the vendor rules.
 */
export const CAUSE_PATTERNS: readonly { cause: CauseId; patterns: readonly RegExp[] }[] = [
  // Greylisting texts also say "try again later" / "come back later" (rate-limit words): first.
  { cause: 'greylisting', patterns: [/\bgr[ae]y[ -]?list(?:ed|ing)\b/i] },
  {
    cause: 'virus',
    patterns: [
      /\bvirus/i,
      /\bmalware\b/i,
      /\binfected\b/i,
      /\btrojan\b/i,
      /attachment extension is forbidden/i,
    ],
  },
  { cause: 'dmarc', patterns: [/\bDMARC\b/i] },
  {
    cause: 'auth',
    patterns: [
      /\bSPF\b[^\n]{0,40}\b(?:or|and|nor)\b[^\n]{0,10}\bDKIM\b/i,
      /\bDKIM\b[^\n]{0,40}\b(?:or|and|nor)\b[^\n]{0,10}\bSPF\b/i,
      /\bunauthenticated\b/i,
      /sender is not authenticated|not authenticated (?:sender|mail)|authentication (?:checks?|level) (?:failed|not met)|required authentication level/i,
      /fails? to pass authentication/i,
    ],
  },
  { cause: 'dkim', patterns: [/\bDKIM\b/i, /domainkeys/i] },
  { cause: 'spf', patterns: [/\bSPF\b/i, /sender policy framework/i] },
  {
    cause: 'rdns',
    patterns: [
      /reverse[ -]?(?:dns|lookup|mapping|host ?name)/i,
      /cannot find your (?:reverse )?host ?name/i,
      /\brdns\b/i,
      /\bPTR\b/,
      /full[- ]circle dns/i,
      /\bFCrDNS\b/i,
      /forward[- ]confirmed/i,
      /no (?:valid )?(?:reverse|ptr)/i,
      /dns check failure/i,
      /mismatches client ip/i,
    ],
  },
  {
    cause: 'tls',
    patterns: [
      /\bSTARTTLS\b/i,
      /\bTLS\b/,
      /\bSSL\b/,
      /encryption (?:is )?(?:required|needed)/i,
      /requires encryption/i,
      /high-strength ciphers/i,
      /\bDANE\b/,
      /\bTLSA\b/,
    ],
  },
  {
    cause: 'relay',
    patterns: [
      /relay(?:ing)? (?:access )?(?:is )?(?:denied|not (?:permitted|allowed)|prohibited|disallowed|refused)/i,
      /not permitted to (?:\d{3} )?relay/i,
      /unable to relay/i,
      /(?:use|using) me [^\n]{0,80}as a relay/i,
      /open relay not allowed/i,
      /we do not relay/i,
      /relay not permitted/i,
      /not configured to relay/i,
    ],
  },
  {
    cause: 'rate-limit',
    patterns: [
      /rate[- ]limit/i,
      /too many (?:messages|connections|recipients|sessions|emails|mails)/i,
      /frequency (?:is )?limited/i,
      /receiving mail (?:too quickly|at a rate)/i,
      /too (?:fast|quickly)/i,
      /throttl/i,
      /unusual rate/i,
      /unexpected volume/i,
      /excessive volume/i,
      /(?:sending|hourly|daily|per hour) (?:relay |message |sending )?(?:quota|limit)/i,
      /limit (?:exceeded|reached)/i,
      /exceeded (?:the )?(?:maximum|sending|hourly|daily|message|rate)/i,
      /sent too many/i,
      /threshold exceeded/i,
      /try again later/i,
    ],
  },
  {
    cause: 'malformed',
    patterns: [
      /RFC ?(?:5322|2822|822)/i,
      /\bRFC compliant/i,
      /malformed/i,
      /bare (?:line ?feeds?|LF)/i,
      /stray linefeeds/i,
      /invalid characters/i,
      /duplicate headers?/i,
      /multiple [a-z-]{1,20} headers/i,
      /header (?:is )?too long/i,
      /missing (?:a )?(?:valid )?(?:address in the )?(?:from|date|message-id)\b/i,
      /encoded-word syntax/i,
      /headers? (?:are |is )?not (?:rfc )?compliant/i,
      /blank from/i,
    ],
  },
  {
    cause: 'sender-address',
    patterns: [
      /sender (?:address )?rejected/i,
      /sender (?:domain )?(?:not found|does not exist|doesn't exist|invalid|unknown|unverifiable)/i,
      /invalid sender/i,
      /emetteur invalide/i,
      /domain of sender address/i,
      /unresolvable (?:rfc\.?5321 )?(?:from )?domain/i,
      /sender verify failed/i,
      /not owned by user/i,
      /need fully-qualified address/i,
      /mail ?from (?:domain )?(?:does not|doesn't) (?:resolve|exist)/i,
      /from: domain is invalid/i,
    ],
  },
  {
    cause: 'domain-reputation',
    patterns: [
      /reputation of the (?:sending )?domain/i,
      /domain reputation/i,
      /sending domain[^\n]{0,40}reputation/i,
      /domain (?:is )?(?:known|listed) for spam/i,
      /policy restrictions \(domain based\)/i,
    ],
  },
  {
    cause: 'blocklist',
    patterns: [/black ?list/i, /block ?list/i, /\bDNSBL\b/i, /\bRBL\b/i, /blocked using/i],
  },
  {
    cause: 'ip-reputation',
    patterns: [
      /reputation/i,
      /\bIP (?:address )?(?:is |has been )?(?:temporarily )?(?:blocked|banned)/i,
      /not accepted from (?:this|your|the sending) IP/i, // Microsoft 5.7.708 (MS-NDR)
      /client host [^\n]{0,60}(?:blocked|rejected)/i,
      /dynamic(?:ally[- ]assigned)? (?:ip|address)/i,
      /residential/i,
      /dial-?up/i,
      /not authorized to send email directly/i,
      /too many spams/i,
      /suspicious activity/i,
      /suspected spam (?:ip|sender)/i,
    ],
  },
  {
    cause: 'content',
    patterns: [
      /\bspam\b/i,
      /\bUBE\b/,
      /unsolicited/i,
      /phish/i,
      /content (?:rejected|denied|filter)/i,
      /rejected (?:due to|for|because of) (?:its )?content/i,
      /banned content/i,
      /nature of the content/i,
      /message filtered/i,
      /\bURL\b/,
    ],
  },
  {
    cause: 'recipient-policy',
    patterns: [
      /\bpolicy\b/i,
      /not (?:authorized|authorised|allowed|permitted)/i,
      /prohibited/i,
      /administrative/i,
      /(?:blocked|rejected|refused) by (?:the )?recipient/i,
      /access denied/i,
      /delivery not authorized/i,
      /blocked sender/i,
      /sender (?:is )?blocked/i,
      /\brefused\b/i,
      /\bdenied\b/i,
    ],
  },
];

/**
 * What a reason already says about the cause (Sisimai's definitions, ../shared/docs/sisimai-reasons.md).
 * Used when the text names no specific cause and the status says no more than "policy": "550 5.7.1
 * Access denied" read as `blocked` is about the sending server, not a rule of the recipient's. The
 * reasons left out (rejected, policyviolation, securityerror, filtered, ...) can be either side's.
 */
export const REASON_CAUSES: Readonly<Partial<Record<Reason, CauseId>>> = {
  blocked: 'ip-reputation', // "refused the sending server itself (its IP address or host name)"
  badreputation: 'ip-reputation', // "the sending IP's reputation is poor"
  norelaying: 'relay', // "relaying is denied"
  requireptr: 'rdns', // "the sending IP has no PTR record / the reverse lookup failed"
  authfailure: 'auth', // "SPF, DKIM or DMARC failed"
  failedstarttls: 'tls', // "STARTTLS failed or is required"
  spamdetected: 'content', // "the content was judged spam"
  virusdetected: 'virus', // "a virus was found in the message"
  notcompliantrfc: 'malformed', // "the message does not comply with RFC 5322"
  toomanyconn: 'rate-limit', // "too many connections or messages in a period"
  speeding: 'rate-limit', // "sent too fast: rate limited"
};

/**
 * When the text gives no clue, the registered meaning of the enhanced code (IANA registry) decides.
 * Keys are registry codes without the class digit.
 */
export const STATUS_CAUSES: Readonly<Record<string, CauseId>> = {
  '7.1': 'recipient-policy',
  '7.2': 'recipient-policy',
  '7.4': 'tls',
  '7.10': 'tls',
  '7.11': 'tls',
  '7.20': 'dkim',
  '7.21': 'dkim',
  '7.22': 'dkim',
  '7.23': 'spf',
  '7.24': 'spf',
  '7.25': 'rdns',
  '7.26': 'auth',
  '7.27': 'sender-address',
  '7.28': 'rate-limit',
  '7.29': 'auth',
  '7.30': 'tls',
  '6.0': 'malformed',
  '1.7': 'sender-address',
  '1.8': 'sender-address',
};
