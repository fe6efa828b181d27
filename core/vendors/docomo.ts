/**
 * NTT docomo (docomo.ne.jp, mopera.net). ../shared/docs/peers.md §4.25; vendor-quirks.csv rows
 * 225-228. '550 Unknown user' in reply to DATA (Status 5.0.0) or with Status 5.2.0 meant that the
 * recipient's domain filter refused the sender. Since 12 March 2025 docomo no longer rejects for
 * its reception filters over SMTP, so newer bounces with '550 Unknown user' are real unknown users
 * (go-sisimai issue #64).
 */
import { defineVendor, domains, hosts } from './define';
import { src } from './sources';

const S = src('SIS-DOCOMO');

export const docomo = defineVendor({
  id: 'docomo',
  name: 'NTT docomo',
  source: src('SIS-DOCOMO', 'SOE'),
  recognize: {
    hosts: [hosts('docomo.ne.jp', 'mopera.net')],
    from: [/postmaster@mopera\.net/i],
    recipientDomains: [domains('docomo.ne.jp', 'mopera.net')],
  },
  rules: [
    {
      id: 'docomo-unknown-rcpt',
      csvRows: [225],
      match: { command: ['RCPT'], text: [/550 Unknown user/i] },
      pattern: "'550 Unknown user' in reply to RCPT TO",
      meaning: 'The recipient does not exist.',
      practice: 'HARD',
      reason: 'userunknown',
      note: 'Refused at RCPT TO: the address is unknown.',
      remediation: 'Remove the address.',
      source: S,
    },
    {
      id: 'docomo-filtered-data',
      csvRows: [226],
      match: { command: ['DATA'], text: [/550 Unknown user/i] },
      pattern: "'550 Unknown user' in reply to DATA (Status 5.0.0)",
      meaning: "The recipient's domain filter refused the sender, although the text says 'Unknown user'.",
      practice: 'BLOCK',
      reason: 'filtered',
      action: 'contact-postmaster',
      note: 'Refused after DATA, so the address was accepted first; since March 2025 docomo no longer does this.',
      remediation: 'Ask the recipient to allow your sender domain in their reception settings.',
      source: src('SIS-DOCOMO', 'EXT-GO-SISIMAI-DOCOMO'),
    },
    {
      id: 'docomo-filtered-520',
      csvRows: [226],
      match: { status: ['5.2.0'], text: [/Unknown user/i] },
      pattern: "'550 Unknown user' with Status 5.2.0",
      meaning: "The recipient's domain filter refused the sender, although the text says 'Unknown user'.",
      practice: 'BLOCK',
      reason: 'filtered',
      action: 'contact-postmaster',
      note: 'The 5.2.0 status marks the filter case; since March 2025 docomo no longer does this.',
      remediation: 'Ask the recipient to allow your sender domain in their reception settings.',
      source: src('SIS-DOCOMO', 'EXT-GO-SISIMAI-DOCOMO'),
    },
    {
      id: 'docomo-mailbox-full',
      csvRows: [227],
      match: { text: [/552 too much mail data/i] },
      pattern: "'552 too much mail data'",
      meaning: 'The mailbox is full.',
      practice: 'SOFT',
      reason: 'mailboxfull',
      note: 'Temporary.',
      remediation: 'Retry later.',
      source: S,
    },
    {
      id: 'docomo-too-many-recipients',
      csvRows: [228],
      match: { text: [/552 too many recipients/i] },
      pattern: "'552 too many recipients'",
      meaning: 'Too many recipients in one message.',
      practice: 'SOFT',
      reason: 'toomanyconn',
      note: 'Split the recipients.',
      remediation: 'Send to fewer recipients per message.',
      source: S,
    },
  ],
});
