/**
 * Gmail content script: thin glue around the shared runtime and the Gmail adapter.
 *
 * Load strategy (measured in bench/webmail.ts): this script, which runs on every Gmail page, holds
 * only the runtime, the Gmail adapter, the cheap pre-filter and the Preact badge. The classifier
 * itself runs in the background service worker and is reached by runtime messaging only when the
 * pre-filter says a bounce is open. Chosen over a dynamic import of a web-accessible chunk because
 * it needs no web_accessible_resources (nothing a page can probe or load), loads core/ once for all
 * tabs, keeps the heavy MIME parse off Gmail's main thread, and costs a few milliseconds per bounce
 * (plus a one-off service-worker start) against a much larger content script otherwise.
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
