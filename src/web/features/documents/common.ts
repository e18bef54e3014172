// What every documents page shares: addresses, the direction of a language's text, and a language's progress as
// its bar shows it (named in the reader's language and counted in the loader, so server and browser agree).
import type { LoadContext } from '../../state';
import type { LanguageProgress } from '../../../contracts/documents';
import { isRtl } from '../../../contracts/languages';
import { languageName } from '../../../contracts/language-names';
import { formatDateTime } from '../../../contracts/time';
import { queryString } from '../communities';

export const documentPath = (slug: string) => `/documents/${encodeURIComponent(slug)}`;

/** The direction of text in a language, for `dir` beside `lang`. */
export const textDir = (code: string): 'rtl' | 'ltr' => (isRtl(code) ? 'rtl' : 'ltr');

/** The form of MediaWiki language codes (the API checks the same). */
export const LANGUAGE_CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;

/** A ?name= (or route parameter) that looks like a language code, else undefined. */
export function languageOf(value: unknown): string | undefined {
  const v = queryString(value);
  return LANGUAGE_CODE.test(v) ? v : undefined;
}

export const slugOf = (ctx: Pick<LoadContext, 'route'>) => String(ctx.route.params.slug);

/** A language's bar: the counts, the language's name, and the share of each state in whole percent. */
export interface Bar extends LanguageProgress {
  name: string;
  dir: 'ltr' | 'rtl';
  units: number;
  /** (translated + proofread) / units, rounded down so 100 means all (DECISIONS 12). */
  percent: number;
  /** Widths of the four segments in percent, summing to 100. */
  widths: { proofread: number; translated: number; outdated: number; untranslated: number };
}

const share = (n: number, of: number) => (of ? (n * 100) / of : 0);

export function bar(p: LanguageProgress, lang: string): Bar {
  const units = p.translated + p.proofread + p.outdated + p.untranslated;
  const proofread = share(p.proofread, units);
  const translated = share(p.translated, units);
  const outdated = share(p.outdated, units);
  return {
    ...p,
    name: languageName(p.language, lang),
    dir: textDir(p.language),
    units,
    percent: units ? Math.floor(((p.translated + p.proofread) * 100) / units) : 0,
    widths: {
      proofread: round(proofread),
      translated: round(translated),
      outdated: round(outdated),
      untranslated: units ? round(100 - proofread - translated - outdated) : 100,
    },
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Times as text, computed in loaders. */
export const timeText = (iso: string, ctx: Pick<LoadContext, 'state'>) =>
  formatDateTime(iso, ctx.state.lang, ctx.state.timeZone);

export { languageName };
