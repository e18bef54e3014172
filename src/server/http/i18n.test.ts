// Every interface language is complete: every message exists, is translated, documented, and parses.
import fs from 'node:fs';
import path from 'node:path';
import Banana from 'banana-i18n';
import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from '../../contracts/languages';
import { i18nDir } from './i18n';

const read = (lang: string): Record<string, string> => {
  const raw = JSON.parse(fs.readFileSync(path.join(i18nDir, `${lang}.json`), 'utf8')) as Record<string, string>;
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !k.startsWith('@')));
};
const en = read('en');
const keys = Object.keys(en);

// Messages that are rightly the same as English in a language (names, loanwords, symbols).
const SAME_AS_ENGLISH = new Set([
  'fr:nav-faq',
  'fr:nav-participants',
  'fr:notifications-title',
  'fr:notifications-nav',
  'es:moderation-type-debate',
  'fr:moderation-type-argument',
  'es:moderation-reason-spam',
  'fr:moderation-reason-spam',
  'fr:initiatives-nav',
  'fr:initiatives-title',
  'es:initiatives-stage-idea',
  'fr:moderation-type-initiative',
  'fr:documents-nav',
  'fr:documents-title',
  'fr:amendments-positions',
  'es:amendments-position-neutral',
  'es:documents-download-md',
  'fr:documents-download-md',
  'ru:documents-download-md',
  'fr:sources-nav',
  'fr:sources-title',
  'fr:sources-back',
  'es:initiatives-phases-title',
  'fr:initiatives-phases-title',
  'fr:nav-menu',
  // Names of products and a file format, the same in every language; the network's acronym.
  ...['ar', 'es', 'fr', 'ru', 'hi'].flatMap((l) =>
    ['events-calendar-ics', 'events-calendar-google', 'events-calendar-outlook', 'site-name-short'].map(
      (k) => `${l}:${k}`,
    ),
  ),
]);
const isVerbatimOk = (lang: string, key: string, text: string) =>
  SAME_AS_ENGLISH.has(`${lang}:${key}`) || !/[A-Za-z]{3,}/.test(text.replace(/\$\d|\{\{[^}]*\}\}|https?:\S+/g, ''));

describe('interface messages', () => {
  it('documents every message for translators in qqq.json', () => {
    const qqq = read('qqq');
    expect(keys.filter((k) => !qqq[k]?.trim())).toEqual([]);
    expect(Object.keys(qqq).filter((k) => !(k in en))).toEqual([]);
  });

  for (const lang of UI_LANGUAGES.filter((l) => l !== 'en')) {
    it(`has every message translated in ${lang}`, () => {
      const messages = read(lang);
      expect(
        keys.filter((k) => !messages[k]?.trim()),
        'missing',
      ).toEqual([]);
      expect(
        Object.keys(messages).filter((k) => !(k in en)),
        'unknown keys',
      ).toEqual([]);
      const untranslated = Object.entries(en)
        .filter(([k, text]) => messages[k] === text && !isVerbatimOk(lang, k, text))
        .map(([k]) => k);
      expect(untranslated, 'left in English').toEqual([]);
    });
  }

  for (const lang of UI_LANGUAGES) {
    it(`parses every ${lang} message with sample parameters`, () => {
      const messages = read(lang);
      const banana = new Banana(lang);
      banana.load(messages, lang);
      const broken = Object.keys(messages).filter((k) => {
        try {
          for (const n of [0, 1, 2, 5, 11, 101]) banana.i18n(k, n, n, n, n);
          return false;
        } catch {
          return true;
        }
      });
      expect(broken).toEqual([]);
    });
  }
});
