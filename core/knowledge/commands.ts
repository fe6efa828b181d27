/**
 * Which SMTP command a reply answered, read from the words MTAs write around it ("(in reply to RCPT
 * TO command)", "after MAIL FROM:", ">>> DATA"). The one table for this: the human-text reader
 * (core/extract/text.ts), the DSN diagnostic (core/extract/index.ts) and the reason engine
 * (core/diagnose/reason.ts) all read it through `findCommand` (core/extract/command.ts).
 *
 * `key` is a lower-case literal that every text the pattern matches contains: a cheap `includes`
 * check before the regex runs. Rows are in priority order: the first row that matches wins (a
 * transcript may show several commands; the recipient and envelope ones come first). Sources: the MTAs' own bounce texts
 * in the corpus (../shared/corpus) and Sisimai's per-MTA command tables (lib/sisimai/lhost/*).
 */
import type { SmtpCommand } from '../types';

export interface CommandPattern {
  key: string;
  re: RegExp;
  command: SmtpCommand;
  source: string;
}

const GMAIL_STATES =
  'Gmail (state N), as the state table of Sisimai Lhost/Gmail.pm reads it (https://github.com/sisimai/p5-sisimai/blob/019e893c/lib/Sisimai/Lhost/Gmail.pm)';

export const COMMAND_PATTERNS: readonly CommandPattern[] = [
  { key: 'in reply to', re: /\bin reply to (?:the )?rcpt to\b/i, command: 'RCPT', source: 'Postfix' },
  {
    key: 'in reply to',
    re: /\bin reply to (?:the )?(?:end of )?data\b/i,
    command: 'DATA',
    source: 'Postfix',
  },
  { key: 'in reply to', re: /\bin reply to (?:the )?mail from\b/i, command: 'MAIL', source: 'Postfix' },
  { key: 'in reply to', re: /\bin reply to (?:the )?ehlo\b/i, command: 'EHLO', source: 'Postfix' },
  { key: 'in reply to', re: /\bin reply to (?:the )?helo\b/i, command: 'HELO', source: 'Postfix' },
  { key: 'in reply to', re: /\bin reply to (?:the )?starttls\b/i, command: 'STARTTLS', source: 'Postfix' },
  { key: 'after ', re: /\bafter (?:the )?rcpt(?: to)?\b/i, command: 'RCPT', source: 'Exim, GMX' },
  { key: 'after ', re: /\bafter (?:the )?(?:end of data|data)\b/i, command: 'DATA', source: 'Exim' },
  { key: 'after ', re: /\bafter (?:the )?mail(?: from)?\b/i, command: 'MAIL', source: 'Exim' },
  {
    key: 'after ',
    re: /\bafter (?:the )?(?:initial connection|connect)\b/i,
    command: 'CONN',
    source: 'Exim',
  },
  {
    key: 'talk to me',
    re: /\brefused to talk to me\b/i,
    command: 'CONN',
    source: 'Postfix (greeting refused)',
  },
  { key: 'after ', re: /\bafter (?:the )?ehlo\b/i, command: 'EHLO', source: 'Exim' },
  { key: 'after ', re: /\bafter (?:the )?helo\b/i, command: 'HELO', source: 'Exim' },
  { key: 'after ', re: /\bafter (?:the )?starttls\b/i, command: 'STARTTLS', source: 'Exim' },
  { key: '>>>', re: />>>\s{0,2}rcpt to\b/i, command: 'RCPT', source: 'Sendmail transcript' },
  { key: '>>>', re: />>>\s{0,2}data\b/i, command: 'DATA', source: 'Sendmail transcript' },
  { key: '>>>', re: /^\s{0,8}>>>\s{0,2}\.\s{0,2}$/m, command: 'DATA', source: 'Sendmail transcript' },
  { key: '>>>', re: />>>\s{0,2}mail from\b/i, command: 'MAIL', source: 'Sendmail transcript' },
  { key: '>>>', re: />>>\s{0,2}ehlo\b/i, command: 'EHLO', source: 'Sendmail transcript' },
  { key: '>>>', re: />>>\s{0,2}helo\b/i, command: 'HELO', source: 'Sendmail transcript' },
  { key: 'did not like', re: /\bdid not like our rcpt to\b/i, command: 'RCPT', source: 'DragonFly' },
  {
    key: 'did not like',
    re: /\bdid not like our (?:final )?data\b/i,
    command: 'DATA',
    source: 'DragonFly',
  },
  { key: 'did not like', re: /\bdid not like our mail from\b/i, command: 'MAIL', source: 'DragonFly' },
  { key: 'does not like', re: /\bdoes not like recipient\b/i, command: 'RCPT', source: 'qmail' },
  { key: 'failed after', re: /\bfailed after i sent the message\b/i, command: 'DATA', source: 'qmail' },
  { key: 'failed on', re: /\bfailed on data command\b/i, command: 'DATA', source: 'qmail' },
  { key: 'was rejected', re: /\bsender was rejected\b/i, command: 'MAIL', source: 'qmail' },
  { key: 'was rejected', re: /\bmy name was rejected\b/i, command: 'HELO', source: 'qmail' },
  { key: 'most progress', re: /\bmost progress was rcpt to\b/i, command: 'RCPT', source: 'qmail (remote)' },
  { key: '[rcpt_to]', re: /\[rcpt_to\]/i, command: 'RCPT', source: 'Yahoo' },
  { key: '[mail_from]', re: /\[mail_from\]/i, command: 'MAIL', source: 'Yahoo' },
  { key: 'sent <<<', re: /\bsent <<<\s{0,2}rcpt to\b/i, command: 'RCPT', source: 'Trend Micro InterScan' },
  { key: 'sent <<<', re: /\bsent <<<\s{0,2}mail from\b/i, command: 'MAIL', source: 'Trend Micro InterScan' },
  { key: 'sent <<<', re: /\bsent <<<\s{0,2}data\b/i, command: 'DATA', source: 'Trend Micro InterScan' },
  { key: ' command', re: /\bfor rcpt command\b/i, command: 'RCPT', source: '1&1 / GMX' },
  { key: ' command', re: /\bfor mail command\b/i, command: 'MAIL', source: '1&1 / GMX' },
  { key: ' command', re: /\bfor (?:text|data) command\b/i, command: 'DATA', source: '1&1 / GMX' },
  { key: ' command', re: /\berror following rcpt command\b/i, command: 'RCPT', source: 'X6 / Novell' },
  {
    key: 'smtp command',
    re: /\bsmtp command\s{0,2}:?\s{0,3}(?:-{0,10}\s{0,3})?rcpt\b/i,
    command: 'RCPT',
    source: 'Exchange 2007, Domino',
  },
  {
    key: 'smtp command',
    re: /\bsmtp command\s{0,2}:?\s{0,3}(?:-{0,10}\s{0,3})?data\b/i,
    command: 'DATA',
    source: 'Exchange 2007, Domino',
  },
  {
    key: 'smtp command',
    re: /\bsmtp command\s{0,2}:?\s{0,3}(?:-{0,10}\s{0,3})?mail\b/i,
    command: 'MAIL',
    source: 'Exchange 2007, Domino',
  },
  { key: 'smtp:rcpt', re: /\bsmtp:rcpt host\b/i, command: 'RCPT', source: 'X3' },
  { key: '(data', re: /\(data\b/i, command: 'DATA', source: 'MXLogic, V5 ("(DATA)")' },
  // Gmail's older NDRs end the quoted reply with the session stage: "... User unknown (state 14)."
  { key: '(state ', re: /\(state 14\)/, command: 'RCPT', source: GMAIL_STATES },
  { key: '(state ', re: /\(state 1[578]\)/, command: 'DATA', source: GMAIL_STATES },
  { key: '(state ', re: /\(state 6\)/, command: 'MAIL', source: GMAIL_STATES },
  { key: '(state ', re: /\(state (?:8|9|12)\)/, command: 'AUTH', source: GMAIL_STATES },
  { key: '(state ', re: /\(state 13\)/, command: 'EHLO', source: GMAIL_STATES },
];
