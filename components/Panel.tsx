/**
 * The detail panel: everything the verdict knows, per failed recipient. Presentational: the verdict
 * and the summary text come in, "copy" goes out as an event. Text rendering only; the only links
 * are http(s) URLs from our vendor tables (VendorFinding.links, Diagnosis.links), never from mail.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Diagnosis, Evidence, RecipientVerdict, VendorFinding, Verdict } from '../core/types';
import {
  ACTION_LABEL,
  bounceLabel,
  KIND_LABEL,
  POLICY_LABEL,
  PRACTICE_LABEL,
  SOURCE_LABEL,
  safeHttpUrl,
} from './format';

export interface PanelProps {
  verdict: Verdict;
  /** Plain-text summary (core summarize); shown for manual copying when the clipboard fails. */
  summary: string;
  /** "Copy summary" was pressed; resolve true when the text reached the clipboard. */
  onCopySummary: (summary: string) => Promise<boolean>;
  id?: string;
  hidden?: boolean;
  /** Level of the recipient headings (the panel's own sections use the next level). */
  headingLevel?: 2 | 3 | 4;
}

type CopyState = 'idle' | 'copied' | 'failed';

export function Panel(props: PanelProps): JSX.Element {
  const { verdict, summary } = props;
  const level = props.headingLevel ?? 3;
  const [copy, setCopy] = useState<CopyState>('idle');

  const onCopy = (): void => {
    props.onCopySummary(summary).then(
      (ok) => setCopy(ok ? 'copied' : 'failed'),
      () => setCopy('failed'),
    );
  };

  return (
    <section
      class="bl-panel"
      id={props.id}
      hidden={props.hidden}
      aria-label="Bounce details"
      data-testid="bl-panel"
    >
      <p class="bl-kind">
        <strong>{KIND_LABEL[verdict.kind]}</strong>
        {verdict.format ? <span class="bl-muted"> · format: {verdict.format}</span> : null}
      </p>
      <p class="bl-muted">
        {verdict.kindWhy} Read from {SOURCE_LABEL[verdict.source]}.
      </p>
      {verdict.original.subject || verdict.original.to ? (
        <p class="bl-muted">
          Original message
          {verdict.original.subject ? <> “{verdict.original.subject}”</> : null}
          {verdict.original.to ? <> to {verdict.original.to}</> : null}
        </p>
      ) : null}

      {verdict.recipients.map((r, i) => (
        <RecipientBlock key={`${r.recipient}-${i}`} r={r} level={level} />
      ))}

      {verdict.evidence.length > 0 ? (
        <EvidenceList title="Why this is a bounce" items={verdict.evidence} level={level} />
      ) : null}

      {verdict.notes.length > 0 ? (
        <div class="bl-section">
          <Heading level={level}>Notes</Heading>
          <ul>
            {verdict.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <div class="bl-copy">
        <button type="button" class="bl-button" onClick={onCopy}>
          Copy summary
        </button>
        <span class="bl-copy-status" role="status" aria-live="polite">
          {copy === 'copied' ? 'Summary copied to the clipboard.' : null}
          {copy === 'failed' ? 'Could not reach the clipboard: select the summary below and copy it.' : null}
        </span>
        {copy === 'failed' ? (
          <textarea class="bl-summary" readOnly rows={8} aria-label="Summary" value={summary} />
        ) : null}
      </div>
    </section>
  );
}

function Heading(props: { level: number; children: ComponentChildren; id?: string }): JSX.Element {
  const l = Math.min(6, Math.max(2, props.level));
  const Tag = `h${l}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
  return (
    <Tag class="bl-h" id={props.id}>
      {props.children}
    </Tag>
  );
}

function RecipientBlock({ r, level }: { r: RecipientVerdict; level: number }): JSX.Element {
  const sub = level + 1;
  const label = bounceLabel(r.decision);
  return (
    <article class="bl-recipient" data-recipient={r.recipient}>
      <Heading level={level}>
        <span class={`bl-pill bl-pill--${r.bounce}`}>{label}</span>{' '}
        <span class="bl-addr">{r.recipient || 'recipient not named in the text'}</span>
        {r.dsnAction !== 'failed' ? <span class="bl-muted"> ({r.dsnAction})</span> : null}
      </Heading>
      <p class="bl-meaning">{r.meaning}</p>

      <dl class="bl-facts">
        <dt>Reason</dt>
        <dd>
          {r.reasonText} <span class="bl-muted">({[r.reason, r.detail].filter(Boolean).join(', ')})</span>
          <div class="bl-muted">{r.reasonWhy}</div>
        </dd>
        {r.replyCode ? (
          <>
            <dt>Reply code</dt>
            <dd>
              <code>{r.replyCode}</code>
              {r.replyInfo ? (
                <>
                  {' '}
                  {r.replyInfo.meaning}{' '}
                  <span class="bl-muted">
                    ({r.replyInfo.reference}
                    {r.replyInfo.standard ? '' : ', not standard'})
                  </span>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        {r.status ? (
          <>
            <dt>Enhanced status</dt>
            <dd>
              <code>{r.status}</code>
              {r.statusInfo ? (
                <>
                  {' '}
                  <span class="bl-iana">IANA: {r.statusInfo.summary}</span>
                  <div class="bl-muted">
                    {r.statusInfo.description} {r.statusInfo.classMeaning}; {r.statusInfo.subjectMeaning}.
                    {r.statusInfo.registered ? '' : ' This detail code is not in the IANA registry.'}
                    {r.statusInfo.classMismatch ? ' Registered, but not for this class.' : ''}
                    {r.statusInfo.reference ? ` (${r.statusInfo.reference})` : ''}
                  </div>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        {r.originalRecipient && r.originalRecipient !== r.recipient ? (
          <>
            <dt>Originally addressed to</dt>
            <dd>{r.originalRecipient}</dd>
          </>
        ) : null}
        {r.remoteMta ? (
          <>
            <dt>Remote server</dt>
            <dd>{r.remoteMta}</dd>
          </>
        ) : null}
        {r.reportingMta ? (
          <>
            <dt>Reported by</dt>
            <dd>{r.reportingMta}</dd>
          </>
        ) : null}
        {r.command ? (
          <>
            <dt>Rejected at</dt>
            <dd>{r.command === 'CONN' ? 'connection' : `${r.command} command`}</dd>
          </>
        ) : null}
        {r.lastAttempt ? (
          <>
            <dt>Last attempt</dt>
            <dd>{r.lastAttempt}</dd>
          </>
        ) : null}
      </dl>

      {r.conflict ? (
        <div class="bl-section bl-conflict" role="note">
          <Heading level={sub}>Code conflict: {r.conflict.code}</Heading>
          <p>
            <strong>IANA:</strong> {r.conflict.iana}
          </p>
          <p>
            <strong>Vendor:</strong> {r.conflict.vendor}
          </p>
          <p>
            <strong>
              Followed: {r.conflict.followed === 'vendor' ? 'the vendor meaning' : 'the IANA meaning'}.
            </strong>{' '}
            {r.conflict.why}
          </p>
        </div>
      ) : null}

      {r.vendor.length > 0 ? (
        <div class="bl-section">
          <Heading level={sub}>Vendor notes</Heading>
          {r.vendor.map((f) => (
            <VendorNote key={f.ruleId} f={f} />
          ))}
        </div>
      ) : null}

      {r.diagnosis ? <DiagnosisBlock d={r.diagnosis} level={sub} /> : null}

      <div class="bl-section">
        <Heading level={sub}>What to do</Heading>
        <p>
          <strong>{ACTION_LABEL[r.action]}.</strong> {r.actionWhy}
        </p>
      </div>

      <div class="bl-section">
        <Heading level={sub}>Policy in force</Heading>
        <p>
          {POLICY_LABEL[r.decision.policy]}: <strong>{r.decision.label}</strong>.{' '}
          <span class="bl-muted">Rule: {r.decision.rule}.</span> {r.decision.why}
        </p>
        {r.decision.vendorOverride ? <p>Vendor override: {r.decision.vendorOverride}</p> : null}
      </div>

      {r.diagnostic ? (
        <div class="bl-section">
          <Heading level={sub}>The server said</Heading>
          <pre class="bl-diag">{r.diagnostic}</pre>
        </div>
      ) : null}

      {r.evidence.length > 0 ? (
        <EvidenceList title="Evidence from the mail" items={r.evidence} level={sub} />
      ) : null}
    </article>
  );
}

function VendorNote({ f }: { f: VendorFinding }): JSX.Element {
  const links = f.links.map(safeHttpUrl).filter((u): u is string => !!u);
  return (
    <div class="bl-vendor" data-vendor={f.vendorId}>
      <p>
        <strong>{f.vendor}</strong> <span class="bl-muted">({PRACTICE_LABEL[f.practice]})</span>
      </p>
      <p>{f.meaning}</p>
      {f.note ? <p>{f.note}</p> : null}
      {f.remediation ? (
        <p>
          <strong>Remediation:</strong> {f.remediation}
        </p>
      ) : null}
      <LinkList links={links} />
      <p class="bl-muted bl-small">
        Recognised by {f.matchedBy}; rule {f.ruleId}; source: {f.source}
      </p>
    </div>
  );
}

function DiagnosisBlock({ d, level }: { d: Diagnosis; level: number }): JSX.Element {
  const links = d.links.map(safeHttpUrl).filter((u): u is string => !!u);
  return (
    <div class="bl-section">
      <Heading level={level}>Diagnosis: {d.title}</Heading>
      {d.list ? <p>Listed on: {d.list}</p> : null}
      {d.checklist.length > 0 ? (
        <ol class="bl-checklist">
          {d.checklist.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ol>
      ) : null}
      <LinkList links={links} />
    </div>
  );
}

function LinkList({ links }: { links: string[] }): JSX.Element | null {
  if (links.length === 0) return null;
  return (
    <ul class="bl-links">
      {links.map((href) => (
        <li key={href}>
          <a href={href} target="_blank" rel="noopener noreferrer">
            {href.replace(/^https?:\/\//, '')}
          </a>
        </li>
      ))}
    </ul>
  );
}

function EvidenceList(props: { title: string; items: Evidence[]; level: number }): JSX.Element {
  return (
    <div class="bl-section">
      <Heading level={props.level}>{props.title}</Heading>
      <ul class="bl-evidence">
        {props.items.map((e, i) => (
          <li key={i}>
            <span class="bl-muted">
              {e.field} ({e.source}
              {e.line ? `, line ${e.line}` : ''}):
            </span>{' '}
            <code>{e.text}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
