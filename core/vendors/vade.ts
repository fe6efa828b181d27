/**
 * Vade Secure / Open-Xchange cloud (OXSUS, OXSEU), e.g. Earthlink and other OX-hosted ISPs.
 * ../shared/docs/peers.md §4.7; vendor-quirks.csv rows 90-95; seed 000. The token OXSUS001_NNN
 * carries a three-digit reason; `550 5.7.1 ... _403` means "user unknown", not a policy block.
 */
import { makeDiagnosis as dx } from '../knowledge/causes';
import { defineVendor, hosts } from './define';
import { src } from './sources';

const POSTMASTER = 'https://postmaster-oxsus.vadesecure.com/';
const INBOUND = 'https://postmaster-oxsus.vadesecure.com/inbound_error_codes';

/** The OX token with one of the given reason suffixes, e.g. OXSUS001_403, OXSEU0001_111. Built once. */
const ox = (...codes: readonly string[]): RegExp =>
  new RegExp(`\\bOX(?:SUS|SEU)[0-9]{3,4}_(?:${codes.join('|')})\\b`, 'i');

export const vade = defineVendor({
  id: 'vade',
  name: 'Vade Secure / Open-Xchange cloud',
  postmaster: POSTMASTER,
  source: src('VADE-IN', 'VADE-OUT', 'SUPED-VADE', 'SEED-000'),
  recognize: {
    hosts: [hosts('vadesecure.com')],
    tokens: [/\bOX(?:SUS|SEU)[0-9]{3,4}_[0-9]{3}\b/i, /postmaster-ox(?:sus|seu)\.vadesecure\.com/i],
  },
  rules: [
    {
      id: 'vade-oxsus-403',
      csvRows: [90],
      standalone: true,
      match: { tokens: [ox('403')] },
      pattern: "550 5.7.1 'Connection refused' ... OXSUS001_403",
      meaning:
        'The recipient does not exist (for bulk mail), or the recipient address syntax is invalid. The 5.7.1 looks like a policy block but is not.',
      practice: 'HARD',
      reason: 'userunknown',
      bounce: { rfc: 'hard', sinch: 'hard' },
      note: "Vade's own code _403 means 'no such user'; the 5.7.1 in front of it is misleading.",
      remediation: 'Suppress the address for bulk mail; for transactional mail check the address syntax.',
      contradicts: {
        code: 'X.7.1',
        vendorMeaning: 'the recipient does not exist (or its address is invalid)',
      },
      links: [INBOUND],
      source: src('SUPED-VADE', 'VADE-IN', 'SEED-000'),
    },
    {
      id: 'vade-threat-list',
      csvRows: [91],
      standalone: true,
      match: { tokens: [ox('101'), /blocked by Vade Threat List/i] },
      pattern: "550 5.7.1 ... _101 'blocked by Vade Threat List'",
      meaning: "The sending IP is on Vade's threat list.",
      practice: 'BLOCK',
      reason: 'blocked',
      note: "Vade's own list.",
      remediation: 'Request removal with the form on the Vade postmaster site.',
      diagnosis: dx('blocklist', { list: 'vade' }),
      links: [INBOUND],
      source: src('VADE-IN'),
    },
    {
      id: 'vade-validity',
      csvRows: [92],
      standalone: true,
      match: { tokens: [ox('102'), /blocked by Validity/i] },
      pattern: "550 5.7.1 ... _102 'blocked by Validity' (senderscore.org blocklist)",
      meaning: 'The sending IP is on the Validity (SenderScore) blocklist.',
      practice: 'BLOCK',
      reason: 'blocked',
      note: 'Older versions of the Vade page described _102 as a 421 deferral.',
      remediation: 'Delist the IP at senderscore.org.',
      diagnosis: dx('blocklist', { list: 'validity' }),
      links: [INBOUND],
      source: src('VADE-IN'),
    },
    {
      id: 'vade-rdns',
      csvRows: [93],
      standalone: true,
      match: { tokens: [ox('105', '108')] },
      pattern: '550 5.7.1 ... _105 / _108',
      meaning: 'Missing reverse DNS (_105) or reverse DNS not forward-confirmed (_108).',
      practice: 'BLOCK',
      reason: 'requireptr',
      note: 'Vade requires a PTR record that resolves back to the sending IP.',
      remediation: 'Fix the PTR record of the sending IP.',
      diagnosis: dx('rdns'),
      links: [INBOUND],
      source: src('VADE-IN'),
    },
    {
      id: 'vade-spamhaus',
      csvRows: [94],
      standalone: true,
      match: { tokens: [ox('111')] },
      pattern: '550 5.7.1 ... _111',
      meaning: 'The sending IP is on a Spamhaus list.',
      practice: 'BLOCK',
      reason: 'blocked',
      note: 'Vade checks Spamhaus.',
      remediation: 'Delist the IP at Spamhaus.',
      diagnosis: dx('blocklist', { list: 'spamhaus' }),
      links: [INBOUND],
      source: src('VADE-IN'),
    },
    {
      id: 'vade-rate',
      csvRows: [95],
      standalone: true,
      match: { tokens: [ox('103', '110', '130', '134', '136', '139', '140')] },
      pattern: '421 4.2.1 ... _103 / _110 / _130 / _134 / _136 / _139 / _140',
      meaning:
        'Temporary: server unavailable, connection or volume rate limits, unacceptable messages, or an SMTP-AUTH attack source.',
      practice: 'SOFT',
      reason: 'speeding',
      note: 'These are deferrals; the queue should retry.',
      remediation: 'Retry later; lower concurrency and volume.',
      diagnosis: dx('rate-limit'),
      links: [INBOUND, 'https://postmaster-oxsus.vadesecure.com/outbound_error_codes'],
      source: src('VADE-IN', 'VADE-OUT'),
    },
  ],
});
