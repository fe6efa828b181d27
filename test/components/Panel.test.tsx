import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Panel } from '../../components/Panel';
import { summarize } from '../../core/summary';
import type { ReaderAction, Verdict } from '../../core/types';
import { HOSTILE, hostileVerdict, multiVerdict, recipient, vadeVerdict, verdict } from '../fixtures/verdicts';

afterEach(cleanup);

function show(v: Verdict, onCopy = vi.fn(() => Promise.resolve(true))) {
  const utils = render(<Panel verdict={v} summary="THE SUMMARY" onCopySummary={onCopy} />);
  return { ...utils, onCopy, text: utils.container.textContent ?? '' };
}

describe('Panel', () => {
  it('shows the recipient, reply and enhanced codes with their meanings', () => {
    const { text } = show(verdict());
    expect(text).toContain('userunknown@example.jp');
    expect(text).toContain('550');
    expect(text).toContain('Requested action not taken: mailbox unavailable');
    expect(text).toContain('RFC 5321');
    expect(text).toContain('5.1.1');
    expect(text).toContain('IANA: Bad destination mailbox address');
    expect(text).toContain('Permanent Failure');
    expect(text).toContain('Addressing Status');
  });

  it('shows the reason, the meaning, the action with its why and the policy rule', () => {
    const { text } = show(verdict());
    expect(text).toContain('address does not exist');
    expect(text).toContain('userunknown');
    expect(text).toContain('The receiving server says this mailbox does not exist.');
    expect(text).toContain('Remove the address from your lists');
    expect(text).toContain('The mailbox does not exist at the receiving server.');
    expect(text).toContain('RFC (by the codes)');
    expect(text).toContain('rfc: 5.x.x is permanent');
    expect(text).toContain('A permanent failure: retrying will not help.');
  });

  it('words every action as the plain-text summary does (one table for both)', () => {
    const actions: ReaderAction[] = [
      'suppress',
      'retry',
      'fix-sender',
      'fix-content',
      'contact-postmaster',
      'none',
    ];
    for (const action of actions) {
      const v = verdict({ recipients: [recipient({ action, actionWhy: 'WHY.' })] });
      const { container, unmount } = show(v);
      const what = [...container.querySelectorAll('p')].find((p) => p.textContent?.includes('WHY.'));
      const inPanel = what?.querySelector('strong')?.textContent;
      const inSummary = /What to do: (.*) WHY\./.exec(summarize(v))?.[1];
      expect(inPanel, action).toBeTruthy();
      expect(inPanel, action).toBe(inSummary);
      unmount();
    }
  });

  it('lists every failed recipient', () => {
    show(multiVerdict());
    expect(screen.getAllByRole('article')).toHaveLength(2);
    expect(screen.getByText('filtered@example.co.jp')).toBeTruthy();
    expect(screen.getByText('userunknown@example.co.jp')).toBeTruthy();
  });

  it('shows vendor notes, remediation and the conflict with both meanings and the choice', () => {
    const { text } = show(vadeVerdict());
    expect(text).toContain('Vade Secure / Open-Xchange cloud');
    expect(text).toContain('OXSUS001_403 means user unknown despite the 5.7.1 code.');
    expect(text).toContain('Remove the address.');
    const note = screen.getByRole('note');
    expect(note.textContent).toContain('IANA: Delivery not authorized, message refused');
    expect(note.textContent).toContain('Vendor: User unknown');
    expect(note.textContent).toContain('Followed: the vendor meaning.');
    expect(note.textContent).toContain('The OXSUS001_403 token is specific to unknown users.');
    expect(text).toContain('Vendor override: vade-oxsus-403: user unknown');
  });

  it('shows the diagnosis checklist', () => {
    show(vadeVerdict());
    expect(screen.getByText('Diagnosis: Receiver policy')).toBeTruthy();
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toContain('Check the address for typos');
    expect(items).toContain('Ask the recipient for another address');
  });

  it('links only http(s) vendor-table URLs, opened safely', () => {
    const { container } = show(vadeVerdict());
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://www.vadesecure.com/en/postmaster',
      'https://postmaster.example.org/help',
    ]);
    for (const a of links) {
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(a.getAttribute('target')).toBe('_blank');
    }
    expect(container.textContent).not.toContain('javascript:');
  });

  it('never links URLs that come from the mail', () => {
    const v = verdict({
      recipients: [
        recipient({ diagnostic: '550 5.7.26 see https://support.google.com/mail/answer/81126 for help' }),
      ],
    });
    const { container } = show(v);
    expect(container.querySelectorAll('a')).toHaveLength(0);
    expect(container.textContent).toContain('https://support.google.com/mail/answer/81126');
  });

  it('renders hostile mail text as text', () => {
    (window as unknown as { __blPwned?: number }).__blPwned = undefined;
    const { container } = show(hostileVerdict());
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.textContent).toContain(HOSTILE);
    expect((window as unknown as { __blPwned?: number }).__blPwned).toBeUndefined();
  });

  it('shows the evidence lines with where they came from', () => {
    const { text } = show(verdict());
    expect(text).toContain('Evidence from the mail');
    expect(text).toContain('diagnostic (body, line 12)');
    expect(text).toContain('Why this is a bounce');
    expect(text).toContain('Subject: Delivery Status Notification (Failure)');
  });

  it('says when only the visible text was available', () => {
    const { text } = show(verdict({ source: 'visible-text' }));
    expect(text).toContain('the text shown on screen only');
  });

  it('copies the summary and announces it', async () => {
    const { onCopy } = show(verdict());
    fireEvent.click(screen.getByRole('button', { name: 'Copy summary' }));
    expect(onCopy).toHaveBeenCalledWith('THE SUMMARY');
    expect((await screen.findByRole('status')).textContent).toContain('copied');
  });

  it('offers the summary for manual copying when the clipboard fails', async () => {
    show(
      verdict(),
      vi.fn(() => Promise.resolve(false)),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Copy summary' }));
    const box = (await screen.findByRole('textbox', { name: 'Summary' })) as HTMLTextAreaElement;
    expect(box.value).toBe('THE SUMMARY');
    expect(box.readOnly).toBe(true);
  });

  it('notes and unregistered codes are shown', () => {
    const base = recipient();
    const v = verdict({
      notes: ['Message truncated at 10 MB'],
      recipients: [
        recipient({
          status: '5.1.99',
          statusInfo: { ...(base.statusInfo as NonNullable<typeof base.statusInfo>), registered: false },
        }),
      ],
    });
    const { text } = show(v);
    expect(text).toContain('Message truncated at 10 MB');
    expect(text).toContain('not in the IANA registry');
  });
});
