/**
 * Mail.ru (VK), incl. bk.ru, list.ru, inbox.ru. ../shared/docs/peers.md §4.17; vendor-quirks.csv
 * rows 165-167.
 */
import { makeDiagnosis as dx } from '../knowledge/causes';
import { defineVendor, domains, hosts } from './define';
import { src } from './sources';

export const mailru = defineVendor({
  id: 'mailru',
  name: 'Mail.ru (VK)',
  postmaster: 'https://postmaster.mail.ru/',
  source: src('SFM', 'SIS-MAILRU', 'SOE'),
  recognize: {
    hosts: [hosts('mail.ru', 'smailru.net')],
    tokens: [/help\.mail\.ru\/notspam-support/i],
    from: [/mailer-daemon@corp\.mail\.ru/i],
    recipientDomains: [domains('mail.ru', 'bk.ru', 'list.ru', 'inbox.ru', 'internet.ru')],
  },
  rules: [
    {
      id: 'mailru-spam',
      csvRows: [165],
      match: { text: [/spam message rejected/i, /help\.mail\.ru\/notspam-support/i] },
      pattern:
        "550 'spam message rejected. Please visit help.mail.ru/notspam-support/id?c=... Error code: ... ID: ...'",
      meaning: 'A spam verdict; often caused by bots abusing your web forms.',
      practice: 'BLOCK',
      reason: 'spamdetected',
      note: 'The link in the reply is pre-filled for a review request.',
      remediation: 'Use the link to request a review; protect your web forms (captcha, confirmed opt-in).',
      diagnosis: dx('content'),
      links: ['https://help.mail.ru/notspam-support'],
      source: src('SFM'),
    },
    {
      id: 'mailru-disabled',
      csvRows: [166],
      match: { text: [/account is disabled/i, /Message was not accepted -- invalid mailbox/i] },
      pattern:
        "550 'Message was not accepted -- invalid mailbox. Local mailbox ... is unavailable: account is disabled'",
      meaning: 'The account is disabled.',
      practice: 'HARD(inactive)',
      reason: 'suspend',
      note: 'The mailbox exists but is switched off.',
      remediation: 'Remove the address.',
      source: src('SFM'),
    },
    {
      id: 'mailru-dmarc',
      csvRows: [167],
      match: { text: [/not accepted due to domain owner DMARC policy/i] },
      pattern: "550 5.7.1 'not accepted due to domain owner DMARC policy (RFC 7489)'",
      meaning:
        'Mail with an @mail.ru From was sent through a third party, and mail.ru’s DMARC policy rejects it.',
      practice: 'BLOCK',
      reason: 'authfailure',
      note: 'You cannot send "as" a mail.ru address from another service.',
      remediation: 'Send from your own domain.',
      diagnosis: dx('dmarc'),
      source: src('VIWS-MAILRU'),
    },
  ],
});
