import { describe, expect, it } from 'vitest';
import { diffLines, diffText, diffWords } from './diff';

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

describe('the word diff', () => {
  const join = (parts: { op: string; text: string }[], keep: string) =>
    parts
      .filter((p) => p.op === 'same' || p.op === keep)
      .map((p) => p.text)
      .join('');

  it('marks changed words, keeps both texts whole and merges neighbours of one op', () => {
    const before = 'The quick brown fox jumps.';
    const after = 'The slow brown fox jumps high!';
    const parts = diffWords(before, after, 'en');
    expect(parts).toEqual([
      { op: 'same', text: 'The ' },
      { op: 'removed', text: 'quick' },
      { op: 'added', text: 'slow' },
      { op: 'same', text: ' brown fox jumps' },
      { op: 'removed', text: '.' },
      { op: 'added', text: ' high!' },
    ]);
    expect(join(parts, 'removed')).toBe(before);
    expect(join(parts, 'added')).toBe(after);
    for (let i = 1; i < parts.length; i++) expect(parts[i]?.op).not.toBe(parts[i - 1]?.op);
  });

  it('cuts Chinese and Thai into words, not characters or whole sentences', () => {
    expect(diffWords('我们的领导力发展网络很重要。', '我们的领导力培训网络很重要。', 'zh')).toEqual([
      { op: 'same', text: '我们的领导力' },
      { op: 'removed', text: '发展' },
      { op: 'added', text: '培训' },
      { op: 'same', text: '网络很重要。' },
    ]);
    const thai = diffWords('ภาษาไทยเป็นภาษาที่สวยงาม', 'ภาษาไทยเป็นภาษาที่ยากมาก', 'th');
    expect(thai[0]).toEqual({ op: 'same', text: 'ภาษาไทยเป็นภาษาที่' });
    expect(join(thai, 'removed')).toBe('ภาษาไทยเป็นภาษาที่สวยงาม');
    expect(join(thai, 'added')).toBe('ภาษาไทยเป็นภาษาที่ยากมาก');
  });

  it('diffs Arabic by whole words', () => {
    expect(diffWords('مرحبا بالعالم الجميل', 'مرحبا بالعالم الكبير', 'ar')).toEqual([
      { op: 'same', text: 'مرحبا بالعالم ' },
      { op: 'removed', text: 'الجميل' },
      { op: 'added', text: 'الكبير' },
    ]);
  });

  it('takes an unknown or malformed language, and empty texts', () => {
    expect(diffWords('a b', 'a c', 'not a language!')).toEqual([
      { op: 'same', text: 'a ' },
      { op: 'removed', text: 'b' },
      { op: 'added', text: 'c' },
    ]);
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('', 'new')).toEqual([{ op: 'added', text: 'new' }]);
    expect(diffWords('same', 'same')).toEqual([{ op: 'same', text: 'same' }]);
  });
});
