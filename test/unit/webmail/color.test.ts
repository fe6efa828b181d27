import { describe, expect, it } from 'vitest';
import { luminance, parseColor } from '../../../webmail/color';

describe('parseColor / luminance', () => {
  it('reads the forms browsers and happy-dom report', () => {
    expect(parseColor('rgb(232, 234, 237)')).toEqual({ r: 232, g: 234, b: 237, a: 1 });
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseColor('rgb(31 31 31 / 50%)')).toEqual({ r: 31, g: 31, b: 31, a: 0.5 });
    expect(parseColor('#e8eaed')).toEqual({ r: 232, g: 234, b: 237, a: 1 });
    expect(parseColor('#fff')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColor('transparent')?.a).toBe(0);
    expect(parseColor('')).toBeUndefined();
    expect(parseColor('hsl(0 0% 0%)')).toBeUndefined();
    expect(parseColor('#zzzzzz')).toBeUndefined();
  });

  it('luminance separates light from dark', () => {
    expect(luminance({ r: 255, g: 255, b: 255, a: 1 })).toBeCloseTo(1);
    expect(luminance({ r: 0, g: 0, b: 0, a: 1 })).toBe(0);
    expect(luminance(parseColor('#e8eaed') as NonNullable<ReturnType<typeof parseColor>>)).toBeGreaterThan(
      0.5,
    );
    expect(luminance(parseColor('#1f1f1f') as NonNullable<ReturnType<typeof parseColor>>)).toBeLessThan(0.2);
  });
});
