// Languages as the picker shows and finds them: every MediaWiki language by its name in the interface language
// and its own name, never a bare code; searching by either name or the code, accents and case aside.
import { describe, expect, it } from 'vitest';
import { autonymOf, choiceLabel, languageChoice, languageChoices, ownNamed } from '../../contracts/language-autonyms';
import { UI_LANGUAGES } from '../../contracts/languages';
import { MEDIAWIKI_LANGUAGES } from '../../contracts/mediawiki-languages';
import { menuItemOf, searchLanguages } from './language-search';

describe('language names', () => {
  it('gives every MediaWiki language its own name', () => {
    expect(MEDIAWIKI_LANGUAGES.filter((c) => !autonymOf(c))).toEqual([]);
    expect(autonymOf('aa')).toBe('Qafár af');
    expect(autonymOf('de')).toBe('Deutsch');
    expect(autonymOf('ar')).toBe('العربية');
    // MediaWiki's own meaning of a code, not ISO's (als is Alemannic on Wikimedia wikis).
    expect(autonymOf('als')).toBe('Alemannisch');
    expect(autonymOf('xx-nope')).toBeUndefined();
  });

  it('never shows a bare code, in any interface language', () => {
    for (const lang of UI_LANGUAGES) {
      const bare = languageChoices(MEDIAWIKI_LANGUAGES, lang).filter(
        (l) => l.name === l.code || l.autonym === l.code || choiceLabel(l).includes(`(${l.code})`),
      );
      expect(
        bare.map((l) => l.code),
        lang,
      ).toEqual([]);
    }
  });

  it('shows the name in the interface language with the own name, or the own name alone when none is known', () => {
    expect(languageChoice('de', 'fr')).toEqual({ code: 'de', name: 'allemand', autonym: 'Deutsch' });
    expect(choiceLabel(languageChoice('de', 'en'))).toBe('German (Deutsch)');
    expect(choiceLabel(languageChoice('en', 'en'))).toBe('English');
    // Intl knows no name for Arbëresh in any of these: its own name stands in.
    expect(languageChoice('aae', 'ar')).toEqual({ code: 'aae', name: 'arbërisht', autonym: 'arbërisht' });
  });

  it('sorts by the name in the interface language, and by own names alone in a fixed order', () => {
    const names = languageChoices(['ru', 'de', 'fr'], 'en').map((l) => l.name);
    expect(names).toEqual(['French', 'German', 'Russian']);
    expect(ownNamed(['ru', 'de', 'fr']).map((l) => l.name)).toEqual(['Deutsch', 'français', 'русский']);
  });
});

describe('searching languages', () => {
  const en = languageChoices(MEDIAWIKI_LANGUAGES, 'en');
  const ar = languageChoices(MEDIAWIKI_LANGUAGES, 'ar');
  const codes = (list: { code: string }[]) => list.map((l) => l.code);

  it('finds a language by its code first, then by names that start with what was typed', () => {
    expect(codes(searchLanguages(en, 'de')).slice(0, 1)).toEqual(['de']);
    expect(codes(searchLanguages(en, 'Germ'))).toContain('de');
    expect(codes(searchLanguages(en, 'pt-br'))).toEqual(['pt-br']);
  });

  it('finds a language by its own name in another interface, ignoring accents and case', () => {
    expect(codes(searchLanguages(ar, 'espanol'))).toContain('es');
    expect(codes(searchLanguages(ar, 'DEUTSCH'))[0]).toBe('de');
    expect(codes(searchLanguages(ar, 'الألمانية'))[0]).toBe('de');
  });

  it('finds nothing for nothing, and nothing for what no language is called', () => {
    expect(searchLanguages(en, '  ')).toEqual([]);
    expect(searchLanguages(en, 'qqqzzz')).toEqual([]);
  });

  it('makes menu items that mark the own name with its language', () => {
    expect(menuItemOf(languageChoice('de', 'en'))).toEqual({
      value: 'de',
      label: 'German',
      supportingText: 'Deutsch',
      language: { supportingText: 'de' },
    });
    expect(menuItemOf(languageChoice('en', 'en'))).toEqual({
      value: 'en',
      label: 'English',
      language: { label: 'en' },
    });
    expect(menuItemOf(languageChoice('aae', 'ar'))).toEqual({
      value: 'aae',
      label: 'arbërisht',
      language: { label: 'aae' },
    });
  });
});
