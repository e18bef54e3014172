import { describe, expect, it } from 'vitest';
import { fallbackChain, pickLanguage } from './language-fallbacks';

describe("MediaWiki's language fallbacks", () => {
  it('follows the chains banana-i18n ships, then English', () => {
    expect(fallbackChain('pt-br')).toEqual(['pt-br', 'pt', 'en']);
    expect(fallbackChain('arz')).toEqual(['arz', 'ar', 'en']);
    expect(fallbackChain('zh-hant')[1]).toBe('zh-hans');
    expect(fallbackChain('en')).toEqual(['en']);
    expect(fallbackChain('fr')).toEqual(['fr', 'en']);
  });

  it('picks the first language of the chain that has the text, else English', () => {
    expect(pickLanguage('arz', (c) => c === 'ar')).toBe('ar');
    expect(pickLanguage('arz', () => false)).toBe('en');
  });
});
