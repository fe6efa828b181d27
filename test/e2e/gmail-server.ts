/**
 * A fake mail.google.com for the e2e and the bench: serves the fixture pages of
 * test/fixtures/gmail at Gmail's app URL, and each message's raw source at the URLs Gmail uses
 * ("show original" ?view=om&permmsgid=msg-f:<decimal> with ik, "download original"
 * ?view=att&th=<hex>&attid=0&disp=comp&safe=1&zw), or fails them as the scenario says.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { esc } from '../fixtures/gmail/build';
import { IK, PAGES, RAW } from '../fixtures/gmail/scenarios';
import { type FakeServer, ROOT, startServer } from './harness';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'gmail');

/** Pages that may run hostile markup if we ever rendered it as HTML: no CSP there, so a regression would execute. */
const NO_CSP = new Set(['hostile']);

/** Gmail enforces Trusted Types: any HTML-string sink in our content script throws on these pages. */
const GMAIL_CSP = "require-trusted-types-for 'script'";

export function hexFromPerm(perm: string | null): string | undefined {
  const m = /^msg-f:(\d{1,25})$/.exec(perm ?? '');
  return m ? BigInt(m[1] as string).toString(16) : undefined;
}

/** Answer the request; returns true (handled) so the handler can `return send(...)`. */
function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): true {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
  res.end(body);
  return true;
}

export function gmailHandler(req: IncomingMessage, res: ServerResponse, url: URL): true {
  if (url.hostname !== 'mail.google.com') return send(res, 421, 'text/plain', 'wrong host');
  if (!/^\/mail\/u\/\d+\/$/.test(url.pathname)) return send(res, 404, 'text/plain', 'not found');
  const view = url.searchParams.get('view');
  const signedIn = /(?:^|;\s*)SID=e2e/.test(req.headers.cookie ?? '');

  if (!view) {
    const name = url.searchParams.get('fixture') ?? '';
    if (!PAGES[name]) return send(res, 404, 'text/plain', `no fixture ${name}`);
    const html = readFileSync(join(FIXTURES, `${name}.html`));
    return send(res, 200, 'text/html; charset=utf-8', html, {
      'set-cookie': 'SID=e2e; Path=/; Secure; HttpOnly; SameSite=Lax',
      ...(NO_CSP.has(name) ? {} : { 'content-security-policy': GMAIL_CSP }),
    });
  }

  if (view === 'om') {
    const hex = hexFromPerm(url.searchParams.get('permmsgid'));
    const entry = hex ? RAW[hex] : undefined;
    // "Show original" needs the session and the account's ik.
    if (entry?.via !== 'om' || !signedIn || url.searchParams.get('ik') !== IK) {
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        '<!doctype html><html><body>Temporary Error (500)</body></html>',
      );
    }
    const text = entry.raw.toString('utf8');
    return send(
      res,
      200,
      'text/html; charset=utf-8',
      `<!doctype html><html><head><title>Original Message</title></head><body>
<div class="top"><a href="?view=att&amp;th=${hex}&amp;attid=0&amp;disp=comp&amp;safe=1&amp;zw">Download Original</a></div>
<table><tr><td>SPF:</td><td>PASS</td></tr></table>
<pre class="raw_message_text" id="raw_message_text">${esc(text)}</pre></body></html>`,
    );
  }

  if (view === 'att') {
    const hex = url.searchParams.get('th') ?? hexFromPerm(url.searchParams.get('permmsgid'));
    const entry = hex ? RAW[hex] : undefined;
    const ok =
      entry &&
      entry.via !== 'none' &&
      signedIn &&
      url.searchParams.get('attid') === '0' &&
      url.searchParams.get('disp') === 'comp';
    if (!ok) return send(res, 404, 'text/html', '<html><body>Not Found</body></html>');
    return send(res, 200, 'text/plain; charset=us-ascii', entry.raw);
  }

  return send(res, 404, 'text/plain', 'unknown view');
}

export function startGmailServer(): Promise<FakeServer> {
  return startServer(gmailHandler);
}

export function gmailUrl(fixture: string, route?: string): string {
  const spec = PAGES[fixture];
  return `https://mail.google.com/mail/u/0/?fixture=${fixture}#${route ?? spec?.visible ?? 'inbox'}`;
}
