/**
 * AT&T (att.net, sbcglobal.net, bellsouth.net, ...). ../shared/docs/peers.md §4.28;
 * vendor-quirks.csv rows 237-240. AT&T runs its own block list (DNSBL:ATTRBL).
 */
import { makeDiagnosis as dx } from '../knowledge/causes';
import { defineVendor, domains, hosts } from './define';
import { src } from './sources';

export const att = defineVendor({
  id: 'att',
  name: 'AT&T',
  postmaster: 'http://rbl.att.net/block_enduser.html',
  source: src('SFM', 'ZMTA', 'ATT-BLS'),
  recognize: {
    hosts: [hosts('att.net', 'sbcglobal.net', 'bellsouth.net', 'prodigy.net')],
    tokens: [/\bDNSBL:(?:ATT)?RBL\b/, /rbl\.att\.net/i],
    recipientDomains: [
      domains(
        'att.net',
        'sbcglobal.net',
        'bellsouth.net',
        'pacbell.net',
        'swbell.net',
        'prodigy.net',
        'flash.net',
        'nvbell.net',
        'wans.net',
        'ameritech.net',
        'snet.net',
      ),
    ],
  },
  rules: [
    {
      id: 'att-rdns',
      csvRows: [237],
      match: { text: [/without a valid sender domain/i, /Fix reverse DNS/i] },
      pattern:
        "550 5.7.1 'Connections not accepted from servers without a valid sender domain. ## Fix reverse DNS'",
      meaning: 'The reverse DNS check failed (sometimes a false positive caused by lookup failures).',
      practice: 'BLOCK',
      reason: 'requireptr',
      note: 'AT&T requires a PTR record that resolves.',
      remediation: 'Fix the PTR record, wait for propagation, resend.',
      diagnosis: dx('rdns'),
      source: src('SFM'),
    },
    {
      id: 'att-attrbl',
      csvRows: [238],
      standalone: true,
      match: { tokens: [/\bDNSBL:ATTRBL\b/, /\bDNSBL:RBL [0-9]{3}\b/] },
      pattern: "553 5.3.0 '... DNSBL:ATTRBL 521< IP >_is_blocked'",
      meaning: "The IP is on AT&T's own block list.",
      practice: 'BLOCK',
      reason: 'blocked',
      note: 'ATTRBL is AT&T’s list, not a public one.',
      remediation: 'E-mail abuse_rbl@abuse-att.net with the rejection and the IP.',
      diagnosis: dx('blocklist', { list: 'att' }),
      links: ['http://rbl.att.net/block_enduser.html'],
      source: src('ZMTA', 'ATT-BLS'),
    },
    {
      id: 'att-addressee-unknown',
      csvRows: [239],
      match: { text: [/Addressee unknown/i, /blank mailhost - invalid address/i] },
      pattern: "550 5.2.1 'Addressee unknown' / 'blank mailhost - invalid address'",
      meaning: 'The recipient does not exist.',
      practice: 'HARD',
      reason: 'userunknown',
      note: 'Sent with 5.2.1, but it means unknown user.',
      remediation: 'Remove the address.',
      contradicts: { code: 'X.2.1', vendorMeaning: 'the recipient does not exist' },
      source: src('SFM'),
    },
    {
      id: 'att-suspended',
      csvRows: [240],
      match: { text: [/\[suspend\] Mailbox currently suspended/i, /Mailbox currently suspended/i] },
      pattern: "550 '[suspend] Mailbox currently suspended' (BellSouth)",
      meaning: 'The mailbox is suspended.',
      practice: 'HARD(inactive)',
      reason: 'suspend',
      note: 'The account exists but is suspended.',
      remediation: 'Contact the recipient another way.',
      source: src('ATT-BLS'),
    },
  ],
});
