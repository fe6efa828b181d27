/**
 * Outlook on the web content script: thin glue around the shared runtime and the Outlook adapter
 * (webmail/outlook.ts). Same load strategy as Gmail's (entrypoints/gmail.content): the page gets the
 * runtime, the adapter, the pre-filter and the badge; the classifier runs in the background.
 *
 * Outlook classifies the visible text only: the adapter has no fetchRaw (Outlook offers no
 * supported way to read a message's source without OAuth), so this script makes no network request
 * at all. Measured with bench/webmail.ts (Chromium, medians over the fixture pages): ~23 KB gzip;
 * body in the DOM to badge ~26-30 ms (16 ms of it the runtime's coalescing, ~8 ms the round trip
 * to the background, ~3 ms rendering, ~1.3 ms finding and reading the message); ~0.02 ms per DOM
 * mutation batch on a page with no bounce. Outlook is a pushState SPA: the shared boot follows it through WXT's location watcher.
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
