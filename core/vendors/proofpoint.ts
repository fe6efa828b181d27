/**
 * Proofpoint (Enterprise / Essentials). ../shared/docs/peers.md §4.10; vendor-quirks.csv rows
 * 117-123. As a relay it quotes the downstream server ('host ... said: 550 5.1.1 ...').
 */
import { makeDiagnosis as dx } from '../knowledge/causes';
import { defineVendor, hosts } from './define';
import { src } from './sources';

export const proofpoint = defineVendor({
  id: 'proofpoint',
  name: 'Proofpoint (Enterprise / Essentials)',
  postmaster: 'https://ipcheck.proofpoint.com/',
  source: src('SFM', 'PP-EMAILWIZ', 'SFM-PR35'),
  recognize: {
    hosts: [hosts('pphosted.com', 'ppe-hosted.com')],
    tokens: [/prs\.proofpoint\.com/i, /ipcheck\.proofpoint\.com/i],
  },
  rules: [
    {
      id: 'proofpoint-pdr',
      csvRows: [117],
      standalone: true,
      match: { tokens: [/blocked using prs\.proofpoint\.com/i, /ipcheck\.proofpoint\.com/i] },
      pattern:
        "550 5.7.1 'client [IP] blocked using prs.proofpoint.com'; 550/554 5.7.0 'Blocked - see ipcheck.proofpoint.com'",
      meaning: 'Proofpoint Dynamic Reputation (PDR) blocks the sending IP.',
      practice: 'BLOCK',
      reason: 'blocked',
      note: 'One list protects all Proofpoint customers.',
      remediation: 'Request delisting at ipcheck.proofpoint.com (answers can be slow).',
      diagnosis: dx('blocklist', { list: 'proofpoint' }),
      source: src('SFM', 'PP-EMAILWIZ', 'SFM-PR35'),
    },
    {
      id: 'proofpoint-cloudmark',
      csvRows: [118],
      match: { text: [/blocked using Cloudmark Sender Intelligence/i] },
      pattern: "550 5.7.1 'blocked using Cloudmark Sender Intelligence'",
      meaning: 'Cloudmark CSI gives the sending IP a poor reputation.',
      practice: 'BLOCK',
      reason: 'blocked',
      note: 'Cloudmark is a reputation service; it resets statistics on request.',
      remediation: 'Request a reset at csi.cloudmark.com.',
      diagnosis: dx('blocklist', { list: 'cloudmark-csi' }),
      source: src('SFM'),
    },
    {
      id: 'proofpoint-relay',
      csvRows: [119],
      match: { text: [/Relaying denied/i, /Relay access denied/i] },
      pattern: "550 5.7.1 'Relaying denied' / 'Relay access denied'",
      meaning: 'The recipient domain is not a Proofpoint customer here, or the mail was misrouted.',
      practice: 'BLOCK',
      reason: 'norelaying',
      note: 'Often an old MX record pointing at Proofpoint.',
      remediation: 'Check the MX records of the recipient domain.',
      diagnosis: dx('relay'),
      source: src('SFM'),
    },
    {
      id: 'proofpoint-user-unknown',
      csvRows: [120],
      match: { text: [/\bUser unknown\b/i, /User email address is marked as invalid/i] },
      pattern:
        "550 5.1.1 'User unknown' / 'undeliverable address: ... user unknown'; 550 5.7.1 'User email address is marked as invalid'",
      meaning: 'The recipient does not exist (possibly quoted from the server behind Proofpoint).',
      practice: 'HARD',
      reason: 'userunknown',
      note: 'Proofpoint may be repeating what the mailbox server behind it said.',
      remediation: 'Remove the address.',
      source: src('SFM'),
    },
    {
      id: 'proofpoint-verification',
      csvRows: [121],
      match: { text: [/Address verification in progress/i, /unverified address/i] },
      pattern:
        "421/450 4.1.1 'unverified address: Address verification in progress' / 'lost connection with ...'",
      meaning: 'Recipient verification (a call-out to the mailbox server) is still pending.',
      practice: 'SOFT',
      bounce: { recipient: 'soft' },
      note: "Not an unknown user, even with 4.1.1: Proofpoint hasn't finished checking.",
      remediation: 'Retry; the queue does it for you.',
      contradicts: { code: 'X.1.1', vendorMeaning: 'recipient verification is still in progress' },
      source: src('SFM'),
    },
    {
      id: 'proofpoint-sender-domain',
      csvRows: [122],
      match: { text: [/Sender address rejected: Domain not found/i, /need fully-qualified address/i] },
      pattern:
        "550 5.1.8 'Sender address rejected: Domain not found'; 550 5.5.2 'need fully-qualified address'",
      meaning: 'The sender domain does not exist in DNS, or the sender address is not fully qualified.',
      practice: 'BLOCK',
      reason: 'rejected',
      note: 'About your sender address, not the recipient.',
      remediation: 'Make sure the Return-Path and From domains exist and can receive mail.',
      diagnosis: dx('sender-address'),
      source: src('SFM'),
    },
    {
      id: 'proofpoint-dmarc',
      csvRows: [123],
      match: { text: [/rejected per sender's DMARC policy/i] },
      pattern: "550 5.7.0 'Email rejected per sender's DMARC policy'",
      meaning: 'DMARC failed.',
      practice: 'BLOCK',
      reason: 'authfailure',
      note: "The From domain's policy asked for rejection.",
      remediation: 'Align SPF or DKIM with the From domain.',
      diagnosis: dx('dmarc'),
      source: src('SFM'),
    },
  ],
});
