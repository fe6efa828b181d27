/**
 * PowerMTA (the sending MTA of many ESPs): its DSNs add, per recipient, the category its own
 * bounce-classification patterns gave the remote answer ("X-PowerMTA-BounceCategory: bad-mailbox").
 * Sisimai's PowerMTA module takes the reason from that category; so do these rules. The categories
 * whose reason Sisimai checks again against the text (no-answer-from-host, routing-errors) are left
 * to the generic rules, which read the text.
 */
import { defineVendor } from './define';
import { src } from './sources';
import type { VendorRule } from './types';

const S = src('SIS-POWERMTA');
const FIELD = 'X-PowerMTA-BounceCategory';

/** A rule for one category value. */
function category(
  value: string,
  rest: Omit<VendorRule, 'id' | 'match' | 'pattern' | 'scope' | 'source'>,
): VendorRule {
  return {
    id: `powermta-${value}`,
    // PowerMTA's own classification, whichever server it quotes (Remote-MTA is always named).
    scope: 'any',
    match: { dsnFields: [{ name: FIELD, value: new RegExp(`^${value}\\b`, 'i') }] },
    pattern: `${FIELD}: ${value}`,
    source: S,
    ...rest,
  };
}

export const powermta = defineVendor({
  id: 'powermta',
  name: 'PowerMTA (sending MTA)',
  source: S,
  recognize: { dsnFields: [{ name: FIELD }] },
  rules: [
    category('bad-mailbox', {
      meaning: 'PowerMTA classed the answer as a mailbox that does not exist',
      practice: 'HARD',
      reason: 'userunknown',
      note: 'The category comes from the sending PowerMTA’s own bounce patterns.',
      remediation: 'Remove the address (or fix a typo).',
    }),
    category('bad-domain', {
      meaning: 'PowerMTA classed the answer as a domain that does not exist or takes no mail',
      practice: 'HARD',
      reason: 'hostunknown',
      note: 'The category comes from the sending PowerMTA’s own bounce patterns.',
      remediation: 'Check the domain for a typo, then remove the address.',
    }),
    category('inactive-mailbox', {
      meaning: 'PowerMTA classed the answer as a mailbox that exists but is disabled or inactive',
      practice: 'HARD(inactive)',
      reason: 'suspend',
      note: 'The category comes from the sending PowerMTA’s own bounce patterns.',
      remediation: 'Stop bulk mail to the address; reach the person another way.',
    }),
    category('quota-issues', {
      meaning: 'PowerMTA classed the answer as a full mailbox',
      practice: 'SOFT',
      reason: 'mailboxfull',
      note: 'The category comes from the sending PowerMTA’s own bounce patterns.',
      remediation: 'Retry later; suppress only if it keeps bouncing for weeks.',
    }),
    category('message-expired', {
      meaning: 'PowerMTA gave up: the message stayed in its queue too long',
      practice: 'SOFT',
      reason: 'expired',
      note: 'PowerMTA’s own category: no server refused the message.',
      remediation: 'Check the last error in the report, then send again once it is cleared.',
    }),
    category('policy-related', {
      meaning: 'PowerMTA classed the answer as a refusal by the receiver’s policy',
      practice: 'BLOCK',
      reason: 'policyviolation',
      note: 'The category comes from the sending PowerMTA’s own bounce patterns.',
      remediation: 'Read the server’s answer for the policy, and ask its postmaster if it is unclear.',
    }),
    category('spam-related', {
      meaning: 'PowerMTA classed the answer as a spam refusal',
      practice: 'BLOCK',
      reason: 'spamdetected',
      note: 'The category comes from the sending PowerMTA’s own bounce patterns.',
      remediation: 'Review the content, links and list hygiene of this send; check the sending reputation.',
    }),
  ],
});
