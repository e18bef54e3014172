// Reference data for the people and communities pages. Names from Intl are computed in loaders: the server
// computes them for the first paint and the browser hydrates with the same strings, so differences between
// the two runtimes' Intl data never cause a hydration mismatch.
import type { LocationQuery } from 'vue-router';
import { COMMUNITY_KINDS, kindMessageKey } from '../../../contracts/community-kinds';
import { COUNTRIES, countryName } from '../../../contracts/countries';
import { languageChoice, languageChoices, type LanguageChoice } from '../../../contracts/language-autonyms';
import { MEDIAWIKI_LANGUAGES } from '../../../contracts/mediawiki-languages';
import { REGIONS, regionMessageKey } from '../../../contracts/regions';
import { SKILLS, skillMessageKey } from '../../../contracts/skills';

export { COMMUNITY_KINDS, kindMessageKey, REGIONS, regionMessageKey, SKILLS, skillMessageKey };

export interface CodeName {
  code: string;
  name: string;
}

/** Codes with their names in the interface language, sorted by name. */
const collators = new Map<string, Intl.Collator>();

export function named(
  codes: readonly string[],
  lang: string,
  nameOf: (code: string, lang: string) => string,
): CodeName[] {
  let collator = collators.get(lang);
  if (!collator) collators.set(lang, (collator = new Intl.Collator(lang)));
  return codes.map((code) => ({ code, name: nameOf(code, lang) })).sort((a, b) => collator.compare(a.name, b.name));
}

export type { LanguageChoice };

/** Languages with their names in the interface language and their own names, sorted by name (never a bare code). */
export const languagesNamed = (codes: readonly string[], lang: string) => languageChoices(codes, lang);
export const allLanguages = (lang: string) => languagesNamed(MEDIAWIKI_LANGUAGES, lang);
export const allCountries = (lang: string) => named(COUNTRIES, lang, countryName);

/** Names of the given codes, as a map for templates. */
export function nameMap(
  codes: Iterable<string>,
  lang: string,
  nameOf: (code: string, lang: string) => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of codes) out[c] ??= nameOf(c, lang);
  return out;
}
export const languageNames = (codes: Iterable<string>, lang: string) =>
  nameMap(codes, lang, (code, l) => languageChoice(code, l).name);
export const countryNames = (codes: Iterable<string>, lang: string) => nameMap(codes, lang, countryName);

/** A query value as one string (vue-router gives arrays for repeated keys). */
export const queryString = (v: unknown): string =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';

/** The filters both directories take, as the page's query holds them ('' when unset). */
export interface DirectoryFilters {
  q: string;
  region: string;
  language: string;
  kind: string;
  partner: string;
  ambassador: string;
}

export function directoryFilters(query: LocationQuery): DirectoryFilters {
  const partner = queryString(query.partner);
  return {
    q: queryString(query.q).trim(),
    region: queryString(query.region),
    language: queryString(query.language),
    kind: queryString(query.kind),
    partner: partner === 'true' || partner === 'false' ? partner : '',
    ambassador: queryString(query.ambassador) === 'true' ? 'true' : '',
  };
}

/** Only the filters that are set, for links and API calls. */
export function setFilters(f: DirectoryFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (v) out[k] = v;
  return out;
}

/** A person's page address: spaces as underscores. */
export const personPath = (username: string) => `/people/${encodeURIComponent(username.replace(/ /g, '_'))}`;
export const communityPath = (slug: string) => `/communities/${encodeURIComponent(slug)}`;
export const metaUserUrl = (username: string) =>
  `https://meta.wikimedia.org/wiki/User:${encodeURIComponent(username.replace(/ /g, '_'))}`;
export const metaPageUrl = (title: string) =>
  `https://meta.wikimedia.org/wiki/${title.replace(/ /g, '_').split('/').map(encodeURIComponent).join('/')}`;
export const wikidataUrl = (id: string) => `https://www.wikidata.org/wiki/${encodeURIComponent(id)}`;
