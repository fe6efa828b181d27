/**
 * Facebook's mail servers (mx.facebook.com, the @facebook.com addresses of 2010–2014). Its replies
 * carry a response code of its own, "RCP-P2", "POL-T1" (RCP recipient, MSG message, POL policy,
 * DNS sender's DNS, CON connections, INT internal; P permanent, T temporary), linked to
 * postmaster.facebook.com/response_codes. The code-to-reason table is Sisimai's Facebook module,
 * whose comments quote each code's meaning from that page; where the meaning names a more precise
 * reason than the table (a virus, a PBL listing, a missing reverse DNS, a block lasting hours), the
 * rule says so in its note.
 */
import { makeDiagnosis as dx } from '../knowledge/causes';
import { defineVendor, domains, hosts } from './define';
import { src } from './sources';

const S = src('SIS-FACEBOOK');
/** One or more Facebook response codes, as whole tokens ("RCP-P2", not "XRCP-P21"). */
const codes = (...c: readonly string[]): RegExp => new RegExp(`\\b(?:${c.join('|')})\\b`);

export const facebook = defineVendor({
  id: 'facebook',
  name: 'Facebook (mx.facebook.com)',
  source: S,
  recognize: {
    hosts: [hosts('facebook.com')],
    recipientDomains: [domains('facebook.com')],
    tokens: [/\b(?:RCP|MSG|POL|DNS|CON|INT)-[PT][0-9]\b/, /\bpostmaster\.facebook\.com\b/i],
    from: [/@mx\.facebook\.com\b/i],
  },
  rules: [
    {
      id: 'facebook-no-such-recipient',
      match: { tokens: [codes('RCP-P1', 'INT-P1', 'INT-P3', 'INT-P4')] },
      pattern:
        "RCP-P1 / INT-P1 / INT-P4 'The attempted recipient address does not exist'; INT-P3 (group address)",
      meaning: 'The @facebook.com address (or group address) does not exist.',
      practice: 'HARD',
      reason: 'userunknown',
      note: "Facebook's own code for an unknown address, whatever the enhanced status says.",
      remediation: 'Remove the address.',
      source: S,
    },
    {
      id: 'facebook-deactivated',
      match: { tokens: [codes('RCP-T4')] },
      pattern: "RCP-T4 'The attempted recipient address is currently deactivated'",
      meaning: 'The account is deactivated; its owner may or may not reactivate it.',
      practice: 'HARD(inactive)',
      reason: 'suspend',
      note: 'Sent as a temporary code, but a deactivated account rarely comes back.',
      remediation: 'Stop sending; reach the person another way.',
      source: S,
    },
    {
      id: 'facebook-recipient-preferences',
      match: { tokens: [codes('RCP-P2', 'RCP-P3')] },
      pattern:
        "RCP-P2 'The attempted recipient's preferences prevent messages from being delivered'; RCP-P3 '... privacy settings blocked the delivery'",
      meaning: "The recipient's settings accept mail only from people they know; yours was refused.",
      practice: 'BLOCK',
      reason: 'filtered',
      action: 'suppress',
      note: 'The address exists; its owner chose not to receive mail from you. Retrying does not help.',
      remediation: 'Stop sending to this address unless the person adds you.',
      diagnosis: dx('recipient-policy'),
      source: S,
    },
    {
      id: 'facebook-too-large',
      match: { tokens: [codes('MSG-P1', 'INT-P2')] },
      pattern: "MSG-P1 / INT-P2 'The message exceeds Facebook's maximum allowed size'",
      meaning: "The message is larger than Facebook's limit.",
      practice: 'BLOCK',
      reason: 'mesgtoobig',
      action: 'fix-content',
      note: 'About this message, not the address.',
      remediation: 'Send a smaller message (link to large files).',
      source: S,
    },
    {
      id: 'facebook-content',
      match: { tokens: [codes('MSG-P2', 'MSG-P3', 'POL-P6', 'POL-P7')] },
      pattern:
        "MSG-P2 'attachment type that Facebook does not accept'; MSG-P3 'multiple instances of a header field that can only be present once'; POL-P6 'a url that has been blocked by Facebook'; POL-P7 'does not comply with Facebook's abuse policies'",
      meaning: "The message's attachment, headers, links or content were refused.",
      practice: 'BLOCK',
      reason: 'contenterror',
      note: "Sisimai's table lists POL-P7 under both contenterror and securityerror; the code's text is about the message.",
      remediation: 'Remove the attachment type, duplicate header or blocked link, then resend.',
      diagnosis: dx('content'),
      source: S,
    },
    {
      id: 'facebook-virus',
      match: { tokens: [codes('POL-P5')] },
      pattern: "POL-P5 'The message contains a virus'",
      meaning: 'Facebook found a virus in the message.',
      practice: 'BLOCK',
      reason: 'virusdetected',
      note: "Sisimai's table says securityerror; the code's own text names a virus.",
      remediation: 'Scan the sending machine and the attachment; resend clean content.',
      diagnosis: dx('virus'),
      source: S,
    },
    {
      id: 'facebook-ip-listed',
      match: { tokens: [codes('POL-P1', 'POL-P2')] },
      pattern:
        "POL-P1 'Your mail server's IP Address is listed on the Spamhaus PBL'; POL-P2 'Facebook will no longer accept mail from your mail server's IP Address'",
      meaning: "The sending server's IP address is refused (Spamhaus PBL listing, or banned by Facebook).",
      practice: 'BLOCK',
      reason: 'blocked',
      note: "Sisimai's table says securityerror; the codes' texts say the sending IP is refused.",
      remediation:
        "Send through your provider's authenticated relay (a PBL address is not meant to send directly).",
      diagnosis: dx('blocklist'),
      source: S,
    },
    {
      id: 'facebook-server-not-accepted',
      match: { tokens: [codes('POL-P3', 'POL-P4', 'POL-T1', 'POL-T2', 'POL-T3')] },
      pattern:
        "POL-P3 / POL-P4 / POL-T1..T3 'Facebook is not accepting messages from your mail server ... This will persist for N to M hours'",
      meaning: 'Facebook refuses mail from your server for a few hours (1 to 48).',
      practice: 'SOFT',
      reason: 'blocked',
      action: 'fix-sender',
      note: "A time-limited block of the sending server, even when sent as 5xx; Sisimai's table calls it notaccept, which its own rule would make a hard bounce of a good address.",
      remediation: 'Wait for the block to lift, then look at your sending volume and complaint rate.',
      diagnosis: dx('ip-reputation'),
      source: S,
    },
    {
      id: 'facebook-sender-domain',
      match: { tokens: [codes('DNS-P1', 'DNS-P2', 'DNS-T1')] },
      pattern:
        "DNS-P1 'Your SMTP MAIL FROM domain does not exist'; DNS-P2 '... does not have an MX record'; DNS-T1 '... exists but does not currently resolve'",
      meaning: 'The domain of your envelope sender (MAIL FROM) does not exist or has no MX.',
      practice: 'SENDER',
      reason: 'rejected',
      note: 'About your sender domain, not the recipient: the address may be fine.',
      remediation: 'Use an envelope sender whose domain resolves and has an MX record.',
      diagnosis: dx('sender-address'),
      source: S,
    },
    {
      id: 'facebook-reverse-dns',
      match: { tokens: [codes('DNS-P3', 'DNS-T2')] },
      pattern:
        "DNS-P3 'Your mail server does not have a reverse DNS record'; DNS-T2 '... reverse DNS record does not currently resolve'",
      meaning: 'The sending IP address has no working reverse DNS (PTR) record.',
      practice: 'BLOCK',
      reason: 'requireptr',
      note: "Sisimai's table says rejected; the codes' texts name the missing PTR record.",
      remediation: 'Give the sending IP a PTR record that resolves back to it.',
      diagnosis: dx('rdns'),
      source: S,
    },
    {
      id: 'facebook-internal',
      match: { tokens: [codes('CON-T1', 'RCP-T1', 'INT-T[0-9]')] },
      pattern:
        "CON-T1 'Facebook's mail server currently has too many connections open'; RCP-T1 / INT-Tn 'a temporary internal issue'",
      meaning: "A temporary problem on Facebook's side.",
      practice: 'SOFT',
      reason: 'systemerror',
      note: 'Temporary; nothing to change on your side.',
      remediation: 'Retry later.',
      source: S,
    },
    {
      id: 'facebook-connections',
      match: { tokens: [codes('CON-T2', 'CON-T3', 'CON-T4')] },
      pattern:
        "CON-T2 'too many connections open to Facebook's mail servers'; CON-T3 'opened too many new connections ... in a short period'; CON-T4 'exceeded the maximum number of recipients for its current connection'",
      meaning: 'Your server opened too many connections, or sent too many recipients per connection.',
      practice: 'SOFT',
      reason: 'toomanyconn',
      note: "Sisimai's table names CON-T3 toomanyconn and leaves CON-T2 and CON-T4 undefined; all three are connection limits.",
      remediation: 'Open fewer connections at once and send fewer recipients per connection.',
      diagnosis: dx('rate-limit'),
      source: S,
    },
  ],
});
