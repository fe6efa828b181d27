import { describe, expect, it } from 'vitest';
import { visibleText } from '../../../webmail/text';

function el(build: (root: HTMLElement) => void): HTMLElement {
  const root = document.createElement('div');
  build(root);
  return root;
}

function add(parent: Element, tag: string, text?: string, attrs: Record<string, string> = {}): HTMLElement {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  parent.append(e);
  return e;
}

describe('visibleText', () => {
  it('breaks lines at <br> and blocks, collapses white space, keeps &nbsp; indentation', () => {
    const root = el((r) => {
      r.append('one   two\n three');
      add(r, 'br');
      r.append('\n\u00a0 \u00a0 indented');
      add(r, 'div', 'block');
      add(r, 'span', 'inline');
    });
    expect(visibleText(root)).toBe('one two three\n    indented\nblock\ninline');
  });

  it('paragraphs are separated by a blank line, like innerText', () => {
    const root = el((r) => {
      add(r, 'p', 'first');
      add(r, 'p', 'second');
    });
    expect(visibleText(root)).toBe('first\n\nsecond');
  });

  it('keeps <pre> text as is', () => {
    const root = el((r) => add(r, 'pre', 'a   b\n    c'));
    expect(visibleText(root)).toBe('a   b\n    c');
  });

  it('skips hidden parts, scripts and styles, reads emoji images', () => {
    const root = el((r) => {
      add(r, 'div', 'shown');
      add(r, 'div', 'gone', { style: 'display: none' });
      add(r, 'div', 'gone too', { hidden: '' });
      add(r, 'script', 'var x = 1;');
      add(r, 'style', '.a{}');
      add(r, 'img', undefined, { 'data-emoji': '📨', alt: 'x' });
      add(r, 'img', undefined, { alt: 'tracking pixel' });
    });
    expect(visibleText(root)).toBe('shown\n📨');
  });

  it('survives very deep nesting and stops at the limit', () => {
    const root = document.createElement('div');
    let cur: Element = root;
    for (let i = 0; i < 20_000; i++) cur = add(cur, i % 2 ? 'span' : 'div');
    cur.textContent = 'deep';
    expect(visibleText(root)).toBe('deep');
    const long = el((r) => r.append('x'.repeat(5000)));
    expect(visibleText(long, 100)).toHaveLength(100);
  });

  it('is linear on long runs of white space', () => {
    const root = el((r) => add(r, 'pre', `a${' '.repeat(200_000)}b${' \u00a0'.repeat(100_000)}`));
    // A quadratic pass over these runs would not finish within the test timeout.
    const text = visibleText(root, 1_000_000);
    expect(text.startsWith('a')).toBe(true);
    expect(text.endsWith('b')).toBe(true);
  });
});
