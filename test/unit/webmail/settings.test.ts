import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  normalizeSettings,
  saveSettings,
  watchSettings,
} from '../../../webmail/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings in browser.storage.local', () => {
  it('defaults to the rfc policy with the overlay on', async () => {
    expect(DEFAULT_SETTINGS).toEqual({ policy: 'rfc', overlay: true });
    expect(await loadSettings()).toEqual({ policy: 'rfc', overlay: true });
  });

  it('saves and loads', async () => {
    await saveSettings({ policy: 'sinch' });
    await saveSettings({ overlay: false });
    expect(await loadSettings()).toEqual({ policy: 'sinch', overlay: false });
    expect(await fakeBrowser.storage.local.get(['policy', 'overlay'])).toEqual({
      policy: 'sinch',
      overlay: false,
    });
  });

  it('ignores invalid values', async () => {
    expect(normalizeSettings({ policy: 'hard-everything', overlay: 'yes' })).toEqual(DEFAULT_SETTINGS);
    await fakeBrowser.storage.local.set({ policy: 'bogus' });
    expect((await loadSettings()).policy).toBe('rfc');
    await saveSettings({ policy: 'bogus' as never });
    expect(await fakeBrowser.storage.local.get('policy')).toEqual({ policy: 'bogus' });
  });

  it('tells watchers about changes, until unsubscribed', async () => {
    const seen = vi.fn();
    const stop = watchSettings(seen);
    await saveSettings({ policy: 'recipient' });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith({ policy: 'recipient', overlay: true }));
    stop();
    await saveSettings({ policy: 'rfc' });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveBeenCalledTimes(1);
  });
});
