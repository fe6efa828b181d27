import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsView } from '../../components/SettingsView';

afterEach(cleanup);

describe('SettingsView', () => {
  it('offers the three policies with rfc selected by default', () => {
    render(<SettingsView value={{ policy: 'rfc', overlay: true }} onChange={() => {}} />);
    const radios = screen.getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.value)).toEqual(['rfc', 'sinch', 'recipient']);
    expect(radios.filter((r) => r.checked).map((r) => r.value)).toEqual(['rfc']);
    // Each choice is described, not only named.
    expect(radios[1]?.getAttribute('aria-describedby')).toBeTruthy();
  });

  it('emits the chosen policy', () => {
    const onChange = vi.fn();
    render(<SettingsView value={{ policy: 'rfc', overlay: true }} onChange={onChange} />);
    fireEvent.click(screen.getByRole('radio', { name: /Sinch/ }));
    expect(onChange).toHaveBeenCalledWith({ policy: 'sinch' });
  });

  it('emits the overlay switch', () => {
    const onChange = vi.fn();
    render(<SettingsView value={{ policy: 'rfc', overlay: true }} onChange={onChange} />);
    const box = screen.getByRole('checkbox', { name: /Show the bounce badge/ });
    expect((box as HTMLInputElement).checked).toBe(true);
    fireEvent.click(box);
    expect(onChange).toHaveBeenCalledWith({ overlay: false });
  });

  it('is disabled until the settings are loaded', () => {
    render(<SettingsView value={{ policy: 'rfc', overlay: true }} onChange={() => {}} ready={false} />);
    const groups = screen.getAllByRole('group') as HTMLFieldSetElement[];
    expect(groups.every((g) => g.disabled)).toBe(true);
  });
});
