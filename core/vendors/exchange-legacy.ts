/**
 * Microsoft Exchange 5.5 to 2003 (the Internet Mail Service / Connector and the MTA). Their NDRs end
 * each recipient's entry with "MSEXCH:IMS:<org>:<site>:<server> 0 (000C05A6) Unknown Recipient": the
 * hexadecimal code says what failed, the words after it are sometimes only a summary. The codes and
 * their reasons are Sisimai's Exchange2003 module's table; "Unknown Recipient" (000C05A6) and the
 * codes whose words say enough (Host Unknown, Unable to relay) are read by the generic rules.
 */
import { defineVendor } from './define';
import { src } from './sources';

const S = src('SIS-EXCH2003');

export const exchangeLegacy = defineVendor({
  id: 'exchange-legacy',
  name: 'Microsoft Exchange 5.5–2003 (IMS / MTA)',
  source: S,
  recognize: {
    tokens: [/\bMSEXCH:(?:IMS|IMC|MSExchangeMTA):/i],
    headers: [{ name: 'x-ms-embedded-report' }, { name: 'x-mailer', value: /^Internet Mail Service \(/i }],
    // The server writes its own verdicts into its NDRs.
    ownVerdicts: true,
  },
  rules: [
    {
      id: 'exchange-legacy-conversion',
      scope: 'any',
      match: { tokens: [/\((?:00050311|000502CC)\)/i] },
      pattern: "MSEXCH:IMS:... (00050311) / (000502CC) 'Conversion to Internet format failed'",
      meaning: 'Exchange could not convert the message into Internet (MIME) format',
      practice: 'BLOCK',
      reason: 'contenterror',
      note: 'A content problem on the Exchange server that wrote the NDR, not a refusal by the recipient.',
      remediation:
        'Resend as plain text or without the attachment that failed to convert; if it keeps failing, ask that server’s admin.',
      source: S,
    },
    {
      id: 'exchange-legacy-ambiguous',
      scope: 'any',
      match: { tokens: [/\(000C0595\)/i] },
      pattern: "MSEXCH:IMS:... (000C0595) 'Ambiguous Recipient'",
      meaning: 'The address matches more than one entry in the Exchange directory',
      practice: 'BLOCK',
      reason: 'filtered',
      action: 'contact-postmaster',
      note: 'The recipient exists, more than once: a directory problem at the receiving organisation.',
      remediation: "Tell the recipient's postmaster that the address is ambiguous in their directory.",
      source: S,
    },
    {
      id: 'exchange-legacy-too-many-recipients',
      scope: 'any',
      match: { tokens: [/\(00010256\)/i] },
      pattern: "MSEXCH:IMS:... (00010256) 'Too many recipients.'",
      meaning: 'The message had more recipients than the server accepts at once',
      practice: 'BLOCK',
      reason: 'systemerror',
      action: 'fix-content',
      note: "Sisimai's Exchange2003 table: systemerror.",
      remediation: 'Send to fewer recipients per message.',
      source: S,
    },
    {
      id: 'exchange-legacy-no-proxy',
      scope: 'any',
      match: { tokens: [/\(000D06B5\)/i] },
      pattern: "MSEXCH:IMS:... (000D06B5) 'No proxy for recipient (non-smtp mail?)'",
      meaning: 'The recipient’s mailbox has no Internet (SMTP) address configured',
      practice: 'BLOCK',
      reason: 'systemerror',
      action: 'contact-postmaster',
      note: 'A mailbox set up without an SMTP proxy address: only its admin can fix it.',
      remediation: "Tell the recipient's postmaster; the address is not wrong on your side.",
      source: S,
    },
    {
      id: 'exchange-legacy-auth',
      scope: 'any',
      match: { tokens: [/\(000B0981\)/i] },
      pattern: "MSEXCH:IMS:... (000B0981) '502 Server does not support AUTH'",
      meaning: 'Exchange was set to authenticate to a next-hop server that does not offer SMTP AUTH',
      practice: 'SENDER',
      reason: 'securityerror',
      note: 'A connector setting on the Exchange server that wrote the NDR.',
      remediation: 'Fix the smart host or its authentication setting on that Exchange connector.',
      source: S,
    },
    {
      id: 'exchange-legacy-hops',
      scope: 'any',
      match: { tokens: [/\(00120270\)/i] },
      pattern: "MSEXCH:IMS:... (00120270) 'Too Many Hops'",
      meaning: 'The message passed through too many servers: a mail loop',
      practice: 'BLOCK',
      reason: 'networkerror',
      action: 'contact-postmaster',
      note: 'A routing loop between servers; retrying unchanged loops again.',
      remediation: "Tell the recipient's postmaster (or your own, if the loop is in your relays).",
      source: S,
    },
  ],
});
