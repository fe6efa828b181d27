/**
 * KDDI au (ezweb.ne.jp, au.com, dion.ne.jp). ../shared/docs/peers.md §4.26; vendor-quirks.csv
 * rows 229-231. '550 <addr>: User unknown' is an unknown user; '550 : User unknown' (no address)
 * is the recipient's filter. Header X-SPASIGN: NG marks spam.
 */
import { defineVendor, domains, hosts } from './define';
import { src } from './sources';

const S = src('SIS-KDDI');

export const kddi = defineVendor({
  id: 'kddi',
  name: 'KDDI au',
  source: src('SIS-KDDI', 'SOE'),
  recognize: {
    hosts: [hosts('ezweb.ne.jp', 'au.com', 'auone-net.jp', 'dion.ne.jp')],
    headers: [{ name: 'x-spasign' }],
    from: [/postmaster@(?:ezweb\.ne\.jp|au\.com)/i, /no-reply@[a-z0-9.-]{1,60}\.dion\.ne\.jp/i],
    subjects: [/Mail System Error - Returned Mail/i, /メールエラー通知/],
    recipientDomains: [domains('ezweb.ne.jp', 'au.com', 'dion.ne.jp')],
    ownVerdicts: true,
  },
  rules: [
    {
      id: 'kddi-user-unknown',
      csvRows: [229],
      match: { text: [/550 <[^\s>]{1,254}>: ?User unknown/i] },
      pattern: "'550 <addr>: User unknown'",
      meaning: 'The recipient does not exist.',
      practice: 'HARD',
      reason: 'userunknown',
      note: 'With the address between the code and the colon, it is a real unknown user.',
      remediation: 'Remove the address.',
      source: S,
    },
    {
      id: 'kddi-filtered',
      csvRows: [230],
      match: { text: [/550 : User unknown/i] },
      pattern: "'550 : User unknown' (no address between reply code and colon)",
      meaning: "The recipient's filter rejected the message.",
      practice: 'BLOCK',
      reason: 'filtered',
      action: 'contact-postmaster',
      note: "Without an address it is the recipient's reception filter, not an unknown user.",
      remediation: 'Ask the recipient to allow your sender address or domain.',
      source: S,
    },
    {
      id: 'kddi-mailbox-full',
      csvRows: [231],
      match: { text: [/送信先のメールボックスが一杯のため/, /As their mailbox is full/i] },
      pattern: "Body '送信先のメールボックスが一杯のため、送信できませんでした。'",
      meaning: 'The mailbox is full.',
      practice: 'SOFT',
      reason: 'mailboxfull',
      note: 'KDDI says it in Japanese in the body of its own bounce.',
      remediation: 'Retry later.',
      source: src('SOE', 'SIS-KDDI'),
    },
  ],
});
