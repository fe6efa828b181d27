/**
 * Gmail content script: thin glue around the shared runtime and the Gmail adapter.
 *
 * Load strategy: this script, which runs on every Gmail page, holds only the runtime, the Gmail
 * adapter, the cheap pre-filter and the Preact badge. The classifier runs in the background service
 * worker and is reached by runtime messaging only when the pre-filter says a bounce is open.
 * Measured with bench/webmail.ts (Chromium, medians): this script is ~23 KB gzip; the classifier
 * alone (with its vendor tables) would add ~118 KB gzip to every Gmail page. Body in the DOM to
 * badge takes ~31-36 ms with the raw source (~37-41 ms on the visible-text fallback): 16 ms is the
 * runtime's mutation coalescing, ~12 ms the raw-source fetch from Gmail's origin (~18 ms until both
 * URLs have failed, on the fallback), ~7-8 ms the round trip to the background (the classification
 * itself ~1.3 ms of it, the rest extension messaging), ~2 ms rendering the badge, ~1 ms finding and
 * reading the message (per-phase medians from performance marks); the first badge after
 * the service worker was idle ~90-150 ms. A dynamic import of a web-accessible chunk would avoid
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
  // Mail pages only (the adapter's matches() rejects the rest of mail.google.com too).
  matches: ['https://mail.google.com/mail/*'],
  runAt: 'document_idle',
  allFrames: false,
  main(ctx) {
    void bootWebmail(gmailAdapter, ctx);
  },
});
