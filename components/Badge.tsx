/**
 * The compact badge shown beside a bounce: HARD/SOFT (as text, not only colour), the status code and
 * the reason in plain words. It is a disclosure button (aria-expanded/aria-controls) that opens the
 * detail Panel; Escape closes it and returns focus to the button, a press outside closes it.
 */
import type { JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Verdict } from '../core/types';
import { bounceLabel, moreCount, primaryRecipient, shortCode } from './format';
import { Panel } from './Panel';

export type Theme = 'light' | 'dark';

export interface BadgeProps {
  verdict: Verdict;
  /** Plain-text summary (core summarize) for "Copy summary". */
  summary: string;
  theme: Theme;
  onCopySummary: (summary: string) => Promise<boolean>;
  defaultOpen?: boolean;
}

export function Badge(props: BadgeProps): JSX.Element | null {
  const { verdict } = props;
  const [open, setOpen] = useState(!!props.defaultOpen);
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const panelId = `bl-panel-${useId()}`;

  useEffect(() => {
    const el = root.current;
    const doc = el?.ownerDocument;
    if (!open || !el || !doc) return;
    // A press outside the badge closes it (composedPath sees through our shadow root).
    const onDown = (e: Event): void => {
      if (!e.composedPath().includes(el)) setOpen(false);
    };
    // Escape anywhere in the badge or its panel closes it and gives focus back to the button.
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      setOpen(false);
      button.current?.focus();
    };
    doc.addEventListener('pointerdown', onDown, true);
    el.addEventListener('keydown', onKey);
    return () => {
      doc.removeEventListener('pointerdown', onDown, true);
      el.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const r = primaryRecipient(verdict);
  if (!r) return null;
  const more = moreCount(verdict);

  return (
    <div ref={root} class={`bl bl-theme-${props.theme}`}>
      <button
        ref={button}
        type="button"
        class={`bl-badge bl-badge--${r.bounce}`}
        aria-expanded={open}
        aria-controls={panelId}
        title={`${r.recipient || 'recipient not named'}: ${r.meaning}`}
        onClick={() => setOpen(!open)}
      >
        <span class="bl-sr">Bounce Lens: </span>
        <span class={`bl-pill bl-pill--${r.bounce}`}>{bounceLabel(r.decision)}</span>
        <span class="bl-code">{shortCode(r)}</span>
        <span class="bl-reason">{r.reasonText}</span>
        {more > 0 ? (
          <span class="bl-more">
            +{more}
            <span class="bl-sr"> more recipient{more === 1 ? '' : 's'}</span>
          </span>
        ) : null}
        <span class="bl-sr">, {r.recipient || 'recipient not named'}. Details</span>
        <span class="bl-chevron" aria-hidden="true">
          {open ? '▴' : '▾'}
        </span>
      </button>
      <Panel
        id={panelId}
        hidden={!open}
        verdict={verdict}
        summary={props.summary}
        onCopySummary={props.onCopySummary}
      />
    </div>
  );
}
