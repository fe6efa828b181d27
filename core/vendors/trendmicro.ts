/**
 * Trend Micro (Email Security / ERS / InterScan). ../shared/docs/peers.md §4.15;
 * vendor-quirks.csv rows 152-155. Replies read 'Recipient address rejected: <TOKEN>'.
 */
import { makeDiagnosis as dx } from '../knowledge/causes';
import { defineVendor, hosts } from './define';
import { src } from './sources';

const S = src('SFM');

export const trendmicro = defineVendor({
  id: 'trendmicro',
  name: 'Trend Micro Email Security / ERS / InterScan',
  postmaster: 'https://docs.trendmicro.com/en-us/enterprise/email-reputation-services-online-help.aspx',
  source: src('SFM', 'SIS-TREND'),
  recognize: {
    hosts: [hosts('trendmicro.com', 'trendmicro.eu', 'tmes.trendmicro.com')],
    tokens: [
      /\b(?:ERS-Customized-Block|BLOCK-SEND-ER|BLOCK-RCPT)\b/,
      /rejected: (?:Invalid-Recipient|NO-DOMAIN)\b/,
    ],
    from: [/InterScan MSS/i, /InterScan Notification/i],
    subjects: [/^Mail could not be delivered$/i],
    ownVerdicts: true,
  },
  rules: [
    {
      id: 'trendmicro-unable-to-deliver',
      match: { text: [/\bUnable to deliver message to <[^\s<>]{1,254}>/] },
      pattern: "'Unable to deliver message to <address>.' (the notice's only line, no reply quoted)",
      meaning:
        'InterScan / Trend Micro Email Security could not deliver to this address and quotes no reply: its notice for an unknown recipient.',
      practice: 'HARD',
      reason: 'userunknown',
      note: 'The notice carries no code; Sisimai reads this line as an unknown recipient too.',
      remediation: 'Check the address for a typo; if it is right, remove it.',
      source: src('SIS-TREND'),
    },
    {
      id: 'trendmicro-ers-block',
      csvRows: [152],
      standalone: true,
      match: { tokens: [/\bERS-Customized-Block\b/] },
      pattern: "550 5.7.1 'ERS-Customized-Block'",
      meaning: "The recipient's own reputation policy (ERS customised block) refused you.",
      practice: 'BLOCK',
      reason: 'blocked',
      action: 'contact-postmaster',
      note: 'A customer-defined block in Trend Micro Email Reputation Services.',
      remediation: 'Contact the recipient (their admin controls this list).',
      diagnosis: dx('recipient-policy'),
      source: S,
    },
    {
      id: 'trendmicro-block-sender',
      csvRows: [153],
      standalone: true,
      match: { tokens: [/\bBLOCK-SEND-ER\b/] },
      pattern: "554 5.7.1 'BLOCK-SEND-ER'",
      meaning: 'The recipient admin blocked your sender address.',
      practice: 'BLOCK',
      reason: 'rejected',
      action: 'contact-postmaster',
      note: 'An admin-defined sender block.',
      remediation: "Contact the recipient's admin.",
      diagnosis: dx('recipient-policy'),
      source: S,
    },
    {
      id: 'trendmicro-block-rcpt',
      csvRows: [153],
      standalone: true,
      match: { tokens: [/\bBLOCK-RCPT\b/] },
      pattern: "554 5.7.1 'BLOCK-RCPT'",
      meaning: 'The recipient admin blocked mail to this recipient.',
      practice: 'BLOCK',
      reason: 'policyviolation',
      action: 'contact-postmaster',
      note: 'An admin-defined recipient block.',
      remediation: "Contact the recipient's admin.",
      diagnosis: dx('recipient-policy'),
      source: S,
    },
    {
      id: 'trendmicro-invalid-recipient',
      csvRows: [154],
      match: { tokens: [/rejected: Invalid-Recipient\b/, /\bInvalid-Recipient\b/] },
      pattern: "554 5.7.1 'Invalid-Recipient'",
      meaning: 'The recipient does not exist.',
      practice: 'HARD',
      reason: 'userunknown',
      note: 'Unknown user, although sent with 5.7.1.',
      remediation: 'Remove the address.',
      contradicts: { code: 'X.7.1', vendorMeaning: 'the recipient does not exist' },
      source: S,
    },
    {
      id: 'trendmicro-no-domain',
      csvRows: [155],
      match: { tokens: [/\bNO-DOMAIN\b/] },
      pattern: "554 5.7.1 'NO-DOMAIN'",
      meaning: 'The recipient domain is not set up for routing through Trend Micro.',
      practice: 'BLOCK',
      reason: 'norelaying',
      action: 'contact-postmaster',
      note: 'A provisioning problem on the recipient side.',
      remediation: "Tell the recipient's admin.",
      diagnosis: dx('relay'),
      source: S,
    },
  ],
});
