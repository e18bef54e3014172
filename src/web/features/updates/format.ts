// Text computed in loaders (language names, times): the server computes it for the first paint and the browser
// hydrates with the same strings, so differences between the two runtimes' Intl data never cause a mismatch.
import type { PageState } from '../../../contracts/page-state';
import { languageName } from '../../../contracts/language-names';
import { formatDateTime } from '../../../contracts/time';
import type { UpdateItem } from '../../../contracts/updates';

/** An update with what the page shows computed once, in the loader, so server and browser render the same text. */
export type Shown<T extends UpdateItem> = T & {
  languageName: string;
  publishedText: string;
  editedText: string | null;
};

export { languageName };

export function shown<T extends UpdateItem>(u: T, state: Pick<PageState, 'lang' | 'timeZone'>): Shown<T> {
  return {
    ...u,
    languageName: languageName(u.language, state.lang),
    publishedText: formatDateTime(u.publishedAt, state.lang, state.timeZone),
    // Edits within a minute of posting are not worth mentioning.
    editedText:
      Date.parse(u.updatedAt) - Date.parse(u.publishedAt) > 60_000
        ? formatDateTime(u.updatedAt, state.lang, state.timeZone)
        : null,
  };
}

/** The form of MediaWiki language codes (the API checks the same). */
export const LANGUAGE_CODE = /^[a-z]{2,3}(-[a-z0-9]+)*$/;

/** A query value as one string (vue-router gives arrays for repeated keys). */
export const queryString = (v: unknown): string =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
