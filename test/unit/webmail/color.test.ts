import { afterAll, describe, expect, it } from 'vitest';
import { backgroundScheme, luminance, paintedBackground, parseColor } from '../../../webmail/color';
import { closeWindows, loadPage } from './outlook-fixtures';

afterAll(closeWindows);

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
    expect(parseColor('rgb(41, 41, 41)')).toEqual({ r: 41, g: 41, b: 41, a: 1 });
    expect(parseColor('rgba(255, 255, 255, 0)')).toEqual({ r: 255, g: 255, b: 255, a: 0 });
    expect(parseColor('#29292980')?.a).toBeCloseTo(0.5, 1);
    expect(parseColor('color(srgb 1 1 1)')).toBeUndefined();
  });

  it('luminance separates light from dark', () => {
    expect(luminance({ r: 255, g: 255, b: 255, a: 1 })).toBeCloseTo(1);
    expect(luminance({ r: 0, g: 0, b: 0, a: 1 })).toBe(0);
    expect(luminance(parseColor('#e8eaed') as NonNullable<ReturnType<typeof parseColor>>)).toBeGreaterThan(
      0.5,
    );
    expect(luminance(parseColor('#1f1f1f') as NonNullable<ReturnType<typeof parseColor>>)).toBeLessThan(0.2);
  });

  it('a background is dark when white text reads better on it', () => {
    const c = (v: string) => parseColor(v) as NonNullable<ReturnType<typeof parseColor>>;
    expect(backgroundScheme(c('#292929'))).toBe('dark');
    expect(backgroundScheme(c('#1f1f1f'))).toBe('dark');
    expect(backgroundScheme(c('#faf9f8'))).toBe('light');
    expect(backgroundScheme(c('#808080'))).toBe('light');
    expect(luminance({ r: 41, g: 41, b: 41, a: 1 })).toBeLessThan(0.05);
  });

  it('paintedBackground: the first mostly opaque background from the element up', () => {
    const doc = loadPage(
      '<html><body style="background-color:#1f1f1f"><div id="a" style="background-color:rgba(255,255,255,0.2)"><p id="p">x</p></div><div id="b" style="background-color:#ffffff"><span id="s">y</span></div></body></html>',
      'https://outlook.live.com/mail/0/',
    );
    expect(paintedBackground(doc.getElementById('p') as Element)).toEqual({ r: 31, g: 31, b: 31, a: 1 });
    expect(paintedBackground(doc.getElementById('s') as Element)).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    const bare = loadPage('<html><body><p id="p">x</p></body></html>', 'https://outlook.live.com/mail/0/');
    expect(paintedBackground(bare.getElementById('p') as Element)).toBeUndefined();
  });
});
