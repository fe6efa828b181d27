/**
 * What the reader should do next, in a few plain words: the one table behind the detail panel's
 * "What to do" (components/Panel.tsx, through components/format.ts) and the plain-text summary
 * (core/summary.ts: "Copy summary" and the command line). The one-line why comes with each verdict.
 */

import type { ReaderAction } from '../types';

export const ACTION_LABEL: Readonly<Record<ReaderAction, string>> = {
  suppress: 'Remove the address from your lists',
  retry: 'Retry later',
  'fix-sender': "Fix the sender's setup",
  'fix-content': 'Change the message',
  'contact-postmaster': "Contact the recipient's postmaster",
  none: 'Nothing to do',
};
