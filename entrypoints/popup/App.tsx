/**
 * Popup and options page container: stored settings in, changes saved; the paste box classified
 * locally with the same core as the content scripts. The views are in components/.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type PasteResult, PasteView } from '../../components/PasteView';
import { SettingsView } from '../../components/SettingsView';
import { STYLES } from '../../components/styles';
import { classifyText } from '../../core';
import type { Policy } from '../../core/types';
import { toClassifyResponse } from '../../webmail/classify-service';
import { copyText } from '../../webmail/clipboard';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  type Settings,
  saveSettings,
  watchSettings,
} from '../../webmail/settings';

/** Pasted text is a whole raw message when it starts with a header block; otherwise bounce text. */
export function classifyPasted(text: string, policy: Policy): Promise<PasteResult> {
  return toClassifyResponse(() => classifyText(text, { policy }));
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

function useColorScheme(): 'light' | 'dark' {
  const [dark, setDark] = useState(() => typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia(DARK_QUERY);
    const on = (): void => setDark(query.matches);
    on();
    query.addEventListener('change', on);
    return () => query.removeEventListener('change', on);
  }, []);
  return dark ? 'dark' : 'light';
}

export function App({ layout }: { layout: 'popup' | 'page' }): JSX.Element {
  const [settings, setSettings] = useState<Settings>({ ...DEFAULT_SETTINGS });
  const [ready, setReady] = useState(false);
  const [pasted, setPasted] = useState<string>();
  const [result, setResult] = useState<PasteResult>();
  const [busy, setBusy] = useState(false);
  const theme = useColorScheme();

  useEffect(() => {
    loadSettings().then((s) => {
      setSettings(s);
      setReady(true);
    });
    return watchSettings(setSettings);
  }, []);

  // Classify the pasted text, and again under a new policy.
  useEffect(() => {
    if (pasted === undefined) return;
    let live = true;
    setBusy(true);
    classifyPasted(pasted, settings.policy).then((r) => {
      if (!live) return;
      setResult(r);
      setBusy(false);
    });
    return () => {
      live = false;
    };
  }, [pasted, settings.policy]);

  const onChange = (patch: Partial<Settings>): void => {
    setSettings((s) => ({ ...s, ...patch }));
    void saveSettings(patch);
  };

  return (
    <main class={`bl bl-app bl-app--${layout} bl-theme-${theme}`}>
      <style>{STYLES}</style>
      <h1>Bounce Lens</h1>
      <SettingsView value={settings} onChange={onChange} ready={ready} />
      <PasteView onClassify={setPasted} result={result} busy={busy} onCopySummary={(t) => copyText(t)} />
    </main>
  );
}
