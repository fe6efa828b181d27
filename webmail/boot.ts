/**
 * Content-script glue shared by the webmail entrypoints: load the settings, start the runtime with
 * the given adapter, classify through the background, follow setting changes and SPA navigation,
 * and stop cleanly when the extension is reloaded or removed.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Policy } from '../core/types';
import type { WebmailAdapter } from './adapter';
import { copyText } from './clipboard';
import { type Classified, type ClassifyInput, type ClassifyResponse, toRequest } from './messages';
import { createRuntime, type Runtime } from './runtime';
import { loadSettings, watchSettings } from './settings';

async function classifyInBackground(input: ClassifyInput, policy: Policy): Promise<Classified> {
  const res = (await browser.runtime.sendMessage(toRequest(input, policy))) as ClassifyResponse | undefined;
  if (!res) throw new Error('no answer from the background');
  if (!res.ok) throw new Error(res.error);
  return { verdict: res.verdict, summary: res.summary };
}

export async function bootWebmail(
  adapter: WebmailAdapter,
  ctx: ContentScriptContext,
): Promise<Runtime | undefined> {
  try {
    if (!adapter.matches(new URL(location.href))) return undefined;
    const settings = await loadSettings();
    if (ctx.isInvalid) return undefined;
    const runtime = createRuntime({
      adapter,
      settings,
      classify: classifyInBackground,
      copyText: (text) => copyText(text),
      onError: (where, err) => console.debug('[Bounce Lens]', where, err),
    });
    runtime.start();
    const unwatch = watchSettings((s) => runtime.updateSettings(s));
    // pushState SPAs (Outlook) fire no hashchange/popstate: WXT watches the URL for us. Its event
    // can come before the URL is committed (Navigation API), hence its newUrl; the runtime ignores
    // the hashchange/popstate that report the same navigation.
    ctx.addEventListener(window, 'wxt:locationchange', (e) => runtime.locationChanged(e.newUrl));
    ctx.onInvalidated(() => {
      // Stop first: once the extension context is gone, removeListener itself may throw.
      runtime.stop();
      try {
        unwatch();
      } catch {
        // the listener dies with the context anyway
      }
    });
    return runtime;
  } catch (err) {
    console.debug('[Bounce Lens] start failed', err);
    return undefined;
  }
}
