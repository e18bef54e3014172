// The first FAQ is complete in every interface language: the same questions in the same order, each answer
// with the links and the Markdown of the English one.
import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from '../../../contracts/languages';
import { FAQ_TEXTS } from './demo-texts';

const links = (text: string) => (text.match(/https:\/\/[^\s)]+/g) ?? []).map((l) => l.replace(/[.,;]$/, ''));
const shape = (text: string) => ({
  links: links(text),
  paragraphs: text.split('\n\n').length,
  listItems: (text.match(/^\d+\. /gm) ?? []).length,
  bold: (text.match(/\*\*/g) ?? []).length,
});

describe('the first FAQ', () => {
  const english = FAQ_TEXTS.en ?? [];

  it('exists in every interface language, with as many entries as in English', () => {
    expect(Object.keys(FAQ_TEXTS).sort()).toEqual([...UI_LANGUAGES].sort());
    expect(english.length).toBeGreaterThan(0);
    for (const lang of UI_LANGUAGES) expect(FAQ_TEXTS[lang], lang).toHaveLength(english.length);
  });

  it('gives each entry the links, paragraphs, list and emphasis of the English one, in its own words', () => {
    for (const lang of UI_LANGUAGES) {
      if (lang === 'en') continue;
      for (const [i, [question, answer]] of (FAQ_TEXTS[lang] ?? []).entries()) {
        const [enQuestion, enAnswer] = english[i] ?? ['', ''];
        expect(question, `${lang} ${i}`).not.toBe(enQuestion);
        expect(answer, `${lang} ${i}`).not.toBe(enAnswer);
        expect(shape(answer), `${lang} ${i}`).toEqual(shape(enAnswer));
      }
    }
  });
});
