/**
 * Bad input never throws and never hangs: property-based tests (fast-check) over random bytes, random
 * text, and real bounces mutated (truncated, spliced, bytes flipped, boundaries duplicated, headers
 * mangled), plus fixed hostile cases (empty, binary, 10 MB bodies, deep nesting, invalid UTF-8).
 * Every verdict must keep its invariants.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../cli/corpus';
import { classifyRaw, classifyVisible } from '../../core/index';
import { REASON_WORDS } from '../../core/knowledge/reason-text';
import { POLICIES, type Verdict } from '../../core/types';

const CORPUS = join(CORPUS_DIR, 'eml');
const samples = readdirSync(CORPUS)
  .filter((f) => /^(lhost|rhost|rfc3464)/.test(f))
  .filter((_, i) => i % 9 === 0)
  .map((f) => new Uint8Array(readFileSync(join(CORPUS, f))));

const REASONS = new Set<string>(Object.keys(REASON_WORDS));

function checkInvariants(v: Verdict): void {
  expect(typeof v.isBounce).toBe('boolean');
  expect(POLICIES).toContain(v.policy);
  if (!v.isBounce) expect(v.recipients).toEqual([]);
  expect(Array.isArray(v.notes)).toBe(true);
  for (const r of v.recipients) {
    expect(typeof r.recipient).toBe('string');
    expect(['hard', 'soft']).toContain(r.bounce);
    expect(REASONS.has(r.reason)).toBe(true);
    expect(r.reasonText.length).toBeGreaterThan(0);
    expect(r.decision.policy).toBe(v.policy);
    if (r.status) {
      expect(r.status).toMatch(/^[245]\.\d{1,3}\.\d{1,3}$/);
      expect(r.statusInfo?.code).toBe(r.status);
    }
    if (r.replyCode) expect(r.replyCode).toMatch(/^[245]\d\d$/);
    // The verdict must survive structured cloning (it crosses the extension's message channel).
    expect(() => structuredClone(r)).not.toThrow();
  }
}

/** Mutations of a real bounce. */
const mutate = (bytes: Uint8Array) =>
  fc.oneof(
    fc.nat({ max: bytes.length }).map((n) => bytes.subarray(0, n)),
    fc.tuple(fc.nat({ max: bytes.length }), fc.uint8Array({ maxLength: 200 })).map(([at, junk]) => {
      const out = new Uint8Array(bytes.length + junk.length);
      out.set(bytes.subarray(0, at));
      out.set(junk, at);
      out.set(bytes.subarray(at), at + junk.length);
      return out;
    }),
    fc
      .array(fc.tuple(fc.nat({ max: Math.max(0, bytes.length - 1) }), fc.integer({ min: 0, max: 255 })), {
        maxLength: 50,
      })
      .map((flips) => {
        const out = bytes.slice();
        for (const [i, b] of flips) out[i] = b;
        return out;
      }),
    fc.nat({ max: bytes.length }).map((at) => {
      // duplicate a chunk (boundaries, headers) many times
      const chunk = bytes.subarray(at, Math.min(bytes.length, at + 80));
      const parts: Uint8Array[] = [bytes.subarray(0, at)];
      for (let i = 0; i < 50; i++) parts.push(chunk);
      parts.push(bytes.subarray(at));
      const len = parts.reduce((a, p) => a + p.length, 0);
      const out = new Uint8Array(len);
      let o = 0;
      for (const p of parts) {
        out.set(p, o);
        o += p.length;
      }
      return out;
    }),
  );

describe('bad input never throws', () => {
  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), async (b) =>
        checkInvariants(await classifyRaw(b)),
      ),
      { numRuns: 150 },
    );
  });

  it('random text, as raw and as visible text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 3000, unit: 'binary' }),
        fc.constantFrom(...POLICIES),
        async (s, policy) => {
          checkInvariants(await classifyRaw(s, { policy }));
          checkInvariants(
            classifyVisible({ text: s, subject: s.slice(0, 40), from: s.slice(40, 80) }, { policy }),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('text built from bounce vocabulary', async () => {
    const words = [
      '550',
      '5.1.1',
      '452-4.2.2',
      '<a@b.example>',
      'a@b.example:',
      'host',
      'said:',
      'Remote Server returned',
      "'",
      '\n',
      '\n\n',
      '    ',
      'Diagnostic-Code: smtp;',
      'Final-Recipient: rfc822;',
      'Status:',
      '--',
      '-----',
      'Content-Type: multipart/report; boundary=x',
      '--x',
      '(in reply to RCPT TO command)',
      'User unknown',
      '>>>',
      '<<<',
      'Delivery has failed to these recipients or groups:',
      'Original message headers:',
      'Received: from x',
    ];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...words), { maxLength: 300 }), async (ws) => {
        const s = ws.join(' ');
        checkInvariants(
          await classifyRaw(`From: MAILER-DAEMON@x.example\nSubject: Undelivered Mail\n\n${s}`),
        );
        checkInvariants(classifyVisible({ text: s, from: 'mailer-daemon@x.example' }));
      }),
      { numRuns: 200 },
    );
  });

  it('real bounces, mutated', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...samples).chain((b) => mutate(b)),
        async (b) => checkInvariants(await classifyRaw(b)),
      ),
      { numRuns: 200 },
    );
  });
});

describe('hostile input: partial verdicts with notes, no exceptions', () => {
  it('empty and binary input', async () => {
    for (const input of [
      new Uint8Array(0),
      '',
      '\n\n\n',
      new Uint8Array(4096).fill(0),
      new Uint8Array(4096).map((_, i) => (i * 7919) & 255),
    ]) {
      const v = await classifyRaw(input);
      checkInvariants(v);
      expect(v.isBounce).toBe(false);
    }
  });

  it('a 10 MB body, invalid UTF-8, and a truncated MIME report', async () => {
    const head =
      'From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail Returned to Sender\nContent-Type: text/plain\n\n';
    const big = await classifyRaw(
      `${head}<a@example.com>: host mx said: 550 5.1.1 unknown\n${'x'.repeat(10 * 1024 * 1024)}`,
    );
    checkInvariants(big);
    expect(big.recipients[0]?.recipient).toBe('a@example.com');
    expect(big.notes.join(' ')).toMatch(/cut/);

    const invalid = new Uint8Array([
      ...Buffer.from(head),
      0xff,
      0xfe,
      0xc3,
      0x28,
      0xa0,
      0xa1,
      ...Buffer.from('\n<a@example.com>: 550 5.1.1 unknown\n'),
    ]);
    checkInvariants(await classifyRaw(invalid));

    const truncated = `From: MAILER-DAEMON@example.org
Subject: Undelivered Mail Returned to Sender
Content-Type: multipart/report; report-type=delivery-status; boundary=B

--B
Content-Type: text/plain

<a@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.1 unknown (in reply to RCPT TO command)
--B
Content-Type: message/delivery-status

Final-Recipient: rfc822; a@example.com
Action: fail`;
    const t = await classifyRaw(truncated);
    checkInvariants(t);
    expect(t.isBounce).toBe(true);
    expect(t.recipients[0]?.recipient).toBe('a@example.com');
    expect(t.notes.join(' ')).toMatch(/truncated/i);
  });

  it('deeply nested multiparts and malformed headers', async () => {
    let nested = 'Content-Type: text/plain\n\n<a@example.com>: 550 5.1.1 unknown\n';
    for (let i = 0; i < 300; i++)
      nested = `Content-Type: multipart/mixed; boundary=b${i}\n\n--b${i}\n${nested}\n--b${i}--\n`;
    const v = await classifyRaw(`From: MAILER-DAEMON@example.org\nSubject: Returned mail\n${nested}`);
    checkInvariants(v);
    expect(v.notes.join(' ')).toMatch(/nesting/i);

    const headers = `From: ${'<'.repeat(5000)}\nSubject: =?utf-8?B?${'!'.repeat(3000)}?=\nContent-Type: multipart/report; boundary="\n: : :\n\tfolded\n\nbody`;
    checkInvariants(await classifyRaw(headers));
  });

  it('more than 300 MIME parts: the rest is not read, and that is noted once', async () => {
    const parts = Array.from({ length: 310 }, (_, i) => `--P\nContent-Type: text/plain\n\npart ${i}\n`).join(
      '',
    );
    const v = await classifyRaw(
      `From: MAILER-DAEMON@example.org\nSubject: Returned mail\nContent-Type: multipart/mixed; boundary=P\n\n${parts}--P--\n`,
    );
    checkInvariants(v);
    expect(v.notes.filter((n) => n.startsWith('More than 300 MIME parts'))).toHaveLength(1);
  });
});
