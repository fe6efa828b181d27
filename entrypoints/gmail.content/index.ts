/**
 * Gmail content script: thin glue around the shared runtime and the Gmail adapter.
 *
 * Load strategy: this script, which runs on every Gmail page, holds only the runtime, the Gmail
 * adapter, the cheap pre-filter and the Preact badge. The classifier runs in the background service
 * worker and is reached by runtime messaging only when the pre-filter says a bounce is open.
 * Measured with bench/webmail.ts (Chromium, medians): this script is ~22 KB gzip; the classifier
 * alone (with its vendor tables) would add ~116 KB gzip to every Gmail page. Body in the DOM to
 * badge takes ~70 ms with the raw source (~80 ms on the visible-text fallback), of which 60 ms is
 * the runtime's mutation coalescing: messaging plus classification cost a few ms; the first badge
 * after the service worker was idle ~130 ms. A dynamic import of a web-accessible chunk would avoid
 * the messaging but needs web_accessible_resources (files any page can probe or load), loads a copy
 * of the classifier into each Gmail tab that opens a bounce, and runs the MIME parse on Gmail's main
 * thread; the background does neither.
 *
 * Permissions: only "storage". Fetching the raw source needs no host permission: the request goes to
 * the page's own origin (mail.google.com) from the content script, like Gmail's own requests.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { bootWebmail } from '../../webmail/boot';
import { gmailAdapter } from '../../webmail/gmail';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  allFrames: false,
  main(ctx) {
    void bootWebmail(gmailAdapter, ctx);
  },
});
