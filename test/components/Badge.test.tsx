import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Badge } from '../../components/Badge';
import { multiVerdict, softVerdict, verdict } from '../fixtures/verdicts';

afterEach(cleanup);

const copy = () => Promise.resolve(true);

function setup(v = verdict(), theme: 'light' | 'dark' = 'light') {
  const utils = render(<Badge verdict={v} summary="SUMMARY" theme={theme} onCopySummary={copy} />);
  const button = screen.getByRole('button', { expanded: false });
  return { ...utils, button };
}

describe('Badge', () => {
  it('shows HARD as text, the status code and the reason in plain words', () => {
    const { button } = setup();
    expect(button.textContent).toContain('HARD');
    expect(button.textContent).toContain('5.1.1');
    expect(button.textContent).toContain('address does not exist');
    // The accessible name carries the recipient too (not only colour / not only visible text).
    expect(button.textContent).toContain('userunknown@example.jp');
    expect(button.querySelector('.bl-pill--hard')).not.toBeNull();
  });

  it('is a disclosure: aria-expanded and aria-controls point at the panel', () => {
    const { button, container } = setup();
    const id = button.getAttribute('aria-controls');
    expect(id).toBeTruthy();
    const panel = container.querySelector(`[id="${id}"]`) as HTMLElement;
    expect(panel).not.toBeNull();
    expect(panel.hidden).toBe(true);
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    expect(panel.textContent).toContain('Bad destination mailbox address');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(panel.hidden).toBe(true);
  });

  it('Escape closes the panel and returns focus to the button', () => {
    const { button, container } = setup();
    fireEvent.click(button);
    const copyButton = screen.getByRole('button', { name: 'Copy summary' });
    copyButton.focus();
    expect(document.activeElement).toBe(copyButton);
    fireEvent.keyDown(copyButton, { key: 'Escape' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
    expect((container.querySelector('.bl-panel') as HTMLElement).hidden).toBe(true);
  });

  it('Escape when closed does nothing', () => {
    const { button } = setup();
    const ev = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    button.dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(false);
  });

  it('a press outside closes it, a press inside does not', () => {
    const { button, container } = setup();
    fireEvent.click(button);
    fireEvent.pointerDown(container.querySelector('.bl-panel') as Element);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    fireEvent.pointerDown(document.body);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('SOFT is labelled as text, with its own style', () => {
    const { button } = setup(softVerdict());
    expect(button.textContent).toContain('SOFT');
    expect(button.textContent).toContain('4.2.2');
    expect(button.classList.contains('bl-badge--soft')).toBe(true);
  });

  it('counts the other recipients', () => {
    const { button } = setup(multiVerdict());
    expect(button.textContent).toContain('+1');
    expect(button.textContent).toContain('more recipient');
  });

  it('follows the theme', () => {
    const { container } = setup(verdict(), 'dark');
    expect(container.querySelector('.bl-theme-dark')).not.toBeNull();
  });

  it('renders nothing for a verdict without recipients', () => {
    const { container } = render(
      <Badge verdict={verdict({ recipients: [] })} summary="" theme="light" onCopySummary={copy} />,
    );
    expect(container.textContent).toBe('');
  });

  it('passes the summary to the copy handler', async () => {
    const onCopy = vi.fn(() => Promise.resolve(true));
    render(<Badge verdict={verdict()} summary="SUMMARY" theme="light" onCopySummary={onCopy} defaultOpen />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy summary' }));
    expect(onCopy).toHaveBeenCalledWith('SUMMARY');
    expect(await screen.findByText('Summary copied to the clipboard.')).toBeTruthy();
  });
});
