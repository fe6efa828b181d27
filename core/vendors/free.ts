/**
 * Free.fr (Free / Alice). ../shared/docs/peers.md §4.27; vendor-quirks.csv rows 232-236.
 * Postmaster site: postmaster.free.fr.
 */
import { makeDiagnosis as dx } from '../knowledge/causes';
import { defineVendor, domains, hosts } from './define';
import { src } from './sources';

const POSTMASTER = 'http://postmaster.free.fr/';

export const free = defineVendor({
  id: 'free',
  name: 'Free.fr (Free / Alice)',
  postmaster: POSTMASTER,
  source: src('SFM', 'ASSOC'),
  recognize: {
    hosts: [hosts('free.fr', 'proxad.net')],
    tokens: [/postmaster\.free\.fr/i],
    recipientDomains: [domains('free.fr', 'aliceadsl.fr', 'libertysurf.fr', 'online.fr')],
  },
  rules: [
    {
      id: 'free-spam',
      csvRows: [232],
      match: { text: [/\bspam detected\b/i] },
      pattern: "550 'spam detected'",
      meaning: 'A spam verdict on this message.',
      practice: 'BLOCK',
      reason: 'spamdetected',
      note: 'The filter judged the content, not the sender as a whole.',
      remediation: 'Review the content, links and list consent; see postmaster.free.fr.',
      diagnosis: dx('content', { links: [POSTMASTER] }),
      source: src('SFM', 'ASSOC'),
    },
    {
      id: 'free-ip-spam',
      csvRows: [232],
      match: { text: [/Too many spams from your IP/i] },
      pattern: "550 'Too many spams from your IP'",
      meaning: 'The sending IP sent too much spam: a verdict on the IP as a whole.',
      practice: 'BLOCK',
      reason: 'spamdetected',
      action: 'fix-sender',
      note: 'About the IP, not this message: changing the content will not help.',
      remediation: 'Find what else sends from that IP, slow down and clean lists; see postmaster.free.fr.',
      diagnosis: dx('ip-reputation', { links: [POSTMASTER] }),
      source: src('SFM', 'ASSOC'),
    },
    {
      id: 'free-virus',
      csvRows: [233],
      match: { text: [/\bvirus detected\b/i] },
      pattern: "550 'virus detected'",
      meaning: 'A virus was found.',
      practice: 'BLOCK',
      reason: 'virusdetected',
      note: 'Free scans attachments.',
      remediation: 'Scan the attachment and the sending machine.',
      diagnosis: dx('virus'),
      source: src('SFM'),
    },
    {
      id: 'free-inactive',
      csvRows: [234],
      match: { text: [/mailbox has been blocked due to inactivity/i] },
      pattern: "550 5.2.1 'This mailbox has been blocked due to inactivity'",
      meaning: 'The mailbox was blocked because it was not used.',
      practice: 'HARD(inactive)',
      reason: 'suspend',
      note: 'An abandoned Free mailbox.',
      remediation: 'Suppress the address.',
      source: src('SFM'),
    },
    {
      id: 'free-quota',
      csvRows: [235],
      match: { text: [/user quota exceeded/i] },
      pattern: "550/552/554 5.2.2 'user quota exceeded'",
      meaning: 'The mailbox is full.',
      practice: 'SOFT',
      reason: 'mailboxfull',
      note: 'Temporary even when sent as 550 or 554.',
      remediation: 'Retry later.',
      source: src('SFM'),
    },
    {
      id: 'free-connections',
      csvRows: [236],
      match: { text: [/too many connections from your IP/i] },
      pattern: "'Server busy, too many connections from your IP'",
      meaning: 'Connection limit for your IP.',
      practice: 'SOFT',
      reason: 'toomanyconn',
      note: 'Temporary.',
      remediation: 'Lower concurrency.',
      diagnosis: dx('rate-limit'),
      source: src('ASSOC'),
    },
  ],
});
