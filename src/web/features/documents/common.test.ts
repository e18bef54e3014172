// A language's bar: "% translated" counts translated and proofread units over all units, rounded down (so 100%
// means every unit), and the four segments always fill the bar exactly.
import { describe, expect, it } from 'vitest';
import { bar, languageOf, textDir } from './common';

const progress = (translated: number, proofread: number, outdated: number, untranslated: number) => ({
  language: 'ar',
  translated,
  proofread,
  outdated,
  untranslated,
  priority: false,
});

describe('language bars', () => {
  it('count translated and proofread units as translated, rounded down', () => {
    const b = bar(progress(60, 18, 5, 17), 'en');
    expect(b.percent).toBe(78);
    expect(b.units).toBe(100);
    expect(bar(progress(199, 0, 0, 1), 'en').percent).toBe(99);
    expect(bar(progress(0, 3, 0, 0), 'en').percent).toBe(100);
  });

  it('fill the bar exactly with the four segments', () => {
    for (const p of [progress(1, 1, 1, 0), progress(2, 0, 1, 4), progress(0, 0, 0, 7)]) {
      const { widths } = bar(p, 'en');
      const sum = widths.proofread + widths.translated + widths.outdated + widths.untranslated;
      expect(sum).toBeCloseTo(100, 1);
    }
  });

  it('show an empty bar for a document without units', () => {
    const b = bar(progress(0, 0, 0, 0), 'en');
    expect(b.percent).toBe(0);
    expect(b.widths.untranslated).toBe(100);
  });

  it('name the language in the reader’s language, with its direction', () => {
    expect(bar(progress(1, 0, 0, 0), 'en').name).toBe('Arabic');
    expect(bar(progress(1, 0, 0, 0), 'en').dir).toBe('rtl');
    expect(textDir('en')).toBe('ltr');
  });
});

describe('languages in addresses', () => {
  it('take codes as MediaWiki writes them and nothing else (the first of a repeated one)', () => {
    expect(languageOf('pt-br')).toBe('pt-br');
    expect(languageOf('ar')).toBe('ar');
    expect(languageOf('AR')).toBeUndefined();
    expect(languageOf('../x')).toBeUndefined();
    expect(languageOf(['ar', 'fr'])).toBe('ar');
    expect(languageOf(undefined)).toBeUndefined();
  });
});
