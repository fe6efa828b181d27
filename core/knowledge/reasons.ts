/**
 * Bounce reasons as data: which enhanced status codes, reply codes and phrases point to which reason
 * in Sisimai's vocabulary (core/types.ts `Reason`), and the order in which core/diagnose/reason.ts
 * weighs them. The engine holds no knowledge of its own; everything it decides comes from here.
 *
 * Sources, by key (noted beside each family):
 *   RFC3463   RFC 3463 / IANA SMTP Enhanced Status Codes registry (core/knowledge/iana.ts).
 *   RFC5321   RFC 5321 reply codes; RFC7504 = 521/556; RFC7505 = null MX; RFC7372 = X.7.20-26.
 *   SISDOC    ../shared/docs/sisimai-reasons.md (what each reason means, how Sisimai orders checks).
 *   SIS       behaviour of Sisimai 5.1.0p3 learnt by reading p5-sisimai / go-sisimai (reason order,
 *             which status codes it maps to which reason); facts only, the tables are our own.
 *   CORPUS    observed in ../shared/corpus (labels.jsonl diagnostic texts; file name given when a
 *             family rests on few samples).
 *   PEERS§n   ../shared/docs/peers.md section n (vendor quirks, multilingual NDR phrases; the source
 *             keys after it, e.g. PHPBH, SIS-FPTT, MS-LOC-FR, are the ones listed in peers.md §7).
 *   SIS-PH    a reply text listed in Sisimai's reason phrase tables (see SIS_PH below).
 *   MTA       the wording of the MTA named (Postfix, Exim, Sendmail, qmail, Exchange...), as printed
 *             by that software.
 *
 * Matching rules (kept linear-time on hostile input):
 *   - The engine matches against ONE normalised copy of the diagnostic: lower-cased, every run of
 *     white space collapsed to a single space, typographic apostrophes folded to ', and cut to the
 *     first REASON_TEXT_LIMIT characters.
 *   - A pattern is a lower-case substring (String.includes) or, where word order or a bounded gap is
 *     needed, a RegExp with no nested quantifiers, no unbounded gaps (gaps are `[^\n]{0,N}`), and no
 *     overlapping alternatives under a quantifier. test/unit/reason.test.ts checks every RegExp with
 *     `recheck`.
 */

import type { Reason, SmtpCommand } from '../types';

/** Only the first this-many characters of a diagnostic are examined (the reason is always near the top). */
export const REASON_TEXT_LIMIT = 4096;

export type ReasonPattern = string | RegExp;

/** A family of phrases that point to one reason, with where they come from. */
export interface PhraseGroup {
  source: string;
  patterns: readonly ReasonPattern[];
}

/* ------------------------------------------------------------------------------------------------
 * (a) Enhanced status codes -> reason
 * ---------------------------------------------------------------------------------------------- */

/**
 * One status-code rule. `code` is "X.s.d" for both failure classes, or "4.s.d" / "5.s.d" for one
 * class only. Codes not listed here (X.0.0, X.3.0 for 4xx, X.4.0, X.5.0, X.7.0...) say too little on
 * their own; the text decides, and the class fallbacks (FALLBACK_RULES) apply last.
 */
export interface StatusRule {
  code: string;
  reason: Reason;
  source: string;
  /** Why this code maps here, when the IANA meaning alone does not make it obvious (shown to the reader). */
  note?: string;
}

export const STATUS_RULES: readonly StatusRule[] = [
  // X.1.x addressing
  {
    code: '5.1.0',
    reason: 'userunknown',
    source: 'SIS, CORPUS',
    note: 'In practice a refused recipient ("550 5.1.0 Address rejected"); Sisimai reads it so too.',
  },
  { code: 'X.1.1', reason: 'userunknown', source: 'RFC3463' },
  { code: '5.1.2', reason: 'hostunknown', source: 'RFC3463' },
  {
    code: '5.1.3',
    reason: 'userunknown',
    source: 'RFC3463, SIS',
    note: 'An address with bad syntax cannot exist as given.',
  },
  { code: '5.1.4', reason: 'filtered', source: 'SIS' },
  { code: 'X.1.6', reason: 'hasmoved', source: 'RFC3463' },
  { code: 'X.1.7', reason: 'rejected', source: 'RFC3463' },
  { code: 'X.1.8', reason: 'rejected', source: 'RFC3463' },
  { code: 'X.1.9', reason: 'systemerror', source: 'RFC3463, SIS' },
  { code: '5.1.10', reason: 'notaccept', source: 'RFC7505' },
  // X.2.x mailbox
  {
    code: '5.2.0',
    reason: 'filtered',
    source: 'SIS',
    note: 'Sisimai reads an unspecific mailbox refusal as the recipient filtering the sender.',
  },
  {
    code: '5.2.1',
    reason: 'filtered',
    source: 'SIS',
    note: 'Sisimai reads a permanent 5.2.1 as the recipient filtering the sender (Japanese carriers); the text can still say the account is disabled.',
  },
  { code: '4.2.1', reason: 'suspend', source: 'RFC3463, SIS' },
  { code: 'X.2.2', reason: 'mailboxfull', source: 'RFC3463' },
  { code: 'X.2.3', reason: 'exceedlimit', source: 'RFC3463' },
  { code: 'X.2.4', reason: 'filtered', source: 'SIS' },
  // X.3.x mail system
  { code: '5.3.0', reason: 'systemerror', source: 'SIS' },
  { code: 'X.3.1', reason: 'systemfull', source: 'RFC3463' },
  { code: 'X.3.2', reason: 'notaccept', source: 'RFC3463' },
  { code: 'X.3.3', reason: 'systemerror', source: 'RFC3463' },
  { code: 'X.3.4', reason: 'mesgtoobig', source: 'RFC3463' },
  { code: 'X.3.5', reason: 'systemerror', source: 'RFC3463' },
  // X.4.x network and routing
  { code: '5.4.0', reason: 'networkerror', source: 'SIS' },
  {
    code: '4.4.1',
    reason: 'expired',
    source: 'SIS',
    note: 'Reported when the sending server gave up after retrying.',
  },
  { code: '4.4.2', reason: 'networkerror', source: 'RFC3463' },
  { code: 'X.4.3', reason: 'systemerror', source: 'RFC3463, SIS' },
  {
    code: '5.4.4',
    reason: 'hostunknown',
    source: 'RFC3463, SIS',
    note: 'In practice: the domain has no usable mail route.',
  },
  { code: '4.4.4', reason: 'networkerror', source: 'RFC3463' },
  { code: '4.4.5', reason: 'systemfull', source: 'RFC3463' },
  { code: '4.4.6', reason: 'networkerror', source: 'RFC3463' },
  { code: 'X.4.7', reason: 'expired', source: 'RFC3463' },
  { code: '4.4.8', reason: 'networkerror', source: 'SIS' },
  // X.5.x protocol
  { code: '5.5.2', reason: 'syntaxerror', source: 'RFC3463' },
  {
    code: 'X.5.3',
    reason: 'toomanyconn',
    source: 'SIS',
    note: 'Too many recipients; Sisimai counts it as a concurrency limit.',
  },
  { code: '5.5.4', reason: 'systemerror', source: 'SIS' },
  { code: 'X.5.5', reason: 'systemerror', source: 'RFC3463, SIS' },
  { code: '5.5.6', reason: 'syntaxerror', source: 'RFC4954' },
  // X.6.x content
  { code: 'X.6.0', reason: 'contenterror', source: 'RFC3463' },
  { code: 'X.6.1', reason: 'contenterror', source: 'RFC3463' },
  { code: 'X.6.2', reason: 'contenterror', source: 'RFC3463' },
  { code: 'X.6.3', reason: 'contenterror', source: 'RFC3463' },
  { code: 'X.6.5', reason: 'contenterror', source: 'RFC3463' },
  { code: 'X.6.6', reason: 'contenterror', source: 'RFC3463' },
  { code: 'X.6.7', reason: 'contenterror', source: 'RFC6531' },
  { code: 'X.6.8', reason: 'contenterror', source: 'RFC6531' },
  { code: 'X.6.9', reason: 'contenterror', source: 'RFC6531' },
  // X.7.x security and policy
  { code: '5.7.0', reason: 'securityerror', source: 'RFC3463' },
  { code: '5.7.1', reason: 'securityerror', source: 'RFC3463', note: 'The text usually says why.' },
  {
    code: '4.7.1',
    reason: 'blocked',
    source: 'SIS',
    note: 'A temporary refusal of this kind is nearly always a block on the sending host.',
  },
  { code: '5.7.2', reason: 'securityerror', source: 'RFC3463' },
  { code: '4.7.2', reason: 'blocked', source: 'SIS' },
  { code: '5.7.3', reason: 'securityerror', source: 'RFC3463' },
  { code: '5.7.4', reason: 'securityerror', source: 'RFC3463' },
  { code: 'X.7.5', reason: 'securityerror', source: 'RFC3463' },
  { code: 'X.7.6', reason: 'securityerror', source: 'RFC3463' },
  { code: 'X.7.7', reason: 'securityerror', source: 'RFC3463' },
  { code: '5.7.8', reason: 'securityerror', source: 'RFC4954' },
  { code: '5.7.9', reason: 'securityerror', source: 'RFC4954' },
  { code: '5.7.10', reason: 'securityerror', source: 'RFC5248' },
  { code: '5.7.11', reason: 'securityerror', source: 'RFC4954' },
  { code: 'X.7.12', reason: 'securityerror', source: 'RFC4954' },
  { code: '5.7.13', reason: 'suspend', source: 'RFC3463/IANA' },
  { code: '5.7.14', reason: 'securityerror', source: 'RFC5248' },
  { code: 'X.7.15', reason: 'securityerror', source: 'RFC6710' },
  { code: 'X.7.16', reason: 'mesgtoobig', source: 'RFC6710' },
  { code: '5.7.17', reason: 'hasmoved', source: 'RFC7293' },
  { code: '5.7.18', reason: 'hasmoved', source: 'RFC7293' },
  { code: '5.7.19', reason: 'securityerror', source: 'RFC7293' },
  { code: '5.7.20', reason: 'authfailure', source: 'RFC7372' },
  { code: '5.7.21', reason: 'authfailure', source: 'RFC7372' },
  { code: '5.7.22', reason: 'authfailure', source: 'RFC7372' },
  { code: '5.7.23', reason: 'authfailure', source: 'RFC7372' },
  { code: 'X.7.24', reason: 'authfailure', source: 'RFC7372' },
  { code: 'X.7.25', reason: 'requireptr', source: 'RFC7372' },
  {
    code: 'X.7.26',
    reason: 'authfailure',
    source: 'RFC7372',
    note: 'Gmail uses it for SPF/DKIM/DMARC failures.',
  },
  {
    code: '5.7.27',
    reason: 'rejected',
    source: 'RFC7505 (X.7.27: sender address has null MX; Sisimai maps it to notaccept)',
  },
];

/**
 * Reasons a status code can only suggest: when the status gives one of these, the diagnostic text is
 * still read for something more specific (a 5.7.1 that says "DMARC", a 5.1.1 that says "relay access
 * denied"). Source: SIS (Sisimai's "retry" list), SISDOC.
 */
export const WEAK_STATUS_REASONS: readonly Reason[] = [
  'undefined',
  'onhold',
  'systemerror',
  'securityerror',
  'expired',
  'suspend',
  'networkerror',
  'hostunknown',
  'userunknown',
];

/**
 * Reasons about the address itself: hard even on a 4xx, and "suppress" whatever the class digit
 * (Sisimai's recipient rule, SISDOC; used by the `recipient` policy and the reader's action).
 */
export const ADDRESS_REASONS: ReadonlySet<Reason> = new Set(['userunknown', 'hostunknown', 'hasmoved']);

/**
 * Sisimai's pseudo status codes: when a bounce carries no enhanced status code, Sisimai fills in
 * 5.0.9xx / 4.0.9xx derived from the reason it chose. They are not codes any mail server sent; a
 * caller importing Sisimai output should drop them (they carry the answer, not evidence).
 * Source: ../shared/corpus/labels.jsonl (every pseudo code seen there, with its reason), SIS.
 */
export const SISIMAI_PSEUDO_STATUS: Readonly<Record<string, Reason>> = {
  '5.0.900': 'undefined',
  '4.0.900': 'undefined',
  '5.0.901': 'onhold',
  '4.0.901': 'onhold',
  '5.0.902': 'syntaxerror',
  '5.0.909': 'norelaying',
  '5.0.910': 'filtered',
  '4.0.924': 'filtered',
  '5.0.911': 'userunknown',
  '5.0.912': 'hostunknown',
  '5.0.916': 'hasmoved',
  '5.0.918': 'rejected',
  '4.0.918': 'rejected',
  '5.0.921': 'suspend',
  '5.0.922': 'mailboxfull',
  '4.0.922': 'mailboxfull',
  '5.0.923': 'exceedlimit',
  '5.0.930': 'systemerror',
  '4.0.930': 'systemerror',
  '5.0.931': 'systemfull',
  '4.0.931': 'systemfull',
  '5.0.932': 'notaccept',
  '4.0.932': 'notaccept',
  '5.0.934': 'mesgtoobig',
  '5.0.939': 'mailererror',
  '5.0.944': 'networkerror',
  '4.0.944': 'networkerror',
  '5.0.945': 'toomanyconn',
  '4.0.945': 'toomanyconn',
  '5.0.946': 'speeding',
  '4.0.946': 'speeding',
  '5.0.947': 'expired',
  '4.0.947': 'expired',
  '5.0.960': 'contenterror',
  '4.0.960': 'contenterror',
  '5.0.970': 'securityerror',
  '4.0.970': 'securityerror',
  '5.0.971': 'blocked',
  '4.0.971': 'blocked',
  '5.0.972': 'authfailure',
  '4.0.972': 'authfailure',
  '5.0.973': 'requireptr',
  '5.0.975': 'badreputation',
  '4.0.975': 'badreputation',
  '5.0.980': 'spamdetected',
  '4.0.980': 'spamdetected',
};

/** A code of the form 5.0.9xx / 4.0.9xx is a Sisimai pseudo code (labels.jsonl, SIS). */
export const SISIMAI_PSEUDO_STATUS_PATTERN = /^[45]\.0\.9\d\d$/;

/* ------------------------------------------------------------------------------------------------
 * (b) SMTP reply codes -> reason
 * ---------------------------------------------------------------------------------------------- */

export interface ReplyRule {
  /** Inclusive range of basic reply codes. */
  from: number;
  to: number;
  reason: Reason;
  source: string;
  /** Plain words for the "why" sentence. */
  meaning: string;
}

/** Reply codes that name a reason by themselves (checked at the probe that lists them). */
export const REPLY_RULES: Readonly<Record<'suspend' | 'notaccept' | 'syntaxerror', readonly ReplyRule[]>> = {
  suspend: [
    {
      from: 525,
      to: 525,
      reason: 'suspend',
      source: 'RFC 4954 (525 user account disabled), SIS',
      meaning: 'the user account is disabled',
    },
  ],
  notaccept: [
    { from: 521, to: 521, reason: 'notaccept', source: 'RFC7504', meaning: 'the host does not accept mail' },
    {
      from: 556,
      to: 556,
      reason: 'notaccept',
      source: 'RFC7504',
      meaning: 'the domain does not accept mail',
    },
  ],
  syntaxerror: [
    {
      from: 401,
      to: 407,
      reason: 'syntaxerror',
      source: 'SIS (reply 401-407)',
      meaning: 'a command or its parameters were not understood',
    },
    {
      from: 500,
      to: 507,
      reason: 'syntaxerror',
      source: 'RFC5321 (500-504 syntax / not implemented, 503 bad sequence), SIS',
      meaning: 'a command or its parameters were not understood',
    },
  ],
};

/* ------------------------------------------------------------------------------------------------
 * (c) Phrase families, per reason. Lower-case, single-spaced.
 * ---------------------------------------------------------------------------------------------- */

/** Reasons that have a phrase family of their own. */
export type PhraseReason = Exclude<
  Reason,
  'delivered' | 'feedback' | 'vacation' | 'undefined' | 'suppressed'
>;

/**
 * Phrase families. A family named after a reason points to that reason; the narrower families
 * hold phrases specific enough to override what a status code suggests. The probes below say when
 * each family counts.
 */
export type PhraseKey = PhraseReason | 'userunknown-explicit' | 'rejected-explicit' | 'filtered-carrier';

/** The reason each phrase family points to. */
export const PHRASE_FAMILY_REASON: Readonly<Record<PhraseKey, PhraseReason>> = {
  authfailure: 'authfailure',
  badreputation: 'badreputation',
  blocked: 'blocked',
  contenterror: 'contenterror',
  exceedlimit: 'exceedlimit',
  expired: 'expired',
  failedstarttls: 'failedstarttls',
  filtered: 'filtered',
  'filtered-carrier': 'filtered',
  hasmoved: 'hasmoved',
  hostunknown: 'hostunknown',
  mailboxfull: 'mailboxfull',
  mailererror: 'mailererror',
  mesgtoobig: 'mesgtoobig',
  networkerror: 'networkerror',
  norelaying: 'norelaying',
  notaccept: 'notaccept',
  notcompliantrfc: 'notcompliantrfc',
  onhold: 'onhold',
  policyviolation: 'policyviolation',
  rejected: 'rejected',
  requireptr: 'requireptr',
  securityerror: 'securityerror',
  spamdetected: 'spamdetected',
  speeding: 'speeding',
  suspend: 'suspend',
  syntaxerror: 'syntaxerror',
  systemerror: 'systemerror',
  systemfull: 'systemfull',
  toomanyconn: 'toomanyconn',
  userunknown: 'userunknown',
  'userunknown-explicit': 'userunknown',
  'rejected-explicit': 'rejected',
  virusdetected: 'virusdetected',
};

/**
 * Reply texts listed in Sisimai's own reason phrase tables that ours lacked (go-sisimai
 * reason/why-*.go at commit a0630263, cross-checked phrase by phrase on 2026-11-24; Sisimai is
 * BSD-2-Clause, (c) azumakuniyuki and the sisimai development team). They are what mail servers
 * print; left out were the ones too broad to stand alone ("size limit", "transaction failed",
 * "connection reset by peer", "greylisted"), the typos, and the texts Sisimai lists under two
 * reasons. Two-part phrases became bounded regexes. See docs/reason-notes.md.
 */
const SIS_PH = 'SIS-PH (Sisimai reason phrase lists, go-sisimai a0630263)';

export const REASON_PHRASES: Readonly<Partial<Record<PhraseKey, readonly PhraseGroup[]>>> = {
  'userunknown-explicit': [
    {
      source:
        'Exchange/Microsoft 365 RESOLVER.ADR.RecipNotFound (sent with 5.1.1, 5.1.10 or 5.4.1; PEERS§4.3), Postfix local/virtual table lookups, Gmail ?p=NoSuchUser; CORPUS',
      patterns: [
        'recipnotfound',
        'recipientnotfound',
        'user unknown in local recipient table',
        'user unknown in virtual mailbox table',
        'user unknown in virtual alias table',
        'user unknown in relay recipient table',
        'email account that you tried to reach does not exist',
        // Microsoft 365 5.1.4: an RFC 2606 example domain can have no mailbox (Sisimai Rhost Microsoft)
        'recipient address reserved by rfc 2606',
      ],
    },
  ],

  'rejected-explicit': [
    {
      source:
        'Exim sender verify (cPanel: "550-Verification failed for <sender> / The account or domain may not exist ... / 550 Sender verify failed", relayed by Sendmail as "550 5.1.1 <rcpt>... User unknown"; PHP-Bounce-Handler sendmail-dsn-hdrs-503), Sisimai rejected phrases (SIS-PH)',
      // The receiver checked the envelope sender and it failed: whatever status the relaying MTA
      // wrote for the recipient, and whatever the callout text says about "the account or domain".
      patterns: ['sender verify failed', 'sender verification failed', 'sender address verification failed'],
    },
  ],

  'filtered-carrier': [
    {
      source:
        'PEERS§4.26 (SIS-KDDI): au/KDDI answer "550 : User unknown" with no address when the recipient\'s filter refuses the sender; PEERS§4.25 docomo; CORPUS',
      patterns: [/\b5\d\d:? : user unknown/],
    },
  ],

  mailboxfull: [
    {
      source: 'MTA (Sendmail, Postfix, Exim, Dovecot, qmail, Exchange), CORPUS',
      patterns: [
        'mailbox full',
        'mailbox is full',
        'mailbox has exceeded',
        'mailbox size limit',
        'mailbox quota',
        'mailbox exceeds allowed size',
        'mailfolder is full',
        'full mailbox',
        'over quota',
        'overquota',
        'over the allowed quota',
        // not the sender's own sending quota (Amazon SES "Throttling failure: Daily message quota exceeded")
        /(?<!message |sending )quota exceeded/,
        'exceeded quota',
        'quota violation',
        'disk quota',
        'storage quota',
        'exceeded storage allocation',
        'not enough disk space',
        'not enough storage',
        'no space left on device',
        'exceeded the local limit',
        'too many messages on the server',
        "user's space has been used up",
        'too much mail data',
        'inbox is out of storage space',
        'out of storage space',
      ],
    },
    {
      source: 'PEERS§5 (PHPBH, ALEXB, SIS-FPTT), PEERS§4.26 (KDDI), MS-LOC-*',
      patterns: [
        'boite du destinataire pleine',
        'boîte du destinataire pleine',
        'boîte aux lettres pleine',
        'boite aux lettres pleine',
        'zuviele mails auf dem server',
        'postfach ist voll',
        'postfach voll',
        'speicherplatz überschritten',
        'buzón lleno',
        'buzon lleno',
        'buzón de correo lleno',
        'correo lleno',
        'casella piena',
        'casella di posta piena',
        'mailbox is vol',
        'postvak is vol',
        'caixa de correio cheia',
        'caixa postal cheia',
        'caixa de entrada cheia',
        'sobrepasou',
        'ящик переполнен',
        'превышен лимит',
        'メールボックスが一杯',
        'メールボックスがいっぱい',
        '容量オーバー',
        '容量を超え',
      ],
    },
    {
      source: SIS_PH,
      patterns: [
        'account is exceeding their quota',
        'diskspace quota',
        'does not have enough space',
        'mail file size exceeds the maximum size allowed for mail delivery',
        'not sufficient disk space',
        'mailbox would exceed maximum allowed storage',
        'is over the quota',
        'for exceeding receiving limits',
      ],
    },
  ],

  mesgtoobig: [
    {
      source: 'RFC3463 X.3.4 wording, MTA (Postfix, Exim, Exchange, 1&1), CORPUS',
      patterns: [
        'message too big',
        'message too large',
        'message is too large',
        'message is too big',
        'message size exceeds',
        'message file too big',
        'exceeds the maximum message size',
        'maximum message size exceeded',
        'max message size exceeded',
        'exceeded maximum inbound message size',
        'exceeded the maximum incoming message size',
        'size limit exceeded',
        'message size limit',
        'mail size limit',
        'message length exceeds',
        'line limit exceeded',
        // Postfix's own check against the server's SIZE (smtp_proto.c): "message size 18876259
        // exceeds size limit 10485760 of server mx.example[192.0.2.1]" (BounceParser corpus)
        /\bmessage size [0-9]{1,12} exceeds size limit\b/,
      ],
    },
    {
      source: 'PEERS§4.8 (SIS-FPTT), own translations of the same Exchange/Postfix wording',
      patterns: [
        'taille limite du message atteinte',
        'message trop volumineux',
        'nachricht ist zu groß',
        'nachricht zu groß',
        'nachricht zu gross',
        'mensaje demasiado grande',
        'messaggio troppo grande',
        'bericht is te groot',
        'mensagem muito grande',
        'сообщение слишком большое',
        'メールサイズが大きすぎ',
      ],
    },
  ],

  exceedlimit: [
    {
      source: 'RFC3463 X.2.3 wording, MTA',
      patterns: ['message header size exceeds limit', 'exceeds per-mailbox message size limit'],
    },
  ],

  suspend: [
    {
      source:
        'MTA/vendor wording (Gmail ?p=DisabledUser, Yahoo, QQ, 163.com, i.ua), PEERS§4.1, §4.29, CORPUS',
      patterns: [
        'account that you tried to reach is disabled',
        'account that you tried to reach is inactive',
        'account is disabled',
        'account has been disabled',
        'account disabled',
        'account is suspended',
        'account has been suspended',
        'account suspended',
        'disabled recipient',
        'mailbox disabled',
        'mailbox is disabled',
        'mailbox currently suspended',
        'mailbox is frozen',
        'is currently suspended',
        'has been suspended',
        'user suspended',
        'recipient suspend the service',
        'is a deactivated mailbox',
        'invalid/inactive user',
        'inactive account',
        'temporary locked',
        'temporarily locked',
        'account is locked',
        'user is terminated',
        'recipient account is blocked',
        'recipient rejected: temporarily inactive',
        'archived recipient',
      ],
    },
    {
      source: 'PEERS§5 (SIS-FPTT, PHPBH, ALEXB)',
      patterns: [
        'le compte du destinataire est bloque',
        'le compte du destinataire est bloqué',
        'boite du destinataire archivee',
        'compte désactivé',
        'compte desactive',
        'konto deaktiviert',
        'konto gesperrt',
        'postfach deaktiviert',
        'cuenta desactivada',
        'cuenta suspendida',
        'ha expirado por falta de uso',
        'el usuario esta en estado: inactivo',
        'account sospeso',
        'casella disattivata',
        'bloccato per inutilizzo',
        'conta desativada',
        'conta suspensa',
        'account is gedeactiveerd',
        'konto jest zablokowane',
        'ящик заблокирован',
        'учетная запись отключена',
      ],
    },
    {
      source: SIS_PH,
      patterns: ['this account has been temporarily suspended', 'user or domain is disabled'],
    },
    {
      source:
        "qmail-ldap 'Mailaddress is administrativley (sic) disabled'; EZweb 'account is temporarily limited' (MTA wording listed in Sisimai's per-MTA (Lhost) tables)",
      patterns: ['administrativley disabled', 'administratively disabled', 'account is temporarily limited'],
    },
  ],

  hasmoved: [
    {
      source: 'RFC3463 X.1.6 wording, MTA',
      patterns: [' has been replaced by ', 'destination mailbox has moved', 'mailbox has moved'],
    },
  ],

  norelaying: [
    {
      source:
        'MTA (Postfix "Relay access denied", Sendmail "Relaying denied", qmail rcpthosts, Exchange 5.7.54)',
      patterns: [
        'relay access denied',
        'relaying denied',
        'relay denied',
        'relay not permitted',
        'relaying not permitted',
        'relaying not allowed',
        'relay prohibited',
        'relaying prohibited',
        'not permitted to relay',
        'not allowed to relay',
        'unable to relay',
        'we do not relay',
        "we don't relay",
        'no relaying',
        'insecure mail relay',
        'not configured to relay',
        'not an open relay',
        "isn't in my list of allowed rcpthosts",
        'is not in my list of allowed rcpthosts',
        'requires authentication when attempting to send to a non-local',
      ],
    },
    {
      source: 'own translations of the same MTA wording',
      patterns: [
        'relais refusé',
        'relais refuse',
        'relaying nicht erlaubt',
        'relay nicht erlaubt',
        'relay no permitido',
        'relay non permesso',
        'relay não permitido',
      ],
    },
    {
      source: SIS_PH,
      patterns: [
        'not a gateway',
        'not local host',
        'relaying mail to ',
        'specified domain is not allowed',
        'in my list of allowed rcpthost',
        "we don't handle mail for",
        'as a relay',
      ],
    },
    {
      source: "Mimecast 451 'Open relay is not allowed' (Sisimai Rhost Mimecast)",
      patterns: ['open relay is not allowed'],
    },
  ],

  authfailure: [
    {
      source:
        'vendor wording (Gmail 5.7.26, Microsoft 5.7.509/5.7.515, Apple, Mail.ru, GoDaddy IB508), RFC7372, CORPUS',
      patterns: [
        'dmarc policy',
        'dmarc verification',
        'does not pass dmarc',
        'failed dmarc',
        'dmarc check failed',
        'dmarc failure',
        'unauthenticated email',
        'sender is unauthenticated',
        'does not have authentication information',
        'fails to pass authentication checks',
        'fails to pass spf',
        'failed spf',
        'spf check failed',
        'spf check: fail',
        'spf validation failed',
        'spf fail',
        'spf=fail',
        'sender policy framework',
        'please inspect your spf settings',
        'per its spf record',
        "per it's spf record",
        'no passing dkim signature',
        'dkim signature verification failed',
        'dkim verification failed',
        'dkim check failed',
        'required authentication level',
        "doesn't meet the authentication requirements",
        'must pass either spf or dkim',
        "spf authentication didn't pass", // Gmail 5.7.27 (PEERS§4.1)
        "dkim authentication didn't pass", // Gmail 5.7.30 (PEERS§4.1)
        'dkim does not pass',
        "isn't aligned with either the authenticated spf or dkim", // Gmail 4.7.32 (PEERS§4.1)
        'requires all senders to authenticate',
        '//spf.pobox.com',
      ],
    },
    {
      source: SIS_PH,
      patterns: ['bad spf records for', /is not allowed to send mail\. lpn\d{3}_401/],
    },
    {
      source: "MessageLabs 553 'DMARC domain authentication fail' (Sisimai Rhost MessageLabs)",
      patterns: ['domain authentication fail'],
    },
  ],

  requireptr: [
    {
      source:
        'vendor/MTA wording (Gmail 5.7.25, Comcast, Exim rDNS ACLs, Outlook.com), RFC7372 X.7.25, CORPUS',
      patterns: [
        'ptr record',
        'ptr-record',
        'reverse dns',
        'reverse lookup',
        'rdns',
        'cannot find your hostname',
        'ip name lookup failed',
        'cannot resolve your address',
        'unresolvable relay host name',
        'unverifyable sending ip',
        'unverifiable sending ip',
        'mismatches client ip',
      ],
    },
    {
      source: SIS_PH,
      patterns: [
        'bad dns ptr resource record',
        'the corresponding forward dns entry does not point to the sending ip',
        /\bdns lookup failure: [^\n ]{1,254} try again later/,
      ],
    },
  ],

  notcompliantrfc: [
    {
      source: 'Gmail ?p=RfcMessageNonCompliant wording, CORPUS (lhost-postfix-29, rhost-google-08)',
      patterns: [
        'not rfc 5322 compliant',
        'rfcmessagenoncompliant',
        'multiple addresses in from: header',
        'missing a valid address in from:',
        'missing a valid message-id',
        'headers are not rfc compliant', // Yahoo (PEERS§4.4)
        /rfc ?5322 section [0-9.]{1,10} compliant/, // Microsoft 5.7.512 (PEERS§4.3)
        /multiple [a-z-]{1,30} headers/,
      ],
    },
  ],

  contenterror: [
    {
      source: 'RFC3463 X.6.x wording, MTA (Sendmail 8-bit headers, Exchange MIME limits, Amazon SES), CORPUS',
      patterns: [
        'duplicate header',
        'improper use of 8-bit data in message header',
        'invalid mime',
        'mime complexity',
        'too many received: headers',
        'header size exceeds maximum',
        'headers too large',
        'media error',
        'improperly-formatted binary content',
      ],
    },
    {
      source: SIS_PH,
      patterns: [
        'message header size, or recipient list, exceeds policy limit',
        'this message contain text that uses unnecessary base64 encoding',
      ],
    },
    {
      source: "Microsoft 365 5.5.6 'Invalid message content' (Sisimai Rhost Microsoft)",
      patterns: ['invalid message content'],
    },
  ],

  badreputation: [
    {
      source: 'vendor wording (Microsoft S3113/S3140, Yahoo TSS04, t-online), PEERS§4.2, §4.4',
      patterns: [
        'ip reputation',
        'poor reputation',
        'bad reputation',
        'low reputation',
        'reputation score',
        'domain reputation',
        'sender reputation',
        'unexpected volume or user complaints',
      ],
    },
  ],

  rejected: [
    {
      source: 'MTA (Postfix smtpd_sender_restrictions, Sendmail, Exim sender verify, qmail), CORPUS',
      patterns: [
        'sender address rejected',
        'sender rejected',
        'sender was rejected',
        'sender denied',
        'invalid sender',
        'unroutable sender',
        'domain of sender address',
        'sender domain does not exist',
        'sender domain is empty',
        'sender not pre-approved',
        'sender is spammer',
        'empty envelope senders not allowed',
        'null sender is not allowed',
        "can't determine purported responsible address",
        'from: domain is invalid',
        'mail from not owned by user',
        'mailfrom domain is listed',
        'sender address has been blacklisted',
        'your email address has been blacklisted',
        'an address that has been blacklisted',
        'returned mail not accepted here',
        'email address is not verified', // Amazon SES: unverified sender identity
        'administrative prohibition',
        'all recipient addresses rejected : access denied',
        'access denied (in reply to mail from command)',
      ],
    },
    {
      source:
        'mailing-list managers (FML, Mailman, Google Groups): the sender may not post; CORPUS (lhost-googlegroups-*, lhost-fml-02)',
      patterns: [
        'not a member of this mailing list',
        // fml's other refusals of a post (Sisimai Lhost/FML.pm)
        'not member article from',
        'reject mail from',
        'reject spammers:',
        'spam mail from a spammer is rejected',
        'you are not allowed to post to this mailing list',
        'by non-member to a members-only list',
        'permission to post messages to the group',
        // Google Groups' notice in other languages (same sentence, CORPUS lhost-googlegroups-04..13)
        'グループにメッセージを投稿する権限がない',
        'erforderlichen berechtigungen haben, um der gruppe nachrichten zu posten',
        'nemáte oprávnění do ní přidávat příspěvky',
        'δικαίωμα ανάρτησης μηνυμάτων',
        'no tienes los permisos necesarios para publicar mensajes',
        'مجوز لازم برای ارسال پیام به این گروه',
        'que vous ne soyez pas autorisé à lui envoyer des messages',
        '沒有在此群組張貼留言的權限',
        '没有在此群组发帖的权限',
      ],
    },
    {
      source: 'PEERS§4.8 (SIS-FPTT: Orange "Emetteur invalide")',
      patterns: ['emetteur invalide', 'émetteur invalide', 'absender ungültig', 'remitente no válido'],
    },
    {
      source: SIS_PH,
      patterns: [
        'batv failed to verify',
        'batv validation failure',
        'backscatter protection detected an invalid or expired email address',
        "because the sender isn't on the recipient's list of senders to accept mail from",
        'bogus mail from',
        'connections not accepted from servers without a valid sender domain',
        'denied [bouncedeny]',
        'denied by secumail valid-address-filter',
        'delivery not authorized, message refused',
        'does not exist e2110',
        'email address is on senderfilterconfig list',
        'envelope blocked - ',
        'error: no third-party dsns',
        'fully qualified email address required',
        'invalid domain, see <url:',
        'is not a registered gateway user',
        'recipient addresses rejected : access denied',
        'recipient not accepted. (batv: no tag',
        'rfc 1035 violation: recursive cname records for',
        'rule imposed mailbox access for',
        'sending this from a different address or alias using the ',
        'sender email address rejected',
        'sender is in my black list',
        'sender blacklisted',
        'spam reporting address',
        'syntax error: empty email address',
        'the message has been rejected by batv defense',
        'transaction failed unsigned dsn for',
        'this server does not accept mail from',
        /\bmx records for [^\n ]{1,254} violate/,
      ],
    },
    {
      source:
        "MessageLabs 'Sorry, your email address / domain has been blocked' (the sender; Sisimai Rhost MessageLabs)",
      patterns: [/\byour (?:email address|domain) [^\n]{0,60}has been blocked/],
    },
    {
      source:
        "Google SMTP relay 550 5.7.0 'Mail Sending denied'; qmail 'your envelope sender is in my badmailfrom list' (Sisimai Rhost Google, MessageLabs)",
      patterns: ['mail sending denied', 'badmailfrom list'],
    },
  ],

  userunknown: [
    {
      source:
        "Exchange Online's newer NDR headline 'X wasn't found at domain.' (webmail-dom.md 4.4; MS-NDR, 5.1.10 RecipientNotFound)",
      patterns: [/\bwasn't found at [^\n ]{1,253}\.(?: |$)/],
    },
    {
      source:
        'MTA (Postfix local/virtual tables, Sendmail, Exim, qmail, Exchange RESOLVER.ADR, Domino), vendor (Gmail NoSuchUser, Yahoo, iCloud, Zoho), CORPUS',
      patterns: [
        'user unknown',
        'unknown user',
        'unknown recipient',
        'recipient unknown',
        'unknown mailbox',
        'mailbox unknown',
        'address unknown',
        'unknown or illegal',
        'unknown local part',
        'unknown local-part',
        'no such user',
        'no such recipient',
        'no such mailbox',
        'no such address',
        'no such person',
        'no such account',
        'no mailbox here by that name',
        'no account by that name',
        'no mail box available for this user',
        'user not found',
        'recipient not found',
        'mailbox not found',
        'address not found',
        'user not exist',
        'user does not exist',
        "user doesn't exist",
        'recipient does not exist',
        'recipient not exist',
        'mailbox does not exist',
        'address does not exist',
        'account does not exist',
        'email account that you tried to reach does not exist',
        "the email address you entered couldn't be found",
        "the address couldn't be found", // Gmail card "Address not found" (webmail-dom.md 3.1)
        'invalid recipient',
        'invalid mailbox',
        'invalid address',
        'not a valid mailbox',
        'not a valid recipient',
        'not a valid user',
        'is not a known user',
        'is not an active address',
        'recipient address rejected: access denied',
        'recipient address rejected: invalid user',
        'recipient address rejected: unknown user',
        'requested action not taken: mailbox unavailable',
        'mailbox unavailable',
        'recipnotfound',
        'recipientnotfound',
        'not listed in domino directory',
        'not listed in public name & address book',
        'no one at this address',
        'this address no longer accepts mail',
        'sorry, badrcptto',
        'badrcptto list',
        'no valid recipients for this mm', // Verizon MMS gateway (CORPUS lhost-verizon-01)
        /doesn't have an? [^\n]{1,80} account/,
        /\buser [^\n ]{1,80} (?:was not found|does not exist)/,
      ],
    },
    {
      source:
        'PEERS§5 (PHPBH, ALEXB, SIS-FPTT, MS-LOC-*, SOE make-test-31), own translations of "user unknown"',
      patterns: [
        // French
        'utilisateur inconnu',
        'destinataire inconnu',
        'adresse inconnue',
        'adresse destinataire invalide',
        'adresse d au moins un destinataire invalide',
        'destinataire invalide',
        'adresse de messagerie que vous avez entrée est introuvable',
        "non répertorié dans l'annuaire",
        /(?:destinataire|utilisateur|adresse|compte|bo[iî]te) [^\n]{0,40}n'existe pas/,
        // Exchange / Microsoft 365 localised "address not found" (PEERS§5 MS-LOC-*; short stems)
        'empfänger wurde nicht gefunden',
        'e-mail-adresse wurde nicht gefunden',
        'no se encontró la dirección',
        "impossibile trovare l'indirizzo",
        'não foi possível encontrar o endereço',
        'e-mailadres kan niet worden gevonden',
        'не удалось найти указанный адрес',
        // German
        'benutzer unbekannt',
        'unbekannter benutzer',
        'empfänger unbekannt',
        'empfaenger unbekannt',
        'unbekannter empfänger',
        'adressat unbekannt',
        'postfach unbekannt',
        'mailbox unbekannt',
        'adresse nicht gefunden',
        /(?:benutzer|empfänger|postfach|adresse|konto) [^\n]{0,40}existiert nicht/,
        // Spanish
        'usuario desconocido',
        'usuario inexistente',
        'destinatario desconocido',
        'no existe ese usuario',
        'no existe dicha persona',
        /(?:usuario|cuenta|buz[oó]n|destinatario|direcci[oó]n) [^\n]{0,40}no existe/,
        'no se encuentra en la libreta',
        // Italian
        'utente sconosciuto',
        'utente inesistente',
        'indirizzo inesistente',
        'casella inesistente',
        'destinatario inesistente',
        'destinatario sconosciuto',
        'destinatario errato',
        'destin. sconosciuto',
        'nessun utente simile',
        // Portuguese
        'usuário desconhecido',
        'usuario desconhecido',
        'utilizador desconhecido',
        'destinatário desconhecido',
        'destinatario desconhecido',
        /(?:usu[aá]rio|utilizador|conta|endere[cç]o|destinat[aá]rio|caixa postal) [^\n]{0,40}n[aã]o existe/,
        // Dutch
        'onbekende gebruiker',
        'gebruiker onbekend',
        'onbekende ontvanger',
        'ontvanger onbekend',
        'adres onbekend',
        /(?:gebruiker|ontvanger|mailbox|adres|e-mailadres) [^\n]{0,40}bestaat niet/,
        // Polish
        'nie ma takiego konta',
        'nie ma takiego użytkownika',
        'konto nie istnieje',
        'adres nie istnieje',
        // Russian
        'нет такого пользователя',
        'пользователь не найден',
        'пользователь не существует',
        'неизвестный пользователь',
        'адрес не существует',
        'ящик не существует',
        'такого ящика нет',
        // Japanese
        '宛先がみつかりません',
        '宛先が見つかりません',
        '宛先不明',
        'ディレクトリには見つかりません',
        'ディレクトリのリストにありません',
        /(?:ユーザー?|アドレス|宛先|メールボックス|アカウント)[^\n]{0,12}(?:存在しません|見つかりません|みつかりません)/,
      ],
    },
    {
      source: SIS_PH,
      patterns: [
        '#5.1.1 bad address',
        '550 address invalid',
        '5.1.0 address rejected.',
        'address not present in directory',
        "can't accept user",
        'destination addresses were unknown',
        'destination server rejected recipients',
        'email address could not be found',
        'mailbox invalid',
        'mailbox is inactive',
        'mailbox is unavailable',
        'mailbox not present',
        'no mailbox by that name is currently available',
        'no mailbox found',
        'no thank you rejected: account unavailable',
        'no valid recipients, bye',
        'not a local address',
        'recipient address rejected: invalid-recipient',
        'recipient address rejected: userunknown',
        'recipient is not accepted',
        'recipient is not local',
        'recipient not ok',
        'resolver.adr.recipient notfound',
        'sorry, your envelope recipient has been denied',
        "the user's email name is not found",
        'this email address is wrong or no longer valid',
        'this recipient is in my badrecipientto list',
        'this recipient is not in my validrcptto list',
        'this spectator does not exist',
        'user missing home directory',
        'user not active',
        'user not known',
        'vdeliver: invalid or unknown virtual user',
        /<[^\s<>]{1,254}@[^\s<>]{1,254}> not found/,
        /<[^\s<>]{1,254}>\.\.\. blocked by ldap/,
        /\baccount [^\n ]{1,254} does not exist at the organization/,
        /\bbad[-_ ]recipient\b/,
        /\bmailbox [^\n ]{1,254} does not exist/,
        /\bno [^\n ]{1,254} in name directory/,
        /\bnon[- ]?existent user/,
        /\brcpt <[^\n>]{1,254}> does not exist/,
        /\brcpt \([^\n)]{1,254}\) (?:does not|doesn't) exist/,
        /\brecipient [^\n ]{1,254} was not found in/,
        /\bunknown e-?mail address/,
        /\buser \([^\n)]{1,254}\) unknown/,
      ],
    },
    {
      source:
        "Domino (Spanish) 'no se encuentra en el Directorio de Domino'; IMail 'Invalid final delivery userid' (MTA wording listed in Sisimai's per-MTA (Lhost) tables)",
      patterns: ['no se encuentra en el directorio de domino', 'invalid final delivery userid'],
    },
  ],

  filtered: [
    {
      source: "Domino 'Cannot route mail to user' (Sisimai Lhost/Domino.pm: filtered)",
      patterns: ['cannot route mail to user'],
    },
    {
      source: 'vendor wording (AT&T SMS, AOL, Facebook, Willcom, Japanese carriers), SIS',
      patterns: [
        'user reject',
        'message filtered',
        'refuses to receive',
        'refuse to receive',
        'due to recipient preferences',
        'blocked by the recipient',
        'only accepting mail from specific',
        'is not accepting any mail',
        'has restricted sms e-mail',
        'account is protected by',
        'message rejected due to user rules',
        '受信拒否',
      ],
    },
    {
      source: SIS_PH,
      patterns: [
        'bounced address',
        'due to extended inactivity new mail is not currently being accepted for this mailbox',
        'not found recipient account',
      ],
    },
  ],

  hostunknown: [
    {
      source:
        'MTA (Postfix "Host or domain name not found", Sendmail "Host unknown", Exim "Unrouteable address"), Outlook.com, CORPUS',
      patterns: [
        'host unknown',
        'unknown host',
        'host or domain name not found',
        'domain does not exist',
        'domain is not reachable',
        'domain must exist',
        'no such domain',
        'unknown domain',
        'unrouteable address',
        'unroutable address',
        'name or service not known',
        'mail domain mentioned in email address is unknown',
        'the account or domain may not exist',
        'illegal host/domain name',
        /dns lookup failure: host [^\n ]{1,255} not found/,
        // "553 example.com does not exist" (Exim relaying a remote answer; CORPUS lhost-exim-37)
        /\b55\d [a-z0-9-]{1,63}\.[a-z0-9.-]{1,200} does not exist/,
      ],
    },
    {
      source: 'own translations of "unknown domain" (fr, de, es, it, pt, nl, ru)',
      patterns: [
        'domaine inconnu',
        'domaine introuvable',
        'domain unbekannt',
        'unbekannte domain',
        'dominio inexistente',
        'dominio desconocido',
        'dominio sconosciuto',
        'domínio inexistente',
        'domein bestaat niet',
        'домен не существует',
      ],
    },
    {
      source:
        "Microsoft 365 5.4.310 'DNS domain X does not exist [Message=InfoDomainNonexistent]' (Sisimai Rhost Microsoft lists it; the text says the domain is missing)",
      patterns: [/\bdns domain [^\n ]{1,254} does not exist/, 'infodomainnonexistent'],
    },
    {
      source:
        "Exim 'all host address lookups failed permanently' / 'all relevant MX records point to non-existent hosts'; KDDI 'the remote domain doesnt exist' (MTA wording listed in Sisimai's per-MTA (Lhost) tables)",
      patterns: [
        'all host address lookups failed permanently',
        'all relevant mx records point to non-existent hosts',
        'remote domain doesnt exist',
        "remote domain doesn't exist",
      ],
    },
  ],

  virusdetected: [
    {
      source: 'MTA/filter wording (ClamAV/Amavis, Exchange, Gmail executable attachments)',
      patterns: [
        'virus detected',
        'virus found',
        'contains a virus',
        'infected with a virus',
        'virus infected',
        'malware detected',
        'malicious content',
        'potentially executable attachment',
        'used by recent viruses',
        'prohibited virus',
        'virus phishing',
      ],
    },
  ],

  spamdetected: [
    {
      source:
        'filter wording (SpamAssassin, Barracuda UBE, Amavis, Gmail, Google Groups, Mail.ru, Orange 506), CORPUS',
      patterns: [
        'message content rejected',
        'spam classification',
        'classified as spam',
        'detected as spam',
        'identified as spam',
        'flagged as spam',
        'marked as spam',
        'considered spam',
        'considered as spam',
        'looks like spam',
        'looked like spam',
        'appears to be spam',
        'seems to be a spam',
        'rejected as spam',
        'probable spam',
        'probability of spam',
        'spam detected',
        'spam message',
        'spam content',
        'spam score',
        'spam filter',
        'spam-like',
        'spamassassin',
        'unsolicited bulk',
        'appears to be unsolicited',
        'likely unsolicited mail', // Gmail ?p=UnsolicitedMessageError (PEERS§4.1)
        'suspicious due to the nature of the content', // Gmail 4.7.0 (PEERS§4.1)
        'as bulk mail',
        'classified as bulk',
        'bulk email filter',
        'blocked by our spam', // Barracuda "blocked by our Spam & Virus Firewall" (CORPUS lhost-barracuda-02)
        'blocked by the spam',
        ' - spam',
        'content filter',
        /\bube\b/,
        /mail rejete\. mail rejected\.[^\n]{0,40}506/,
      ],
    },
    {
      source: 'PEERS§5 (PHPBH Polish), own translations of "classified as spam"',
      patterns: [
        'als spam eingestuft',
        'als spam erkannt',
        'considéré comme spam',
        'considere comme spam',
        'identifié comme spam',
        'detectado como spam',
        'considerado spam',
        'considerado como spam',
        'rilevato come spam',
        'als spam aangemerkt',
        'odrzucona przez system antyspamowy',
        'спам',
        'スパム',
        '迷惑メール',
      ],
    },
    {
      source: SIS_PH,
      patterns: [
        'block for spam',
        'blocked by policy: no spam please',
        'blocked for abuse. see http://att.net/blocks',
        'cyberoam anti spam engine has identified this email as a bulk email',
        'denied due to spam list',
        'listed in work.drbl.imedia.ru',
        'detected your message as spam',
        'your message as spam and has prevented delivery',
        'mail content denied',
        'may consider spam',
        'message contains spam or virus',
        'spamprofiler',
        'message rejected because of unacceptable content',
        'message was rejected for possible spam/virus content',
        'thinks this email is spam',
        'reject bulk.advertising',
        'rejected - bulk email',
        'rejecting banned content',
        'rejecting mail content',
        'spam blocked',
        'spam email not accepted',
        'spam not accepted',
        'spam refused',
        'spam rejection',
        'spambouncer identified spam',
        'spamming not allowed',
        'too many spam complaints',
        'too much spam.',
        'scored as spam',
        'recurrent pattern detection system',
        'we dont accept spam',
        "we don't accept spam",
        'appears similar to spam',
        'breaches local uribl policy',
        'your email is probably spam',
        'has been temporarily blocked by our filter',
        'triggered a spam block',
        'failed several antispam checks',
        '/help/help_spam_16.htm',
        '5.7.0 reject, id=',
        'blacklisted url',
        /\bmail score \([^\n)]{1,20}\) over /,
        /\bour filters rate at and above [^\n ]{1,10} percent probability of being spam/,
        /\brejected by [^\n ]{1,254} \(spam\)/,
        /\bspam (?:threshold|score|level|limit) exceeded/,
        // The whole answer is just "spam" after the codes: "554 Spam email. Email Session ID: {...}",
        // "Diagnostic-Code: X-XWall; 5.9.8 Spam" (Mail::DeliveryStatus::BounceParser's corpus,
        // spam-rejection23/42).
        /^(?:[45]\d\d[ -])?(?:[45]\.\d{1,3}\.\d{1,3} )?spam(?: e-?mail| message)?(?:[.!]|$)/,
        /\bthis message scored [^\n ]{1,10} spam points/,
      ],
    },
    {
      source: "GoDaddy 552 'Message rejected for spam or virus content' (Sisimai Rhost GoDaddy)",
      patterns: ['rejected for spam or virus content'],
    },
  ],

  toomanyconn: [
    {
      source: 'MTA/vendor wording (Sendmail, Microsoft, Free.fr, Orange, QQ "frequency limited"), CORPUS',
      patterns: [
        'too many connections',
        'too many concurrent',
        'too many smtp sessions',
        'connection rate limit',
        'connection limit',
        'frequency limited',
        'too many errors from your ip',
        'trop de connexions',
        'zu viele verbindungen',
        'demasiadas conexiones',
        'troppe connessioni',
        'te veel verbindingen',
        'слишком много соединений',
      ],
    },
    {
      source: SIS_PH,
      patterns: ['has exceeded the max emails per hour', 'daily message quota exceeded'],
    },
    {
      source: 'Connection and volume limits (Microsoft 365 4.7.652, Cox, Mimecast; Sisimai Rhost tables)',
      patterns: [
        'too many sessions',
        'message threshold exceeded',
        'maximum number of connections',
        'exceeding outbound thread limit',
      ],
    },
  ],

  speeding: [
    {
      source: 'vendor wording (Gmail ReceivingRate, Microsoft S3115, GoDaddy IB607, Postfix anvil), CORPUS',
      patterns: [
        'rate limit',
        'rate-limit',
        'ratelimit',
        'receiving mail at a rate',
        'sending rate',
        'try again slower',
        'slow down',
        'too fast',
        'too many messages in a short',
        'too many recipients this hour',
        /too many (?:messages|recipients|emails|mails) (?:per|this|an?) (?:hour|minute|day)/,
        'per hour exceeded',
        'receiving mail too quickly', // Gmail/Yahoo (PEERS§4.1, §4.4)
        'unusual rate of', // Gmail 4.7.28 mail flood (PEERS§4.1)
        /limit [^\n]{0,40}per hour/, // Microsoft 5.2.121/5.2.122 (PEERS§4.2, §4.3)
      ],
    },
    {
      source: 'Microsoft 365 5.7.508 (Sisimai Rhost Microsoft)',
      patterns: ['exceeded permitted limits within'],
    },
  ],

  blocked: [
    {
      source:
        'blocklists and client restrictions (Postfix reject_rbl_client, Spamhaus, SpamCop, SORBS, Barracuda, Proofpoint, Microsoft 5.7.606), CORPUS',
      patterns: [
        'blocked using',
        'blacklisted',
        'blacklist',
        'blocklist',
        'block list',
        'denylist',
        'spamhaus',
        'spamcop',
        'sorbs.net',
        'barracudacentral',
        'dnsbl',
        /\brbl\b/,
        'client host rejected',
        'banned sending ip',
        'blocked - see http',
        'refused - see http',
        'ip address is listed',
        'is not allowed to send mail from',
        'invalid ip for sending mail of domain',
        'too many unwanted messages have been sent',
        'please use the smtp server of your isp',
        'not currently accepting mail from your ip',
        'esmtp not accepting connections',
        'dynamic ip',
        'hosts with dynamic',
        /\bdynamically[- ]assigned ip\b/, // Outlook.com (S3160) 'does not relay dynamically-assigned IP ranges'
        'go away',
        'you are not allowed to connect',
        'access denied. ip',
        'banned sender', // Microsoft 5.7.511 (PEERS§4.3)
        'not authorized to send email directly to our servers', // Gmail ?p=NotAuthorizedError (PEERS§4.1)
        'ip not in whitelist',
        'traffic not accepted from this ip', // Microsoft 5.7.7xx (PEERS§4.3)
      ],
    },
    {
      source: 'own translations of "blocked/blacklisted" (fr, de, es, it, pt, ru)',
      patterns: [
        'liste noire',
        'schwarze liste',
        'lista negra',
        'lista nera',
        'черный список',
        'чёрный список',
      ],
    },
    {
      source: SIS_PH,
      patterns: [
        'said: 550 blocked',
        'bad sender ip address',
        'confirm this mail server',
        'currently sending spam see: ',
        'dynamic/zombied/spam ips blocked',
        'error: no valid recipients from ',
        'extreme bad ip profile',
        'helo command rejected:',
        'is in a black list',
        'no access from mail server',
        'rejected because the sending mta or the sender has not passed validation',
        'rejecting open proxy',
        'sender ip address rejected',
        'server access forbidden by your ip ',
        'sorry, your remotehost looks suspiciously like spammer',
        'too many spams from your ip',
        'you are sending spam',
        'your server requires confirmation',
        /\([^\s()]{1,254}@[^\s()]{1,254}:blocked\)/,
        /\baccess from ip address [^\n ]{1,45} blocked/,
        /\bip [^\n ]{1,45} is blocked by earthlink/,
        /\bmail server at [^\n ]{1,254} is blocked/,
        /\bmail from [0-9a-f.:[\]]{3,47} refused[:,]/,
        /\bserver ip [^\n ]{1,45} listed as abusive/,
        /\byour access ip [^\n]{1,50} has been rejected/,
        // Yahoo [TS01]: the sending IP is deferred for complaints (Sisimai: blocked)
        /\bmessages from [^\n ]{1,45} temporarily deferred due to user complaints/,
      ],
    },
    {
      source:
        "MessageLabs 'your IP address (x) has been blocked', Cox 'too many bad commands' (Sisimai Rhost MessageLabs, Cox)",
      patterns: [/\byour ip address [^\n]{0,50}has been blocked/, 'too many bad commands from'],
    },
  ],

  notaccept: [
    {
      source: 'RFC7505 null MX, RFC7504, MTA (qmail, Sendmail, Exim, Gmail "Null MX"), CORPUS',
      patterns: [
        'null mx',
        'nullmx',
        'does not accept mail',
        "doesn't accept mail",
        "doesn't receive email",
        'not accepting network messages',
        'no mx record',
        'no mx found',
        'indicated no smtp service',
        "couldn't find a mail exchanger",
        'mail receiving disabled',
      ],
    },
    {
      source: SIS_PH,
      patterns: ['no route for current request'],
    },
    {
      source:
        "Microsoft 365 4.4.4 'hosted tenant which has no mail-enabled subscriptions' (Sisimai Rhost Microsoft)",
      patterns: ['no mail-enabled subscriptions'],
    },
    {
      source:
        "Exim 'no host found for existing SMTP connection'; OpenSMTPD 'Destination seem to reject all mails' (MTA wording listed in Sisimai's per-MTA (Lhost) tables)",
      patterns: ['no host found for existing smtp connection', 'destination seem to reject all mails'],
    },
  ],

  policyviolation: [
    {
      source:
        'vendor wording (Yahoo 5.7.9, Gmail attachment policy, Mimecast, Exchange transport rules), CORPUS',
      patterns: [
        'policy violation',
        'denied by policy',
        'for policy reasons',
        'organization policy',
        'organizational settings',
        'local policy',
        'header error',
        'content presents a potential security issue',
        'content presents a potential',
        'illegal attachment',
        'host network not allowed',
        'message given low priority',
        'closed mailing list',
        'not subscribed to this group',
      ],
    },
    {
      source: SIS_PH,
      patterns: [
        'because the recipient is not accepting mail with ',
        'header are not accepted',
        'messages with multiple addresses',
        'we do not accept messages containing images or other attachments',
        "you're using a mass mailer",
        'allowable number of posts without solving a captcha',
      ],
    },
    {
      source: "Mimecast 'content examination policy', 'Host network, not allowed' (Sisimai Rhost Mimecast)",
      patterns: ['content examination policy', 'host network, not allowed'],
    },
  ],

  securityerror: [
    {
      source: 'RFC4954 / MTA wording (authentication required), CORPUS',
      patterns: [
        'authentication required',
        'authentication is required',
        'unauthenticated senders not allowed',
        'smtp authentication',
        'authentication credentials invalid',
        'turn on smtp authentication',
        'authentication turned on in your email client',
        'not authorized to send',
        'executable files are not allowed',
        'anti-spoofing',
        'spoofing',
        'forged sender',
      ],
    },
    {
      source: SIS_PH,
      patterns: [
        'account not subscribed to ses',
        'authentication failure',
        'authentification invalide',
        'authentification requise',
        /\bauthentication failed; server [^\n]{1,300} said: /,
        'is not authorized to perform ses:sendrawemail',
        /\bdomain [^\n ]{1,254} is a dead domain/,
      ],
    },
    {
      source: 'Mimecast 535 / 550 authentication failures (Sisimai Rhost Mimecast)',
      patterns: ['incorrect authentication data', 'submitter failed to authenticate'],
    },
    {
      source:
        "OpenSMTPD 'Could not retrieve credentials' (MTA wording listed in Sisimai's per-MTA (Lhost) tables)",
      patterns: ['could not retrieve credentials'],
    },
    {
      source: "fml 'Security alert: <addr> sent a mail with a dangerous header' (Sisimai Lhost/FML.pm)",
      patterns: ['sent a mail with a dangerous header'],
    },
  ],

  systemerror: [
    {
      source: 'MTA wording (Postfix/Sendmail local errors, Exchange, McAfee MXLogic), CORPUS',
      patterns: [
        'internal system error',
        'internal server error',
        'internal error',
        'local configuration error',
        'local error in processing',
        'configuration error',
        'temporary local problem',
        'could not load drd',
        'unable to contact ldap',
        'transaction failed (',
        /transaction failed(?:$|\.| \(| -)/,
        'loops back to myself',
        'queue file write error',
        'service currently unavailable',
        'duplicated message-id',
        // fml's loop and error notices (Sisimai Lhost/FML.pm reads them as systemerror, as lhost-fml-03)
        'has detected a loop condition so that input mail',
        'loop back warning:',
        'fml system error message',
      ],
    },
    {
      source:
        "Domino 'Recipient user name X not unique. Several matches found in Domino Directory' (Sisimai Lhost/Domino.pm: systemerror)",
      patterns: ['several matches found in domino directory'],
    },
    {
      source: 'own translations of "internal error"',
      patterns: [
        'erreur interne',
        'interner fehler',
        'error interno',
        'errore interno',
        'erro interno',
        'interne fout',
        'внутренняя ошибка',
      ],
    },
    {
      source: SIS_PH,
      patterns: [
        'interrupted system call',
        'it encountered an error while being processed',
        'loop was found in the mail exchanger',
        'recipient deferred because there is no mdb',
        'remote server is misconfigured',
        'system config error',
        'timeout waiting for input',
        /\bunable to connect [^\n]{0,40}daemon/,
      ],
    },
    {
      source:
        "Receivers' own transient failures as Google, Microsoft 365 and Mimecast print them (Sisimai Rhost tables, go-sisimai rhost/for-*.go; cross-checked 2026-11-24)",
      patterns: [
        'temporary system problem',
        'server busy',
        'agent busy',
        'temporary server error',
        'temporarily rejected this message',
        'temporarily rejected message',
        'unable to process connection at this time',
        'unable to process an email at this time',
        'unable to process command',
        'message ended early',
        'message failed to be replicated',
        'misconfigured forwarding address',
        'multiple destination domains per transaction is unsupported',
        'server temporarily not available',
      ],
    },
    {
      source:
        "Exim 'delivery to file/pipe forbidden', 'local delivery failed'; qmail-ldap homedir creation (MTA wording listed in Sisimai's per-MTA (Lhost) tables)",
      patterns: [
        'delivery to file forbidden',
        'delivery to pipe forbidden',
        'local delivery failed',
        'automatic homedir creator crashed',
        'error in automatic homedir creation',
      ],
    },
    {
      source:
        "qmail's local delivery or forwarding program that fails ('/bin/sh^M: bad interpreter: No such file or directory', 'Permanent error while executing qmail-forward'), Courier 'This domain's DNS violates RFC 1035.' (Sisimai Lhost qmail and Courier tables: systemerror)",
      patterns: [
        'bad interpreter: no such file or directory',
        "domain's dns violates rfc 1035",
        // qmail-ldap's forwarding program ("Permanent error while executing qmail-forward. (#5.4.4)")
        'error while executing qmail-forward',
      ],
    },
  ],

  networkerror: [
    {
      source: 'MTA wording (Postfix, qmail, Exchange, Domino, Gmail DNS errors), CORPUS',
      patterns: [
        'no route to host',
        'host is unreachable',
        'network is unreachable',
        'network error',
        'malformed or unexpected name server reply',
        'malformed name server reply',
        'host name lookup failure',
        'dns query failed',
        'dns error',
        'routing loop',
        'mail loop',
        // OpenSMTPD's relay failure (Sisimai Lhost/OpenSMTPD.pm: networkerror)
        'loop detected',
        'forwarding loop',
        'hop count exceeded',
        'too many hops',
        'message looping',
        'unable to resolve route',
        "wasn't able to establish an smtp connection",
        'could not connect and send',
      ],
    },
    {
      source: SIS_PH,
      patterns: [
        'dns records for the destination computer could not be found',
        'host not found, try again',
        'unrouteable mail domain',
      ],
    },
    {
      source:
        "qmail 'Although I'm listed as a best-preference MX or A for that host', Notes hop count, Courier 'DNS lookup failed', OpenSMTPD routing failures (MTA wording listed in Sisimai's per-MTA (Lhost) tables)",
      patterns: [
        "although i'm listed as a best-preference mx or a for that host",
        'exceeded maximum hop count',
        'dns lookup failed',
        'address family mismatch on destination mxs',
        'all routes to destination blocked',
        'bad dns lookup error code',
        'could not retrieve source address',
        'no valid route to remote mx',
        'no valid route to destination',
        'temporary failure in mx lookup',
      ],
    },
  ],

  systemfull: [
    {
      source: 'RFC5321 452 text, RFC3463 X.3.1, MTA',
      patterns: [
        'mail system full',
        'insufficient system storage',
        'insufficient disk space',
        'spool full',
        'queue is full',
        // qmail's "452 Requested action not taken: mailbox unavailable (not enough free space)"
        // (Sisimai Lhost qmail table: systemfull)
        'mailbox unavailable (not enough free space)',
      ],
    },
  ],

  expired: [
    {
      source: 'MTA wording (Exim retry timeout, OpenSMTPD, Sendmail queue, Postfix, Gmail, Yahoo), CORPUS',
      patterns: [
        'retry timeout exceeded',
        'envelope expired',
        'message expired',
        'delivery expired',
        'delivery time expired',
        'could not deliver for the last',
        'not delivered within',
        'in the queue too long',
        'could not be delivered for',
        'unable to deliver this message after',
        'unable to deliver message after',
        'after multiple retries',
        'connection timed out',
        'operation timed out',
        'has been delayed',
        'will be retried',
        'delivery attempts will continue',
        'could not find a gateway for',
        'did not accept our requests to connect',
        'unable to connect successfully to the destination',
      ],
    },
    {
      source: SIS_PH,
      patterns: [
        'failed to deliver to domain ',
        'have been failing for a long time',
        'it has not been collected after',
        'message timed out',
        'retry time not reached for any host after a long failure period',
        'server did not respond',
        'was not reachable within the allowed queue period',
      ],
    },
    {
      source: "Google 421 4.7.0 'Connection expired, try reconnecting' (Sisimai Rhost Google)",
      patterns: ['connection expired, try reconnecting'],
    },
    {
      source: "IMail 'Delivery failed N attempts' (MTA wording listed in Sisimai's per-MTA (Lhost) tables)",
      patterns: [/\bdelivery failed \d{1,3} attempts/],
    },
    {
      source:
        "Exim's delay and frozen-message wording: 'Delay reason: connection to mail.example.jp timed out', 'Message X has been frozen by the system filter', 'was frozen on arrival by ACL' (Sisimai Lhost Exim and MXLogic tables: expired; a frozen message waits in the queue until it is thawed or times out)",
      patterns: [/\bconnection to [^\s]{1,255} timed out/, 'has been frozen', 'was frozen on arrival'],
    },
  ],

  mailererror: [
    {
      source: 'local delivery agents (procmail, maildrop, pipe), Sendmail EX_OSERR',
      patterns: [
        'procmail',
        'maildrop',
        'mailer error',
        'command died with status',
        'command failed:',
        'pipe to |',
        ' || exit ',
        'operating system error',
        'x-unix;',
      ],
    },
  ],

  syntaxerror: [
    {
      source: 'MTA wording (RFC5321 500-504 texts, Exim)',
      patterns: [
        'malformed address',
        'improper sequence of commands',
        'command parameter not implemented',
        'syntax error in parameters',
      ],
    },
    {
      source: "Google 451/454 4.5.0 'SMTP protocol violation' (Sisimai Rhost Google)",
      patterns: ['smtp protocol violation'],
    },
    {
      source: "Exim address syntax errors (MTA wording listed in Sisimai's per-MTA (Lhost) tables)",
      patterns: [
        'angle-brackets nested too deep',
        'missing or malformed local part',
        'domain missing in source-routed address',
      ],
    },
  ],
};

/* ------------------------------------------------------------------------------------------------
 * (d) Decision order
 * ---------------------------------------------------------------------------------------------- */

/** A condition on the context; every field given must hold. */
export interface Guard {
  /** The SMTP command must be one of these ('' = unknown). */
  commands?: readonly (SmtpCommand | '')[];
  /** The SMTP command must not be one of these. */
  notCommands?: readonly (SmtpCommand | '')[];
  /** The status code's reason must be one of these ('' = no status / no mapping). */
  statusReasons?: readonly (Reason | '')[];
  /** The status code's reason must not be one of these. */
  notStatusReasons?: readonly (Reason | '')[];
}

/** Commands sent before DATA: a refusal there cannot be about the message content. */
export const BEFORE_DATA: readonly (SmtpCommand | '')[] = [
  'CONN',
  'HELO',
  'EHLO',
  'STARTTLS',
  'AUTH',
  'MAIL',
  'RCPT',
];

/** One step of the primary pass: the first probe that fires decides. */
export interface Probe {
  reason: Reason;
  /**
   * How the status code counts: 'decides' = a status mapping to this reason decides;
   * 'with-phrase' = it decides only if one of `phrases` also matches.
   */
  status?: 'decides' | 'with-phrase';
  /** A status-decided result gives way when the text matches one of these families. */
  statusGivesWayTo?: readonly PhraseKey[];
  /** Reply-code rules that decide (REPLY_RULES key). */
  reply?: keyof typeof REPLY_RULES;
  /** Phrase families whose match decides (default: the reason's own family). */
  phrases?: readonly PhraseKey[];
  /** The phrase families count only when one of these guards holds (none = always). */
  phrasesWhen?: readonly Guard[];
  /** The SMTP command alone decides. */
  commands?: readonly SmtpCommand[];
  /** The probe is skipped entirely unless this holds. */
  when?: Guard;
}

/**
 * Primary pass, in order (only for SMTP diagnostics or when the type is unknown). Modelled on the order
 * Sisimai 5.1.0p3 uses (SIS, SISDOC "How a reason is chosen"), adjusted where the corpus shows a more
 * specific family must win (virus before spam, reputation before sender refusal, PTR before user unknown).
 */
export const PRIMARY_ORDER: readonly Probe[] = [
  { reason: 'mailboxfull', status: 'decides' },
  // The server's own disk (its phrases are specific): before the "mailbox unavailable" that qmail
  // prints around it ("452 Requested action not taken: mailbox unavailable (not enough free space)").
  { reason: 'systemfull' },
  { reason: 'mesgtoobig', status: 'decides', phrasesWhen: [{ notStatusReasons: ['exceedlimit'] }] },
  { reason: 'exceedlimit', status: 'decides' },
  { reason: 'suspend', status: 'decides', reply: 'suspend' },
  { reason: 'hasmoved', status: 'decides' },
  { reason: 'norelaying', when: { notCommands: ['CONN', 'HELO', 'EHLO'] } },
  { reason: 'authfailure', status: 'decides' },
  { reason: 'requireptr', status: 'decides' },
  { reason: 'filtered', phrases: ['filtered-carrier'] },
  { reason: 'rejected', phrases: ['rejected-explicit'] },
  { reason: 'userunknown', phrases: ['userunknown-explicit'], when: { notCommands: ['DATA', 'BDAT'] } },
  {
    reason: 'userunknown',
    status: 'decides',
    statusGivesWayTo: [
      'norelaying',
      'blocked',
      'rejected',
      'hasmoved',
      'notaccept',
      'speeding',
      'toomanyconn',
      'badreputation',
    ],
    phrasesWhen: [
      { commands: ['RCPT'], notStatusReasons: ['rejected'] },
      // Command unknown: "user unknown" is read as such unless a specific status says otherwise.
      // (Sisimai reads it as `filtered`; see docs/reason-notes.md.)
      { commands: [''], statusReasons: ['', ...WEAK_STATUS_REASONS] },
    ],
  },
  // After DATA a "user unknown" is a filter's answer (SISDOC filtered; PEERS§4.25 docomo).
  {
    reason: 'filtered',
    status: 'with-phrase',
    phrases: ['filtered', 'userunknown'],
    phrasesWhen: [{ commands: ['DATA', 'BDAT'] }],
  },
  { reason: 'filtered', phrases: ['filtered'] },
  { reason: 'notcompliantrfc' },
  { reason: 'contenterror', status: 'decides' },
  { reason: 'badreputation' },
  {
    reason: 'rejected',
    status: 'decides',
    phrasesWhen: [
      { commands: ['MAIL'] },
      { commands: ['DATA', 'BDAT'], notStatusReasons: ['userunknown'] },
      { statusReasons: ['', 'undefined', 'onhold', 'securityerror', 'systemerror'] },
      // X.1.0 is "other address status": it may be about the sender (CORPUS rhost-cox-01).
      { statusReasons: ['userunknown'], commands: ['', 'MAIL'] },
    ],
  },
  {
    reason: 'hostunknown',
    status: 'decides',
    // qmail-ldap's "Permanent error while executing qmail-forward. (#5.4.4)": a local program failed.
    statusGivesWayTo: ['networkerror', 'notaccept', 'systemerror'],
  },
  { reason: 'virusdetected', when: { notCommands: BEFORE_DATA } },
  { reason: 'spamdetected', when: { notCommands: BEFORE_DATA } },
  { reason: 'toomanyconn', status: 'decides' },
  { reason: 'speeding' },
  { reason: 'blocked', status: 'decides' },
  { reason: 'blocked', commands: ['CONN', 'HELO', 'EHLO'] },
  { reason: 'notaccept', reply: 'notaccept' },
];

/** The Diagnostic-Code type of an SMTP reply (lower case). */
export const SMTP_DIAGNOSTIC_TYPE = 'smtp';

/** Diagnostic types for which the primary pass runs ('' = not given). Compared case-insensitively. */
export const PRIMARY_DIAGNOSTIC_TYPES: readonly string[] = [SMTP_DIAGNOSTIC_TYPE, ''];

/**
 * Diagnostic types read as SMTP. Postfix writes its own findings about the delivery under X-Postfix
 * ("[dest.example.com]: Name or service not known", "connect to ...: Connection timed out"), and
 * Postfix 2.2 and older also the remote answer ("X-Postfix; host mx.example[192.0.2.1] said: 550 ...
 * User unknown (in reply to RCPT TO command)"; PHP-Bounce-Handler's samples, 2006). Sisimai's
 * Postfix module reads every X-Postfix diagnostic as SMTP (CORPUS labels of lhost-postfix-06, -44:
 * diagnostictype "SMTP"). Lower case.
 */
export const SMTP_LIKE_DIAGNOSTIC_TYPES: readonly string[] = ['x-postfix'];

/**
 * A diagnostic of any other type that quotes the remote server's reply is read as an SMTP reply all
 * the same. Matched over the lower-cased text.
 */
export const QUOTED_SMTP_REPLY =
  /\bsaid: ?[245]\d\d\b|\(in reply to [a-z]{2,8}(?: [a-z]{2,4}){0,2} command\)/;

/**
 * Second pass: phrase families only, in order. Runs when the status is missing or only suggests a
 * reason (WEAK_STATUS_REASONS), or the diagnostic is not an SMTP reply (X-Unix, X-Postfix...).
 */
export const SECONDARY_ORDER: readonly PhraseKey[] = [
  'mailboxfull',
  'authfailure',
  'badreputation',
  'virusdetected',
  'spamdetected',
  'policyviolation',
  'norelaying',
  'securityerror',
  'contenterror',
  'systemerror',
  'networkerror',
  'speeding',
  'suspend',
  'systemfull',
  'notaccept',
  'expired',
  'mailererror',
  'syntaxerror',
  'filtered',
];

/**
 * Rules weighed after both passes but before the status code's own reason: where the context says
 * more than a generic status does. In order; the first whose conditions all hold decides.
 */
export interface PreStatusRule {
  reason: Reason;
  /** The Diagnostic-Code type must start with this (lower case). */
  diagnosticTypePrefix?: string;
  /** Conditions on the SMTP command and the status code's reason. */
  when: Guard;
  why: string;
  /** What the verdict shows as matched: the Diagnostic-Code type as sent, or the command. */
  matched: 'diagnostic-type' | 'command';
  source: string;
}

export const PRE_STATUS_RULES: readonly PreStatusRule[] = [
  // A local delivery program's exit status (Diagnostic-Code: X-Unix; 255) is a mailer error,
  // whatever generic system status came with it.
  {
    reason: 'mailererror',
    diagnosticTypePrefix: 'x-unix',
    when: { statusReasons: ['', ...WEAK_STATUS_REASONS] },
    why: 'The error comes from the local delivery program (X-Unix): mailer error.',
    matched: 'diagnostic-type',
    source: 'SISDOC',
  },
  // Refused in reply to MAIL FROM with only a generic security status: the sender was refused.
  {
    reason: 'rejected',
    when: { commands: ['MAIL'], statusReasons: ['', 'securityerror'] },
    why: 'The server refused the envelope sender (in reply to MAIL FROM).',
    matched: 'command',
    source: 'SISDOC',
  },
];

/** Last resort rules, in order, when neither pass nor the status code named a reason. */
export type FallbackRule =
  | { kind: 'status-class'; prefix: string; reason: Reason; source: string; meaning: string }
  | { kind: 'reply'; rules: keyof typeof REPLY_RULES }
  | { kind: 'action'; actions: readonly string[]; reason: Reason; source: string; meaning: string }
  | { kind: 'command'; commands: readonly SmtpCommand[]; reason: Reason; source: string; meaning: string };

export const FALLBACK_RULES: readonly FallbackRule[] = [
  {
    kind: 'status-class',
    prefix: '5.6.',
    reason: 'contenterror',
    source: 'RFC3463, SISDOC',
    meaning: 'is a message content or media error (X.6.x)',
  },
  {
    kind: 'status-class',
    prefix: '4.6.',
    reason: 'contenterror',
    source: 'RFC3463, SISDOC',
    meaning: 'is a message content or media error (X.6.x)',
  },
  {
    kind: 'status-class',
    prefix: '5.7.',
    reason: 'securityerror',
    source: 'RFC3463, SISDOC',
    meaning: 'is a security or policy refusal (X.7.x)',
  },
  {
    kind: 'status-class',
    prefix: '4.7.',
    reason: 'securityerror',
    source: 'RFC3463, SISDOC',
    meaning: 'is a security or policy refusal (X.7.x)',
  },
  { kind: 'reply', rules: 'syntaxerror' },
  {
    kind: 'action',
    actions: ['delayed', 'expired'],
    reason: 'expired',
    source: 'RFC3464, SISDOC',
    meaning: 'the DSN Action says delivery is still delayed',
  },
  {
    kind: 'command',
    commands: ['CONN', 'HELO', 'EHLO'],
    reason: 'blocked',
    source: 'SISDOC',
    meaning: 'at connection time, before any mail was sent',
  },
];
