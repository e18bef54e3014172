// Which languages to show when a text is missing in the one asked for: MediaWiki's fallback chains, as
// banana-i18n ships them (pt-br → pt, arz → ar, zh-hant → zh-hans, …), then English, the source of every text.
import fallbacks from 'banana-i18n/src/languages/fallbacks.json' with { type: 'json' };

const CHAINS = fallbacks as Record<string, string[] | undefined>;
export const SOURCE_LANGUAGE = 'en';

/**
 * The languages to try, in order: the one asked for, its fallbacks (followed transitively, each once), then
 * English. `fallbackChain('arz')` is `['arz', 'ar', 'en']`.
 */
export function fallbackChain(language: string): string[] {
  const chain: string[] = [];
  const visit = (code: string) => {
    if (chain.includes(code)) return;
    chain.push(code);
    for (const next of CHAINS[code] ?? []) visit(next);
  };
  visit(language);
  if (!chain.includes(SOURCE_LANGUAGE)) chain.push(SOURCE_LANGUAGE);
  return chain;
}

/** The first language of the chain for which `has` holds (English when none). */
export function pickLanguage(language: string, has: (code: string) => boolean): string {
  return fallbackChain(language).find(has) ?? SOURCE_LANGUAGE;
}
