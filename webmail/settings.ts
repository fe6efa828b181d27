/**
 * User settings in browser.storage.local: the hard/soft policy and the overlay switch. Read by the
 * content scripts (which re-render when they change) and written by the popup/options pages.
 */
import { browser } from 'wxt/browser';
import type { SettingsValue } from '../components/SettingsView';
import { POLICIES, type Policy } from '../core/types';

/** The stored settings: the same shape the settings form edits. */
export type Settings = SettingsValue;

export const DEFAULT_SETTINGS: Readonly<Settings> = { policy: 'rfc', overlay: true };

const KEYS = ['policy', 'overlay'] as const;

export function isPolicy(v: unknown): v is Policy {
  return (POLICIES as readonly unknown[]).includes(v);
}

/** Keep only valid values; anything else falls back to the default. */
export function normalizeSettings(raw: Record<string, unknown>): Settings {
  const policy = isPolicy(raw.policy) ? raw.policy : DEFAULT_SETTINGS.policy;
  const overlay = typeof raw.overlay === 'boolean' ? raw.overlay : DEFAULT_SETTINGS.overlay;
  return { policy, overlay };
}

export async function loadSettings(): Promise<Settings> {
  try {
    return normalizeSettings(await browser.storage.local.get([...KEYS]));
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  const clean: Partial<Settings> = {};
  if (isPolicy(patch.policy)) clean.policy = patch.policy;
  if (typeof patch.overlay === 'boolean') clean.overlay = patch.overlay;
  await browser.storage.local.set(clean);
}

/** Calls back with the full new settings whenever a setting changes. Returns an unsubscribe. */
export function watchSettings(cb: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'local' || !KEYS.some((k) => k in changes)) return;
    loadSettings().then(cb, () => {});
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
