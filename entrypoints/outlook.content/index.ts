/**
 * Outlook on the web content script: thin glue around the shared runtime and the Outlook adapter
 * (webmail/outlook.ts). Same load strategy as Gmail's (entrypoints/gmail.content): the page gets the
 * runtime, the adapter, the pre-filter and the badge; the classifier runs in the background.
 *
 * Outlook classifies the visible text only: the adapter has no fetchRaw (Outlook offers no
 * supported way to read a message's source without OAuth), so this script makes no network request
 * at all. Outlook is a pushState SPA: the shared boot follows it through WXT's location watcher.
 * The match list must stay equal to OUTLOOK_MATCHES (checked by test/unit/webmail/outlook.test.ts);
 * it is written out here because WXT reads entrypoint options statically.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { bootWebmail } from '../../webmail/boot';
import { outlookAdapter } from '../../webmail/outlook';

export default defineContentScript({
  matches: [
    'https://outlook.live.com/*',
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.cloud.microsoft/*',
  ],
  runAt: 'document_idle',
  allFrames: false,
  main(ctx) {
    void bootWebmail(outlookAdapter, ctx);
  },
});
