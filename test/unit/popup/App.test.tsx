import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App, classifyPasted } from '../../../entrypoints/popup/App';
import { CORPUS_DIR } from '../../fixtures/gmail/build';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const raw = () => readFileSync(join(CORPUS_DIR, 'lhost-gmail-01.eml'), 'utf8');

describe('popup / options', () => {
  it('shows the stored settings and saves changes', async () => {
    await fakeBrowser.storage.local.set({ policy: 'sinch', overlay: false });
    render(<App layout="popup" />);
    await waitFor(() =>
      expect((screen.getByRole('radio', { name: /Sinch/ }) as HTMLInputElement).checked).toBe(true),
    );
    expect((screen.getByRole('checkbox') as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByRole('radio', { name: /Recipient only/ }));
    fireEvent.click(screen.getByRole('checkbox'));
    await waitFor(async () =>
      expect(await fakeBrowser.storage.local.get(['policy', 'overlay'])).toEqual({
        policy: 'recipient',
        overlay: true,
      }),
    );
  });

  it('classifies a pasted raw message locally and shows the panel', async () => {
    render(<App layout="page" />);
    fireEvent.input(screen.getByRole('textbox', { name: /Paste a bounce/ }), { target: { value: raw() } });
    fireEvent.click(screen.getByRole('button', { name: 'Classify' }));
    const region = await screen.findByRole('region', { name: 'Bounce details' });
    expect(region.textContent).toContain('userunknown@example.jp');
    expect(region.textContent).toContain('5.1.1');
    expect(region.textContent).toContain('the raw message source');
  });

  it('pasted text that is not a whole message goes to the visible-text classifier', async () => {
    const text =
      'Delivery to the following recipient failed permanently:\n\n     userunknown@example.jp\n\n550 5.1.1 <userunknown@example.jp>... User Unknown';
    const r = await classifyPasted(text, 'rfc');
    if (!r.ok) throw new Error(r.error);
    expect(r.verdict.source).toBe('visible-text');
    const whole = await classifyPasted(`\n\n${raw()}`, 'sinch');
    if (!whole.ok) throw new Error(whole.error);
    expect(whole.verdict.source).toBe('raw');
    expect(whole.verdict.policy).toBe('sinch');
  });
});
