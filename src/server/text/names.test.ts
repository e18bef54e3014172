import { describe, expect, it } from 'vitest';
import { graphemeLength, nameProblem, truncateGraphemes } from './names';

describe('characters that have no place in a name', () => {
  it('refuses every bidirectional control, naming it', () => {
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x61c]) {
      const problem = nameProblem(`Nadia${String.fromCodePoint(cp)}gnp.exe`);
      expect(problem, cp.toString(16)).toMatchObject({ kind: 'bidi', index: 5, length: 1 });
      expect(problem?.char).toBe(`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
    }
  });

  it('refuses zero-width, invisible and control characters', () => {
    const cases: [string, string][] = [
      ['Nad\u200bia', 'U+200B'], // zero-width space
      ['Nad\u2060ia', 'U+2060'], // word joiner
      ['Nad\ufeffia', 'U+FEFF'], // zero-width no-break space
      ['Nad\u00adia', 'U+00AD'], // soft hyphen
      ['Nad\u0007ia', 'U+0007'], // a control
      ['\u3164', 'U+3164'], // Hangul filler: a "blank" name
      ['Nad\u2800ia', 'U+2800'], // blank Braille pattern
      ['Nad\u034fia', 'U+034F'], // combining grapheme joiner
      ['Nad\ue000ia', 'U+E000'], // private use
      ['Nadia\u{e0041}', 'U+E0041'], // a tag letter outside a flag
      ['\ufe0fNadia', 'U+FE0F'], // a variation selector alone
      ['Nadia \ufe0f', 'U+FE0F'],
      ['Na\u200cdia', 'U+200C'], // a non-joiner between Latin letters does nothing visible
      ['Na\u200ddia', 'U+200D'],
    ];
    for (const [name, char] of cases) expect(nameProblem(name), name).toMatchObject({ kind: 'invisible', char });
  });

  it('accepts names in every script, right-to-left ones included (never refused as "bidi")', () => {
    const names = [
      'نادية الهاشمي', // Arabic
      'מרים כהן', // Hebrew
      'प्रियंका शर्मा', // Hindi (Devanagari with viramas)
      'Наталья Кузнецова', // Russian
      'Ιωάννα Παπαδοπούλου', // Greek
      '王小明', // Chinese
      'Nguyễn Thị Minh Khai', // Vietnamese (stacked diacritics)
      'Zoë O’Brien-Łukasiewicz',
      'شاه‌رخ فرهنگ‌پور', // Persian with zero-width non-joiners between joining letters
      'ശ്രീലക്ഷ്മി', // Malayalam
      'ශ්‍රී ලංකා', // Sinhala: ZWJ after al-lakuna
      'Ana 👩‍💻', // an emoji ZWJ sequence
      'Ana ❤️', // an emoji with its variation selector
      'Ana 👍🏽', // a skin tone
      'Ana 🏴󠁧󠁢󠁳󠁣󠁴󠁿', // a subdivision flag (tag characters)
      'Ana 1️⃣', // a keycap
      '葛󠄀城', // an ideographic variation selector after its ideograph
    ];
    for (const name of names) expect(nameProblem(name), name).toBeNull();
  });
});

describe('lengths as people count them', () => {
  it('counts graphemes, not code units', () => {
    expect(graphemeLength('Nadia')).toBe(5);
    expect(graphemeLength('👩‍👩‍👧‍👦')).toBe(1);
    expect(graphemeLength('ने')).toBe(1);
    expect(graphemeLength('e\u0301')).toBe(1);
    expect(graphemeLength('')).toBe(0);
  });

  it('shortens without splitting a character', () => {
    expect(truncateGraphemes('ab👩‍💻cd', 3)).toBe('ab👩‍💻');
    expect(truncateGraphemes('😀😀😀', 2)).toBe('😀😀');
  });
});
