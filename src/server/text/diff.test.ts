import { describe, expect, it } from 'vitest';
import { diffLines, diffText } from './diff';

describe('the line diff of source changes', () => {
  it('keeps common lines and shows what was removed and added, in order', () => {
    expect(diffLines(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e'])).toEqual([
      { op: 'same', text: 'a' },
      { op: 'removed', text: 'b' },
      { op: 'added', text: 'x' },
      { op: 'same', text: 'c' },
      { op: 'same', text: 'd' },
      { op: 'added', text: 'e' },
    ]);
  });

  it('handles empty texts and identical ones', () => {
    expect(diffText('', 'new')).toEqual([
      { op: 'removed', text: '' },
      { op: 'added', text: 'new' },
    ]);
    expect(diffText('same\ntext', 'same\ntext').every((p) => p.op === 'same')).toBe(true);
    expect(diffLines([], [])).toEqual([]);
  });
});
