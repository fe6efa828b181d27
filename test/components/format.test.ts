import { describe, expect, it } from 'vitest';
import { bounceLabel, isBadgeable, primaryRecipient, safeHttpUrl, shortCode } from '../../components/format';
import { notBounce, recipient, verdict } from '../fixtures/verdicts';

describe('format helpers', () => {
  it('primary recipient is the first failed one', () => {
    const v = verdict({
      recipients: [recipient({ recipient: 'a@x', dsnAction: 'delayed' }), recipient({ recipient: 'b@x' })],
    });
    expect(primaryRecipient(v)?.recipient).toBe('b@x');
    expect(
      primaryRecipient(verdict({ recipients: [recipient({ recipient: 'c@x', dsnAction: 'delayed' })] }))
        ?.recipient,
    ).toBe('c@x');
  });

  it('badgeable only for bounces with recipients', () => {
    expect(isBadgeable(verdict())).toBe(true);
    expect(isBadgeable(notBounce())).toBe(false);
    expect(isBadgeable(verdict({ recipients: [] }))).toBe(false);
  });

  it('labels and codes', () => {
    expect(bounceLabel({ policy: 'sinch', bounce: 'soft', label: 'RETRY', rule: '', why: '' })).toBe('RETRY');
    expect(bounceLabel({ policy: 'rfc', bounce: 'soft', label: 'SOFT', rule: '', why: '' })).toBe('SOFT');
    expect(shortCode(recipient({ status: undefined }))).toBe('550');
    expect(shortCode(recipient({ status: undefined, replyCode: undefined }))).toBe('no code');
  });

  it('safe URLs: http(s) only, no credentials', () => {
    expect(safeHttpUrl('https://example.org/a')).toBe('https://example.org/a');
    expect(safeHttpUrl('http://example.org')).toBe('http://example.org/');
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('data:text/html,x')).toBeUndefined();
    expect(safeHttpUrl('https://user:pw@example.org/')).toBeUndefined();
    expect(safeHttpUrl('not a url')).toBeUndefined();
  });
});
