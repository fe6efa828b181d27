/**
 * Rambler (Russia). ../shared/docs/peers.md §4.19; vendor-quirks.csv rows 173-175. Uses the
 * non-standard reply code 540.
 */
import { makeDiagnosis as dx } from '../knowledge/causes';
import { defineVendor, domains, hosts } from './define';
import { src } from './sources';

const S = src('SFM');

export const rambler = defineVendor({
  id: 'rambler',
  name: 'Rambler',
  source: S,
  recognize: {
    hosts: [hosts('rambler.ru', 'rambler-co.ru')],
    recipientDomains: [
      domains('rambler.ru', 'lenta.ru', 'autorambler.ru', 'myrambler.ru', 'ro.ru', 'rambler.ua'),
    ],
  },
  rules: [
    {
      id: 'rambler-inactive',
      csvRows: [173],
      match: { text: [/recipient address rejected: (?:Inactive|Blocked)/i] },
      pattern: "540 5.7.1 'recipient address rejected: Inactive' / 'Blocked'",
      meaning: 'The mailbox is inactive or blocked (sent with the non-standard reply 540).',
      practice: 'HARD(inactive)',
      reason: 'suspend',
      note: '540 is not an SMTP reply code; read the text.',
      remediation: 'Remove the address.',
      source: S,
    },
    {
      id: 'rambler-spam',
      csvRows: [174],
      match: { text: [/Spam message rejected; If this is not spam contact abuse/i] },
      pattern: "554 5.7.1 'Spam message rejected; If this is not spam contact abuse'",
      meaning: 'A spam verdict.',
      practice: 'BLOCK',
      reason: 'spamdetected',
      note: 'Rambler asks you to contact its abuse desk if this is wrong.',
      remediation: 'Contact Rambler abuse with the rejection.',
      diagnosis: dx('content'),
      source: S,
    },
    {
      id: 'rambler-rate',
      csvRows: [175],
      match: { text: [/rate limit exceeded/i] },
      pattern: "452 4.5.3 'rate limit exceeded'",
      meaning: 'Rate limit.',
      practice: 'SOFT',
      reason: 'speeding',
      note: 'Temporary.',
      remediation: 'Retry later.',
      diagnosis: dx('rate-limit'),
      source: S,
    },
  ],
});
