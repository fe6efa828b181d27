/**
 * Loading the Outlook on the web fixture pages (test/fixtures/outlook, built by build.ts) into
 * their own happy-dom window at their real Outlook URL, with their expectations (manifest.json).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';

export const FIXTURE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/outlook',
);

export interface ExpectedClassification {
  isBounce: boolean;
  kind?: string;
  recipient?: string;
  /** Exact enhanced status code the text states; null = the text states none. */
  status?: string | null;
  /** Exact reply code the text states; null = the text states none. */
  replyCode?: string | null;
  /** Sisimai's reason for the recipient (the corpus labels), where the visible text carries it. */
  reason?: string;
  /** Hard or soft under the `recipient` policy (hard only when the address itself is bad). */
  bounce?: 'hard' | 'soft';
}

export interface ExpectedMessage {
  msgId: string;
  subject: string;
  from: string;
  fromName?: string;
  textIncludes: string[];
  textExcludes: string[];
  classify: ExpectedClassification;
}

export interface OutlookFixture {
  file: string;
  url: string;
  description: string;
  lang: string;
  theme: 'light' | 'dark';
  layout: 'conversation' | 'item' | 'full-window';
  corpus: string[];
  reconstructed?: string;
  open: ExpectedMessage[];
}

export const FIXTURES: OutlookFixture[] = JSON.parse(
  fs.readFileSync(path.join(FIXTURE_DIR, 'manifest.json'), 'utf8'),
) as OutlookFixture[];

export function fixtureHtml(file: string): string {
  return fs.readFileSync(path.join(FIXTURE_DIR, file), 'utf8');
}

const windows: Window[] = [];

/** A fresh document holding `html` at `url` (scripts never run). */
export function loadPage(html: string, url: string): Document {
  const win = new Window({
    url,
    width: 1280,
    height: 800,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  windows.push(win);
  win.document.write(html);
  return win.document as unknown as Document;
}

/** A root element holding `html` (test-only parsing of a literal, never mail), on an Outlook page. */
export function bodyOf(html: string): Element {
  const doc = loadPage(
    `<!DOCTYPE html><html><body><div id="root">${html}</div></body></html>`,
    'https://outlook.office.com/mail/',
  );
  const root = doc.getElementById('root');
  if (!root) throw new Error('no root');
  return root;
}

export function loadFixture(f: OutlookFixture, url = f.url): Document {
  return loadPage(fixtureHtml(f.file), url);
}

export async function closeWindows(): Promise<void> {
  for (const w of windows.splice(0)) await w.happyDOM.close();
}
