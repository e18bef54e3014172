// The page's `t` remembers results and reuses one Banana per messages object: it must answer exactly as a fresh,
// unchanged banana-i18n does, for every count, parameter and language.
import fs from 'node:fs';
import path from 'node:path';
import Banana from 'banana-i18n';
import { describe, expect, it } from 'vitest';
import { i18nDir } from '../server/http/i18n';
import { createI18n, MAX_MEMO_KEY, MEMO_ENTRIES } from './i18n';

const COUNTS = [0, 1, 2, 3, 5, 11, 21, 101];

const read = (lang: string): Record<string, string> => {
  const raw = JSON.parse(fs.readFileSync(path.join(i18nDir, `${lang}.json`), 'utf8')) as Record<string, string>;
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !k.startsWith('@')));
};
/** A language's messages with English under them, as the server gives them to pages. */
const pageMessages = (lang: string) => ({ ...read('en'), ...read(lang) });

/** The library as it comes: a new Banana for every call, nothing remembered or reused. */
function fresh(lang: string, messages: Record<string, string>, key: string, ...params: unknown[]): string {
  const banana = new Banana(lang);
  banana.load(messages, lang);
  return banana.i18n(key, ...(params as (string | number)[]));
}

const PLURALS: Record<string, Record<string, string>> = {
  en: { things: '{{PLURAL:$1|$1 thing|$1 things}}', zero: '{{PLURAL:$1|0=nothing|$1 thing|$1 things}}' },
  ru: { things: '{{PLURAL:$1|$1 вещь|$1 вещи|$1 вещей}}', zero: '{{PLURAL:$1|0=ничего|$1 вещь|$1 вещи|$1 вещей}}' },
  ar: {
    things: '{{PLURAL:$1|لا شيء|شيء واحد|شيئان|$1 أشياء|$1 شيئًا|$1 شيء}}',
    zero: '{{PLURAL:$1|0=صفر|شيء واحد|شيئان|$1 أشياء|$1 شيئًا|$1 شيء}}',
  },
};

describe('interface messages in pages', () => {
  for (const lang of ['en', 'ru', 'ar']) {
    it(`chooses the same plural forms as banana-i18n in ${lang}, asked twice`, () => {
      const messages = { ...PLURALS[lang] };
      const { t } = createI18n(lang, lang === 'ar' ? 'rtl' : 'ltr', messages);
      for (const round of [1, 2]) {
        for (const key of Object.keys(messages)) {
          for (const n of COUNTS) {
            expect(t(key, n), `${key} ${n}, round ${round}`).toBe(fresh(lang, messages, key, n));
            expect(t(key, String(n)), `${key} '${n}', round ${round}`).toBe(fresh(lang, messages, key, String(n)));
          }
        }
      }
      // The forms really differ, so a wrong memo could not go unseen.
      expect(new Set(COUNTS.map((n) => t('things', n).replace(/\d+/g, ''))).size).toBeGreaterThan(1);
    });

    it(`answers every ${lang} interface message as banana-i18n does`, () => {
      const messages = pageMessages(lang);
      const reference = new Banana(lang);
      reference.load(messages, lang);
      const { t } = createI18n(lang, lang === 'ar' ? 'rtl' : 'ltr', messages);
      const wrong: string[] = [];
      for (const round of [1, 2]) {
        for (const key of Object.keys(messages)) {
          for (const n of COUNTS) {
            const expected = reference.i18n(key, n, n + 1, `p${n}`, n);
            if (t(key, n, n + 1, `p${n}`, n) !== expected) wrong.push(`${key} ${n} (round ${round})`);
          }
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('puts $1 parameters in, and different parameters never share a remembered result', () => {
    const messages = { pair: '[$1][$2]', one: 'say $1', formatted: '{{formatnum:$1}}' };
    const { t } = createI18n('en', 'ltr', messages);
    const calls: unknown[][] = [
      ['pair', 'a b', 'c'],
      ['pair', 'a', 'b c'],
      ['pair', 'a,b', 'c'],
      ['pair', 'a', 'b,c'],
      ['pair', 'a","b'],
      ['pair', 'a', 'b'],
      ['pair', 'a'],
      ['pair'],
      ['pair', '1', 2],
      ['pair', 1, '2'],
      ['one', 'x'],
      ['one', 'x', 'y'],
      ['one', 'x\u0000y'],
      ['one', 'x'],
      ['formatted', 0],
      ['formatted', -0],
      ['formatted', 1234.5],
      ['formatted', NaN],
      ['formatted', 'NaN'],
      ['formatted', Infinity],
    ];
    for (const round of [1, 2]) {
      for (const [key, ...params] of calls) {
        expect(t(key as string, ...params), `${JSON.stringify([key, ...params])}, round ${round}`).toBe(
          fresh('en', messages, key as string, ...params),
        );
      }
    }
    expect(t('pair', 'a b', 'c')).toBe('[a b][c]');
    expect(t('pair', 'a', 'b c')).toBe('[a][b c]');
    expect(t('formatted', -0)).not.toBe(t('formatted', 0));
  });

  it('formats numbers as banana-i18n does in every interface language', () => {
    const messages = { n: '{{formatnum:$1}}', r: '{{formatnum:$1|R}}' };
    for (const lang of ['en', 'ar', 'es', 'fr', 'ru', 'hi']) {
      const { t } = createI18n(lang, lang === 'ar' ? 'rtl' : 'ltr', messages);
      for (const round of [1, 2]) {
        for (const v of [0, 7, 1234.5, 1e6, -42, '12', 'abc', '١٢٣']) {
          expect(t('n', v), `${lang} n ${v}, round ${round}`).toBe(fresh(lang, messages, 'n', v));
          expect(t('r', v), `${lang} r ${v}, round ${round}`).toBe(fresh(lang, messages, 'r', v));
        }
      }
    }
  });

  it('gives back the key of a missing message', () => {
    const { t } = createI18n('ru', 'ltr', { known: 'известно' });
    for (const round of [1, 2]) {
      expect(t('nowhere-to-be-found'), `round ${round}`).toBe('nowhere-to-be-found');
      expect(t('nowhere-to-be-found', 3), `round ${round}`).toBe('nowhere-to-be-found');
      expect(t('known'), `round ${round}`).toBe('известно');
    }
  });

  it('keeps languages apart, also when they share a messages object', () => {
    const en = { things: '{{PLURAL:$1|$1 thing|$1 things}}', hello: 'Hello $1' };
    const ru = { things: '{{PLURAL:$1|$1 вещь|$1 вещи|$1 вещей}}', hello: 'Привет, $1' };
    const tEn = createI18n('en', 'ltr', en).t;
    const tRu = createI18n('ru', 'ltr', ru).t;
    for (const n of COUNTS) {
      expect(tEn('things', n)).toBe(fresh('en', en, 'things', n));
      expect(tRu('things', n)).toBe(fresh('ru', ru, 'things', n));
    }
    expect([tEn('hello', 'Ann'), tRu('hello', 'Ann'), tEn('hello', 'Ann')]).toEqual([
      'Hello Ann',
      'Привет, Ann',
      'Hello Ann',
    ]);

    // One object read in two languages: the plural rules are each language's own (5 is "other" in English,
    // "many" in Russian).
    const shared = { forms: '{{PLURAL:$1|one|few|many|other}}' };
    const a = createI18n('en', 'ltr', shared).t;
    const b = createI18n('ru', 'ltr', shared).t;
    expect([a('forms', 5), b('forms', 5), a('forms', 5)]).toEqual([
      fresh('en', shared, 'forms', 5),
      fresh('ru', shared, 'forms', 5),
      fresh('en', shared, 'forms', 5),
    ]);
    expect(a('forms', 5)).not.toBe(b('forms', 5));
  });

  it('does not remember calls with object parameters or long parameters', () => {
    const { t } = createI18n('en', 'ltr', { say: 'say $1' });
    let word = 'one';
    const param = { toString: () => word };
    expect(t('say', param)).toBe('say one');
    word = 'two';
    expect(t('say', param)).toBe('say two');
    const long = 'x'.repeat(MAX_MEMO_KEY);
    expect(t('say', long)).toBe(`say ${long}`);
    expect(t('say', undefined)).toBe('say $1');
  });

  it('stays right when the memo fills up and is emptied', () => {
    const messages = { things: '{{PLURAL:$1|$1 вещь|$1 вещи|$1 вещей}}' };
    const { t } = createI18n('ru', 'ltr', messages);
    const reference = new Banana('ru');
    reference.load(messages, 'ru');
    for (let n = 0; n < MEMO_ENTRIES * 1.5; n++) {
      if (t('things', n) !== reference.i18n('things', n)) expect.fail(`${n}`);
    }
    for (const n of COUNTS) expect(t('things', n)).toBe(reference.i18n('things', n));
  });

  it('reuses one Banana and its plural rules for a messages object', () => {
    const intl = Intl as { PluralRules: typeof Intl.PluralRules };
    const Original = intl.PluralRules;
    let made = 0;
    class Counting extends Original {
      constructor(...args: ConstructorParameters<typeof Intl.PluralRules>) {
        super(...args);
        made++;
      }
    }
    intl.PluralRules = Counting as typeof Intl.PluralRules;
    try {
      const messages = { things: '{{PLURAL:$1|$1 вещь|$1 вещи|$1 вещей}}' };
      for (let page = 0; page < 20; page++) {
        const { t } = createI18n('ru', 'ltr', messages);
        // Counts no page asked for before, so the memo does not answer.
        for (let i = 0; i < 10; i++)
          expect(t('things', page * 10 + i)).toBe(fresh('ru', messages, 'things', page * 10 + i));
      }
      // The fresh Bananas above make one each (200); the pages' one Banana made one in all.
      expect(made).toBe(201);
    } finally {
      intl.PluralRules = Original;
    }
  });

  it('notes the keys a page asks for, says which it lacks, and shows them once the rest of the messages come', () => {
    const used = new Set<string>();
    const server = createI18n('en', 'ltr', { greeting: 'Hello $1', farewell: 'Bye' }, { used });
    expect(server.t('greeting', 'Ada')).toBe('Hello Ada');
    expect([...used]).toEqual(['greeting']);

    const lacking: string[] = [];
    const page = createI18n('en', 'ltr', { greeting: 'Hello $1' }, { missing: (key) => lacking.push(key) });
    expect(page.t('greeting', 'Ada')).toBe('Hello Ada');
    expect(page.t('farewell')).toBe('farewell');
    expect(lacking).toEqual(['farewell']);
    page.addMessages({ greeting: 'Hello $1', farewell: 'Bye' });
    expect(page.t('farewell')).toBe('Bye');
  });
});
