/**
 * Broadcom/Symantec Email Security.cloud (MessageLabs). ../shared/docs/peers.md §4.14;
 * vendor-quirks.csv rows 148-151. Its NDRs come from MAILER-DAEMON@messagelabs.com with
 * X-Msg-Ref; codes are shown as '(#5.7.1)'.
 */
import { makeDiagnosis as dx } from '../knowledge/causes';
import { defineVendor, hosts } from './define';
import { src } from './sources';

const TROUBLE = 'https://www.symanteccloud.com/troubleshooting';

export const messagelabs = defineVendor({
  id: 'messagelabs',
  name: 'Broadcom/Symantec Email Security.cloud (MessageLabs)',
  postmaster: TROUBLE,
  source: src('SFM', 'SIS-GO-ML'),
  recognize: {
    hosts: [hosts('messagelabs.com')],
    tokens: [/symanteccloud\.com\/troubleshooting/i, /\[[a-z0-9-]{1,40}\.messagelabs\.com\]/i],
    headers: [{ name: 'x-msg-ref' }],
    from: [/mailer-daemon@messagelabs\.com/i],
    ownVerdicts: true,
  },
  rules: [
    {
      id: 'messagelabs-filtered',
      csvRows: [148],
      match: { text: [/Message Filtered/i, /filtered by Outbound scanning/i] },
      pattern: "553 'Message filtered ... (#5.7.1)'",
      meaning: 'Filtered as spam or by policy.',
      practice: 'BLOCK',
      reason: 'spamdetected',
      note: 'Email Security.cloud filtered the message.',
      remediation: 'Follow the troubleshooting link; if your IP is blocked use the IP removal form.',
      diagnosis: dx('content', { links: ['https://ipremoval.sms.symantec.com/'] }),
      links: [TROUBLE],
      source: src('SFM', 'SIS-GO-ML'),
    },
    {
      id: 'messagelabs-relay',
      csvRows: [149],
      match: { text: [/(?:use|using) me [^\n]{0,80}as a relay/i] },
      pattern: "553 'you are trying to use me [xx.messagelabs.com] as a relay'",
      meaning: 'Misrouted, or you are not authorised to relay through this server.',
      practice: 'BLOCK',
      reason: 'norelaying',
      note: 'The recipient domain is not routed through this MessageLabs server for you.',
      remediation: 'Check the MX of the recipient domain and your outbound routing.',
      diagnosis: dx('relay'),
      source: src('SFM', 'SIS-GO-ML'),
    },
    {
      id: 'messagelabs-smtp-auth',
      csvRows: [149],
      match: {
        text: [/not permitted to (?:[0-9]{3} )?relay through this server/i, /turn on SMTP Authentication/i],
      },
      pattern:
        "550 'Please turn on SMTP Authentication in your mail client. ... is not permitted to relay through this server without authentication.'",
      meaning: 'Relaying refused: the sending client did not authenticate.',
      practice: 'BLOCK',
      reason: 'norelaying',
      note: 'Your client tried to send through Email Security.cloud without logging in.',
      remediation: 'Turn on SMTP authentication in the mail client, or use your own outbound server.',
      diagnosis: dx('relay'),
      source: src('SIS-GO-ML'),
    },
    {
      id: 'messagelabs-invalid-recipient',
      csvRows: [150],
      match: {
        text: [
          /Invalid recipient/i,
          /\bNo such user\b/i,
          /\b542 Rejected\b/i,
          /Recipient mailbox is not allowed/i,
        ],
      },
      pattern: "550 'Invalid recipient <addr> (#5.1.1)'; 542 ' Rejected' / 'No such user'",
      meaning: 'The recipient does not exist.',
      practice: 'HARD',
      reason: 'userunknown',
      note: "MessageLabs's non-standard 542 means 'unknown user'.",
      remediation: 'Remove the address.',
      source: src('SFM', 'SIS-GO-ML'),
    },
    {
      id: 'messagelabs-temporary',
      csvRows: [151],
      match: { text: [/Requested action aborted \[9\]/i, /Service Temporarily Unavailable/i] },
      pattern: "450 'Requested action aborted [9]'; 421 'Service Temporarily Unavailable'",
      meaning: 'A temporary error.',
      practice: 'SOFT',
      reason: 'systemerror',
      note: 'Temporary.',
      remediation: 'Retry.',
      source: src('SFM'),
    },
  ],
});
