import { describe, expect, it } from 'vitest';
import { formatList } from './list';

describe('lists shown to people', () => {
  it('are joined as their language joins them, English as before', () => {
    expect(formatList(['Ana', 'Bo', 'Chen'], 'en')).toBe('Ana, Bo, Chen');
    expect(formatList(['أ', 'ب'], 'ar')).toBe('أ وب');
    expect(formatList(['inglés', 'hindi'], 'es')).toBe('inglés e hindi');
    expect(formatList(['A', 'B'], 'ru')).toBe('A, B');
  });

  it('are empty or the one item when there are no more', () => {
    expect(formatList([], 'ar')).toBe('');
    expect(formatList(['Ana'], 'hi')).toBe('Ana');
  });
});
