/**
 * Smaller filters and forwarders: FireEye/Trellix ETP, ZeroSpam, ImprovMX, Rackspace, Infomaniak,
 * Hostpoint, ProtonMail, HEY. ../shared/docs/peers.md §4.30; vendor-quirks.csv rows 247-252.
 * One Vendor each, because each is recognised differently.
 */
import { makeDiagnosis as dx } from '../knowledge/causes';
import { defineVendor, hosts } from './define';
import { src } from './sources';

const S = src('SFM');

export const fireeye = defineVendor({
  id: 'fireeye',
  name: 'FireEye / Trellix Email Threat Prevention (ETP)',
  source: S,
  recognize: { hosts: [hosts('fireeyecloud.com', 'trellix.com')], tokens: [/\bETP[0-9]{3}\b/] },
  rules: [
    {
      id: 'fireeye-dmarc',
      csvRows: [247],
      standalone: true,
      match: { tokens: [/\bETP205\b/] },
      pattern: "550 5.7.26 '... ETP205 DMARC Failure for domain'",
      meaning: 'DMARC failed.',
      practice: 'BLOCK',
      reason: 'authfailure',
      note: 'Trellix ETP enforces the From domain’s DMARC policy.',
      remediation: 'Align SPF or DKIM with the From domain.',
      diagnosis: dx('dmarc'),
      source: S,
    },
  ],
});

export const zerospam = defineVendor({
  id: 'zerospam',
  name: 'ZeroSpam',
  source: S,
  recognize: { hosts: [hosts('zerospam.ca', 'zerospam.com')], tokens: [/\bZEROSPAM\b/i] },
  rules: [
    {
      id: 'zerospam-greylist',
      csvRows: [248],
      standalone: true,
      match: { tokens: [/greylisted for [0-9]{1,4} seconds by ZEROSPAM/i] },
      pattern: "450 4.2.0 '... greylisted for 60 seconds by ZEROSPAM'",
      meaning: 'Greylisting.',
      practice: 'SOFT',
      reason: 'blocked',
      note: 'A normal first-contact delay.',
      remediation: 'Let the queue retry.',
      source: S,
    },
    {
      id: 'zerospam-not-in-list',
      csvRows: [248],
      match: { text: [/Not in recipient list/i] },
      pattern: "554 5.7.1 'Not in recipient list'",
      meaning: 'The recipient does not exist.',
      practice: 'HARD',
      reason: 'userunknown',
      note: 'ZeroSpam answers unknown users with 5.7.1.',
      remediation: 'Remove the address.',
      contradicts: {
        code: 'X.7.1',
        vendorMeaning: 'the recipient is not in the recipient list (unknown user)',
      },
      source: S,
    },
  ],
});

export const improvmx = defineVendor({
  id: 'improvmx',
  name: 'ImprovMX (forwarder)',
  postmaster: 'https://improvmx.com/guides/',
  source: S,
  recognize: { hosts: [hosts('improvmx.com')], tokens: [/\(#id-5\.9\.[0-9]\)/, /improvmx/i] },
  rules: [
    {
      id: 'improvmx-low-reputation',
      csvRows: [249],
      match: { text: [/\(Code 2\)/] },
      pattern: "551 5.7.1 '... (Code 2)' low domain reputation",
      meaning: 'The sending domain has a low reputation at the forwarder.',
      practice: 'BLOCK',
      reason: 'badreputation',
      note: 'ImprovMX refuses to forward mail from poorly rated domains.',
      remediation: "Follow ImprovMX's guides; improve the domain's reputation.",
      diagnosis: dx('domain-reputation'),
      source: S,
    },
    {
      id: 'improvmx-loop',
      csvRows: [249],
      standalone: true,
      match: { tokens: [/\(#id-5\.9\.0\)/] },
      pattern: "'(#id-5.9.0)' loop",
      meaning: 'A forwarding loop.',
      practice: 'BLOCK',
      reason: 'networkerror',
      action: 'contact-postmaster',
      note: "ImprovMX's internal id; 5.9.x is not an IANA code (there is no subject 9).",
      remediation: 'Fix the forwarding target so it does not point back.',
      source: S,
    },
    {
      id: 'improvmx-domain-not-found',
      csvRows: [249],
      standalone: true,
      match: { tokens: [/\(#id-5\.9\.2\)/] },
      pattern: "'(#id-5.9.2)' domain not found",
      meaning: 'The forwarding domain was not found.',
      practice: 'BLOCK',
      reason: 'networkerror',
      action: 'contact-postmaster',
      note: "ImprovMX's internal id; 5.9.x is not an IANA code.",
      remediation: 'The recipient must fix the forwarding set-up.',
      source: S,
    },
    {
      id: 'improvmx-antispam-retry',
      csvRows: [249],
      standalone: true,
      match: { tokens: [/\(#id-5\.9\.4\)/] },
      pattern: "'(#id-5.9.4)' anti-spam retry",
      meaning: 'An anti-spam deferral; retry later.',
      practice: 'SOFT',
      reason: 'blocked',
      note: "ImprovMX's internal id; 5.9.x is not an IANA code.",
      remediation: 'Retry later.',
      source: S,
    },
  ],
});

export const rackspace = defineVendor({
  id: 'rackspace',
  name: 'Rackspace Email',
  source: S,
  recognize: { hosts: [hosts('emailsrvr.com', 'rackspace.com')], tokens: [/misspelled \(G8\)/i] },
  rules: [
    {
      id: 'rackspace-not-found',
      csvRows: [250],
      match: { text: [/could not be found, or was misspelled/i] },
      pattern: "550 5.1.1 'Email address could not be found, or was misspelled (G8)'",
      meaning: 'The recipient does not exist.',
      practice: 'HARD',
      reason: 'userunknown',
      note: 'Rackspace unknown user (G8).',
      remediation: 'Remove the address.',
      source: S,
    },
  ],
});

export const infomaniak = defineVendor({
  id: 'infomaniak',
  name: 'Infomaniak',
  source: S,
  recognize: { hosts: [hosts('infomaniak.ch', 'infomaniak.com')] },
  rules: [
    {
      id: 'infomaniak-sender-domain',
      csvRows: [251],
      match: { text: [/Sender address rejected: Domain not found/i] },
      pattern: "450 4.1.8 'Sender address rejected: Domain not found'",
      meaning: 'The sender domain does not exist in DNS.',
      practice: 'BLOCK',
      reason: 'rejected',
      note: 'A 4xx, but it will keep failing until the DNS is fixed.',
      remediation: 'Fix the DNS of the sender domain.',
      diagnosis: dx('sender-address'),
      source: S,
    },
  ],
});

export const hostpoint = defineVendor({
  id: 'hostpoint',
  name: 'Hostpoint',
  source: S,
  recognize: { hosts: [hosts('hostpoint.ch')] },
  rules: [
    {
      id: 'hostpoint-spf',
      csvRows: [251],
      match: { text: [/SPF-check failed/i] },
      pattern: "550-'SPF-check failed'",
      meaning: 'SPF failed.',
      practice: 'BLOCK',
      reason: 'authfailure',
      note: 'The sending IP is not authorised by SPF.',
      remediation: 'Fix SPF.',
      diagnosis: dx('spf'),
      source: S,
    },
  ],
});

export const protonmail = defineVendor({
  id: 'protonmail',
  name: 'Proton Mail',
  source: S,
  recognize: { hosts: [hosts('protonmail.ch', 'protonmail.com', 'proton.me')] },
  rules: [
    {
      id: 'protonmail-spam',
      csvRows: [252],
      match: { text: [/Rejected by spam filter/i] },
      pattern: "550 5.7.1 'Rejected by spam filter'",
      meaning: 'A spam verdict.',
      practice: 'BLOCK',
      reason: 'spamdetected',
      note: 'Proton’s spam filter refused the message.',
      remediation: 'Review content and authentication.',
      diagnosis: dx('content'),
      source: S,
    },
  ],
});

export const hey = defineVendor({
  id: 'hey',
  name: 'HEY',
  source: S,
  recognize: { hosts: [hosts('hey.com')] },
  rules: [
    {
      id: 'hey-user-unknown',
      csvRows: [252],
      match: { text: [/\bUser unknown\b/i] },
      pattern: "550 5.1.1 'User unknown' (HEY, which also screens senders manually)",
      meaning: 'The recipient does not exist.',
      practice: 'HARD',
      reason: 'userunknown',
      note: 'HEY also screens first-time senders by hand, but that does not bounce.',
      remediation: 'Remove the address.',
      source: S,
    },
  ],
});
