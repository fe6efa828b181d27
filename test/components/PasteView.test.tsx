import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PasteView } from '../../components/PasteView';
import { notBounce, verdict } from '../fixtures/verdicts';

afterEach(cleanup);

const copy = () => Promise.resolve(true);

describe('PasteView', () => {
  it('sends the pasted text out', () => {
    const onClassify = vi.fn();
    render(<PasteView onClassify={onClassify} onCopySummary={copy} />);
    const box = screen.getByRole('textbox', { name: /Paste a bounce/ });
    const submit = screen.getByRole('button', { name: 'Classify' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.input(box, { target: { value: '550 5.1.1 user unknown' } });
    fireEvent.click(submit);
    expect(onClassify).toHaveBeenCalledWith('550 5.1.1 user unknown');
  });

  it('shows the same panel for a bounce', () => {
    render(
      <PasteView
        onClassify={() => {}}
        onCopySummary={copy}
        result={{ ok: true, verdict: verdict(), summary: 'S' }}
      />,
    );
    expect(screen.getByRole('region', { name: 'Bounce details' }).textContent).toContain(
      'userunknown@example.jp',
    );
    expect(screen.getByRole('button', { name: 'Copy summary' })).toBeTruthy();
  });

  it('says what a non-bounce is', () => {
    render(
      <PasteView
        onClassify={() => {}}
        onCopySummary={copy}
        result={{ ok: true, verdict: notBounce(), summary: '' }}
      />,
    );
    expect(screen.getByText('Not a bounce.')).toBeTruthy();
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('shows errors', () => {
    render(<PasteView onClassify={() => {}} onCopySummary={copy} result={{ ok: false, error: 'boom' }} />);
    expect(screen.getByText(/Could not classify: boom/)).toBeTruthy();
  });

  it('shows progress while busy', () => {
    render(<PasteView onClassify={() => {}} onCopySummary={copy} busy />);
    expect(screen.getByRole('button', { name: 'Classifying…' })).toBeTruthy();
  });
});
