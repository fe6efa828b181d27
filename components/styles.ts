/**
 * One stylesheet for the badge, the panel and the popup views. It is a string so the content script
 * can put it into each badge's shadow root as a <style> element's text (no web-accessible CSS file,
 * no network), and the popup/options pages can use the same rules.
 * Themes: `.bl-theme-light` / `.bl-theme-dark` on the component root (the webmail's theme).
 */
export const STYLES = `
:host { all: initial; display: inline-block; vertical-align: middle; max-width: 100%; }
.bl, .bl * { box-sizing: border-box; }
.bl {
  --bl-fg: #202124; --bl-muted: #5f6368; --bl-bg: #ffffff; --bl-border: #dadce0; --bl-code-bg: #f1f3f4;
  --bl-hard-fg: #ffffff; --bl-hard-bg: #c5221f; --bl-soft-fg: #202124; --bl-soft-bg: #f9ab00;
  --bl-focus: #1a73e8; --bl-link: #1a0dab; --bl-badge-bg: #fce8e6; --bl-badge-soft-bg: #fef7e0;
  --bl-conflict-bg: #fef7e0;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: var(--bl-fg); text-align: left; font-weight: 400; letter-spacing: normal;
}
.bl-theme-dark {
  --bl-fg: #e8eaed; --bl-muted: #bdc1c6; --bl-bg: #2d2e30; --bl-border: #5f6368; --bl-code-bg: #3c4043;
  --bl-hard-fg: #202124; --bl-hard-bg: #f28b82; --bl-soft-fg: #202124; --bl-soft-bg: #fdd663;
  --bl-focus: #8ab4f8; --bl-link: #8ab4f8; --bl-badge-bg: #3c2a2a; --bl-badge-soft-bg: #3b3524;
  --bl-conflict-bg: #3b3524;
}
.bl-sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.bl-badge {
  display: inline-flex; align-items: center; gap: 6px; max-width: 100%; margin: 2px 0;
  padding: 2px 8px 2px 2px; border: 1px solid var(--bl-border); border-radius: 12px;
  background: var(--bl-badge-bg); color: var(--bl-fg); font: inherit; cursor: pointer;
}
.bl-badge--soft { background: var(--bl-badge-soft-bg); }
.bl-badge:hover { border-color: var(--bl-muted); }
.bl button:focus-visible, .bl a:focus-visible, .bl textarea:focus-visible, .bl input:focus-visible,
.bl select:focus-visible {
  outline: 2px solid var(--bl-focus); outline-offset: 2px;
}
.bl-pill { display: inline-block; padding: 0 7px; border-radius: 10px; font-weight: 700; font-size: 11px;
  letter-spacing: .04em; line-height: 18px; }
.bl-pill--hard { background: var(--bl-hard-bg); color: var(--bl-hard-fg); }
.bl-pill--soft { background: var(--bl-soft-bg); color: var(--bl-soft-fg); }
.bl-code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-weight: 600; }
.bl-reason { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 28em; }
.bl-more { color: var(--bl-muted); }
.bl-chevron { color: var(--bl-muted); }
.bl-panel {
  display: block; width: min(640px, 92vw); max-height: 70vh; overflow: auto; margin: 6px 0 8px;
  padding: 12px 14px; background: var(--bl-bg); color: var(--bl-fg); border: 1px solid var(--bl-border);
  border-radius: 8px; box-shadow: 0 2px 8px rgba(0,0,0,.18);
}
.bl-panel[hidden] { display: none; }
.bl-panel p { margin: 4px 0; }
.bl-h { font-size: 14px; font-weight: 600; margin: 12px 0 4px; line-height: 1.35; color: var(--bl-fg); }
.bl-section .bl-h { font-size: 13px; }
.bl-recipient { border-top: 1px solid var(--bl-border); margin-top: 10px; padding-top: 6px; }
.bl-addr { word-break: break-all; }
.bl-muted { color: var(--bl-muted); }
.bl-small { font-size: 12px; }
.bl-meaning { font-weight: 500; }
.bl-facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0; }
.bl-facts dt { color: var(--bl-muted); }
.bl-facts dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.bl code, .bl-diag { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px;
  background: var(--bl-code-bg); border-radius: 3px; padding: 0 3px; overflow-wrap: anywhere; }
.bl-diag { display: block; white-space: pre-wrap; padding: 6px 8px; margin: 4px 0; max-height: 12em; overflow: auto; }
.bl-conflict { background: var(--bl-conflict-bg); border-left: 3px solid var(--bl-soft-bg); padding: 4px 10px; }
.bl-vendor { margin: 6px 0; }
.bl-checklist, .bl-links, .bl-evidence, .bl ul { margin: 4px 0; padding-left: 20px; }
.bl a { color: var(--bl-link); }
.bl-evidence li { margin: 2px 0; }
.bl-copy { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-top: 12px; }
.bl-button {
  font: inherit; padding: 4px 12px; border-radius: 4px; border: 1px solid var(--bl-border);
  background: var(--bl-bg); color: var(--bl-fg); cursor: pointer;
}
.bl-button:hover { border-color: var(--bl-muted); }
.bl-button[disabled] { opacity: .6; cursor: default; }
.bl-summary { width: 100%; font: 12px ui-monospace, Menlo, Consolas, monospace; color: var(--bl-fg);
  background: var(--bl-bg); border: 1px solid var(--bl-border); }
.bl-app { padding: 12px; background: var(--bl-bg); min-height: 100%; }
.bl-app h1 { font-size: 16px; margin: 0 0 8px; }
.bl-app fieldset { border: 1px solid var(--bl-border); border-radius: 6px; margin: 0 0 12px; padding: 8px 10px; }
.bl-app legend { font-weight: 600; padding: 0 4px; }
.bl-choice { display: flex; gap: 8px; align-items: flex-start; margin: 4px 0; }
.bl-choice input { margin-top: 3px; }
.bl-paste textarea { width: 100%; min-height: 8em; font: 12px ui-monospace, Menlo, Consolas, monospace;
  color: var(--bl-fg); background: var(--bl-bg); border: 1px solid var(--bl-border); border-radius: 4px; padding: 6px; }
.bl-paste .bl-panel { width: 100%; max-height: none; box-shadow: none; }
.bl-error { color: var(--bl-hard-bg); }
`;
