import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handleClassifyRequest } from '../../../webmail/classify-service';
import {
  binaryToBytes,
  bytesToBinary,
  CLASSIFY_MESSAGE,
  type ClassifyRequest,
  isClassifyRequest,
  toRequest,
} from '../../../webmail/messages';
import { GMAIL_FIXTURES } from './helpers';

const corpus = (name: string) => new Uint8Array(readFileSync(join(GMAIL_FIXTURES, '..', 'corpus', name)));

describe('content script <-> background protocol', () => {
  it('raw bytes survive the trip as a binary string, every byte value included', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => i % 256);
    const back = binaryToBytes(JSON.parse(JSON.stringify(bytesToBinary(bytes))));
    expect(back).toEqual(bytes);
  });

  it('builds and recognises requests, rejects anything else', () => {
    const raw = toRequest({ raw: new Uint8Array([65, 66]) }, 'sinch');
    expect(raw).toEqual({ type: CLASSIFY_MESSAGE, policy: 'sinch', rawBinary: 'AB' });
    const vis = toRequest({ visible: { text: 't', subject: 's' } }, 'rfc');
    expect(isClassifyRequest(raw)).toBe(true);
    expect(isClassifyRequest(vis)).toBe(true);
    for (const junk of [
      null,
      'x',
      {},
      { type: CLASSIFY_MESSAGE },
      { type: 'other', policy: 'rfc', rawBinary: '' },
    ]) {
      expect(isClassifyRequest(junk)).toBe(false);
    }
    expect(isClassifyRequest({ type: CLASSIFY_MESSAGE, policy: 'rfc', visible: { text: 1 } })).toBe(false);
  });
});

describe('background classification (real core)', () => {
  it('classifies a raw bounce and returns the verdict with its summary', async () => {
    const res = await handleClassifyRequest(toRequest({ raw: corpus('lhost-gmail-01.eml') }, 'rfc'));
    if (!res.ok) throw new Error(res.error);
    expect(res.verdict.isBounce).toBe(true);
    expect(res.verdict.source).toBe('raw');
    expect(res.verdict.recipients[0]?.recipient).toBe('userunknown@example.jp');
    expect(res.verdict.recipients[0]?.status).toBe('5.1.1');
    expect(res.summary).toContain('userunknown@example.jp');
  });

  it('classifies visible text, under the requested policy', async () => {
    const text =
      "Address not found\n\nYour message wasn't delivered to userunknown@example.jp because the address couldn't be found.\n\nThe response from the remote server was:\n\n550 5.1.1 <userunknown@example.jp>... User Unknown";
    const res = await handleClassifyRequest({
      type: CLASSIFY_MESSAGE,
      policy: 'recipient',
      visible: {
        text,
        from: 'mailer-daemon@googlemail.com',
        subject: 'Delivery Status Notification (Failure)',
      },
    });
    if (!res.ok) throw new Error(res.error);
    expect(res.verdict.source).toBe('visible-text');
    expect(res.verdict.policy).toBe('recipient');
    expect(res.verdict.recipients[0]?.recipient).toBe('userunknown@example.jp');
  });

  it('falls back to the rfc policy and drops unexpected fields', async () => {
    const req = {
      type: CLASSIFY_MESSAGE,
      policy: 'nonsense',
      visible: { text: 'hello', subject: 42, from: ['x'] },
    } as unknown as ClassifyRequest;
    const res = await handleClassifyRequest(req);
    if (!res.ok) throw new Error(res.error);
    expect(res.verdict.policy).toBe('rfc');
    expect(res.verdict.isBounce).toBe(false);
  });
});
