/**
 * Paste box: classify pasted bounce text or a whole raw message locally and show the same Panel as
 * the badge. Presentational: the text goes out through onClassify, the result comes back as props.
 */
import type { JSX } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { Verdict } from '../core/types';
import { KIND_LABEL } from './format';
import { Panel } from './Panel';

export type PasteResult = { ok: true; verdict: Verdict; summary: string } | { ok: false; error: string };

export interface PasteViewProps {
  onClassify: (text: string) => void;
  result?: PasteResult;
  busy?: boolean;
  onCopySummary: (summary: string) => Promise<boolean>;
}

export function PasteView(props: PasteViewProps): JSX.Element {
  const [text, setText] = useState('');
  const id = useId();
  const { result } = props;
  return (
    <div class="bl-paste">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) props.onClassify(text);
        }}
      >
        <label for={`bl-paste-${id}`}>
          <strong>Paste a bounce</strong>{' '}
          <span class="bl-muted bl-small">
            (its text, or the whole raw message; nothing leaves your browser)
          </span>
        </label>
        <textarea
          id={`bl-paste-${id}`}
          value={text}
          spellcheck={false}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <p>
          <button type="submit" class="bl-button" disabled={props.busy || !text.trim()}>
            {props.busy ? 'Classifying…' : 'Classify'}
          </button>
        </p>
      </form>
      <div aria-live="polite">
        {result && !result.ok ? <p class="bl-error">Could not classify: {result.error}</p> : null}
        {result?.ok && !result.verdict.isBounce ? (
          <p>
            <strong>{KIND_LABEL[result.verdict.kind]}.</strong> {result.verdict.kindWhy}
          </p>
        ) : null}
      </div>
      {result?.ok && result.verdict.isBounce ? (
        <Panel
          verdict={result.verdict}
          summary={result.summary}
          onCopySummary={props.onCopySummary}
          headingLevel={2}
        />
      ) : null}
    </div>
  );
}
