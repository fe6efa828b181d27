/**
 * Settings form shared by the popup and the options page: the hard/soft policy and the overlay
 * switch. Presentational: current settings in, changes out.
 */
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import { POLICIES, type Policy } from '../core/types';
import { POLICY_DESCRIPTION, POLICY_LABEL } from './format';

export interface SettingsValue {
  policy: Policy;
  overlay: boolean;
}

export interface SettingsViewProps {
  value: SettingsValue;
  onChange: (patch: Partial<SettingsValue>) => void;
  /** False while the stored settings are loading. */
  ready?: boolean;
}

export function SettingsView({ value, onChange, ready = true }: SettingsViewProps): JSX.Element {
  const id = useId();
  return (
    <form class="bl-settings" onSubmit={(e) => e.preventDefault()}>
      <fieldset disabled={!ready}>
        <legend>Overlay</legend>
        <label class="bl-choice">
          <input
            type="checkbox"
            checked={value.overlay}
            onChange={(e) => onChange({ overlay: (e.currentTarget as HTMLInputElement).checked })}
          />
          <span>Show the bounce badge in Gmail and Outlook on the web</span>
        </label>
      </fieldset>
      <fieldset disabled={!ready}>
        <legend>Hard/soft policy</legend>
        {POLICIES.map((p) => (
          <label class="bl-choice" key={p}>
            <input
              type="radio"
              name={`bl-policy-${id}`}
              value={p}
              checked={value.policy === p}
              aria-describedby={`bl-policy-${id}-${p}`}
              onChange={() => onChange({ policy: p })}
            />
            <span>
              <strong>{POLICY_LABEL[p]}</strong>
              <br />
              <span class="bl-muted bl-small" id={`bl-policy-${id}-${p}`}>
                {POLICY_DESCRIPTION[p]}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
    </form>
  );
}
