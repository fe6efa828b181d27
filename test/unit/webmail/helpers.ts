import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const GMAIL_FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'gmail');

export function readFixture(name: string): string {
  return readFileSync(join(GMAIL_FIXTURES, `${name}.html`), 'utf8');
}

/** Load a fixture page into the test document (its inline script does not run). */
export function loadPage(html: string): void {
  const inner = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
  document.documentElement.innerHTML = inner;
  document.body.className = /<body class="([^"]*)"/.exec(html)?.[1] ?? '';
}
