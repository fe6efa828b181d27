/**
 * The classifier decodes base64 and quoted-printable parts itself (for speed, see core/extract/mime.ts);
 * postal-mime, the well-kept parser, is the reference: on every encoded text, HTML and
 * delivery-status part of the corpus, and on edge cases, both must give the same text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import {
  binaryToBytes,
  decodePart,
  parseHeaderBlock,
  scanMessage,
  toBinaryString,
  transferDecode,
} from '../../core/extract/mime';

const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'eml');

async function reference(part: {
  headers: ReturnType<typeof parseHeaderBlock>;
  params: Record<string, string>;
  body: string;
}) {
  const cte = part.headers.get('content-transfer-encoding');
  const charset = part.params.charset;
  const head = `Content-Type: text/plain${charset ? `; charset="${charset.replace(/"/g, '')}"` : ''}\n${cte ? `Content-Transfer-Encoding: ${cte}\n` : ''}\n`;
  // postal-mime ends every text part with a line break; the comparison ignores that one character.
  return ((await PostalMime.parse(binaryToBytes(head + part.body))).text ?? '').replace(/\n$/, '');
}
const same = (s: string) => s.replace(/\n$/, '');

describe('transfer decoding agrees with postal-mime', () => {
  it('on every base64 / quoted-printable part of the corpus', async () => {
    let checked = 0;
    for (const f of readdirSync(CORPUS)) {
      const sk = scanMessage(toBinaryString(readFileSync(join(CORPUS, f))));
      for (const p of sk.parts) {
        if (p.role !== 'text' && p.role !== 'html' && p.role !== 'dsn') continue;
        const cte = (p.headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
        if (cte !== 'base64' && cte !== 'quoted-printable') continue;
        const ours = (await decodePart(p)).text;
        expect(same(ours), `${f} ${p.type} ${cte}`).toBe(await reference(p));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('on edge cases: soft breaks, trailing white space, stray "=", lower-case hex, bad base64', async () => {
    const qp = [
      'caf=C3=A9 soft=\nbreak and =3D sign',
      'trailing space soft break= \t\nnext',
      'stray = sign and =ZZ and =4',
      'lower =c3=a9 hex',
      'ends with =',
    ];
    for (const body of qp) {
      const part = {
        headers: parseHeaderBlock('Content-Transfer-Encoding: quoted-printable'),
        params: { charset: 'utf-8' },
        body,
        type: 'text/plain',
      };
      expect(same((await decodePart(part)).text), body).toBe(await reference(part));
    }
    const b64 = ['aGVsbG8gd29ybGQ=', 'aGVsbG8g\nd29y bGQ', 'aGVsbG8gd29ybGQ', '!!aGVs**bG8=', ''];
    for (const body of b64) {
      const part = {
        headers: parseHeaderBlock('Content-Transfer-Encoding: base64'),
        params: { charset: 'utf-8' },
        body,
        type: 'text/plain',
      };
      expect(same((await decodePart(part)).text), body).toBe(await reference(part));
    }
    expect(transferDecode('x', '7bit')).toBeUndefined();
  });
});
