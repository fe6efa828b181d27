/**
 * Boxbe: a challenge-response screen in front of a person's mailbox. Mail from a sender who is not
 * on the recipient's Guest List is held ("waitlisted") and the sender gets a notice, sent as a
 * multipart/report whose DSN says "Action: failed", "Status: 4.7.0" and "X-Boxbe-Notice; Sender not
 * pre-approved". The message is neither refused for security reasons nor lost: it waits until the
 * sender asks to be approved (or the recipient approves them). Bulk-mail platforms file this
 * as its own soft class (SparkPost 100 Challenge-Response, Postmark ChallengeVerification).
 */
import { defineVendor, hosts } from './define';
import { src } from './sources';

const S = src('EXT-BOXBE');

export const boxbe = defineVendor({
  id: 'boxbe',
  name: 'Boxbe (challenge-response screening)',
  source: S,
  recognize: {
    hosts: [hosts('boxbe.com')],
    from: [/@boxbe\.com\b/],
    // Boxbe writes its own verdict (the waitlist) into the notices it sends.
    ownVerdicts: true,
  },
  rules: [
    {
      id: 'boxbe-waitlisted',
      match: { text: [/\bsender not pre-approved\b/i, /\b(?:has been|was) waitlisted\b/i] },
      // Boxbe's own words even when the DSN names the recipient's provider as Remote-MTA.
      scope: 'any',
      pattern:
        "X-Boxbe-Notice; 'Sender not pre-approved. Follow instructions in above notice' (Status 4.7.0)",
      meaning:
        "Held, not refused: the recipient screens mail with Boxbe, and the sender is not on their Guest List yet, so the message waits in the recipient's waitlist",
      practice: 'SOFT',
      reason: 'filtered',
      action: 'none',
      note: 'A challenge-response notice: retrying does not help and the address is good.',
      remediation:
        "Nothing is lost yet: the message waits until the recipient approves the sender. A person writing to them can follow the notice's link to join their Guest List; a bulk sender should neither answer it nor remove the address.",
      source: S,
    },
  ],
});
