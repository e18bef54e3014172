// Loaders of the source pages: on the server for the first paint, in the browser on navigation.
import type { LocationQuery } from 'vue-router';
import { ApiError, query } from '../../api';
import type { LoadContext } from '../../state';
import { formatDate, formatDateTime } from '../../../contracts/time';
import type { SourceDetail, SourceList, SourceReviewList, SourceRevisionList } from '../../../contracts/sources';
import { allLanguages, languageNames, languagesNamed, queryString, type LanguageChoice } from '../communities';

const COMMON = ['en', 'ar', 'es', 'fr', 'hi', 'ru', 'pt', 'de', 'zh'];

/** The search's fields as the page's query holds them ('' when unset): the API's own query names. */
export interface SourceFilters {
  q: string;
  kind: string;
  language: string;
  skill: string;
  judgement: string;
  access: string;
  from: string;
  to: string;
  sort: string;
}

export const FILTER_NAMES = ['q', 'kind', 'language', 'skill', 'judgement', 'access', 'from', 'to', 'sort'] as const;

export function filtersOf(q: LocationQuery): SourceFilters {
  const out = {} as SourceFilters;
  for (const k of FILTER_NAMES) out[k] = queryString(q[k]).trim();
  // Newest first is the default order: the form's first choice, sent as no sort at all.
  if (out.sort === 'newest') out.sort = '';
  return out;
}

/** Only the fields that are set, for links and API calls. */
export function setOnly(f: Partial<SourceFilters>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (v) out[k] = v;
  return out;
}

export interface SourcesData {
  list: SourceList;
  filters: SourceFilters;
  cursor: string;
  names: Record<string, string>;
  languages: LanguageChoice[];
  /** A search the API refused (a year that is not one, an unknown kind): its message, with the form kept. */
  refused: string;
}

export async function loadSources(ctx: LoadContext): Promise<SourcesData> {
  const filters = filtersOf(ctx.route.query);
  const cursor = queryString(ctx.route.query.cursor);
  let list: SourceList = { items: [], next: null };
  let refused = '';
  try {
    list = await ctx.api.get<SourceList>(`/sources${query({ ...setOnly(filters), cursor })}`);
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 400) throw err;
    refused = Object.values(err.fieldErrors())[0] ?? err.problem.detail ?? err.problem.title;
  }
  const shown = list.items.flatMap((s) => s.languages);
  return {
    list,
    filters,
    cursor,
    refused,
    names: languageNames(shown, ctx.state.lang),
    // The interface's languages, those of the sources shown and the one searched for: a short list, not all 400.
    languages: languagesNamed(
      [...new Set([...COMMON, ...shown, ...(filters.language ? [filters.language] : [])])],
      ctx.state.lang,
    ),
  };
}

export interface SourceData {
  source: SourceDetail;
  reviews: SourceReviewList;
  /** The reviews' page cursor in the address (`?reviews=`), so "more reviews" is a plain link. */
  reviewsCursor: string;
  names: Record<string, string>;
  /** Review dates as the viewer reads them, keyed by the ISO time. */
  dates: Record<string, string>;
  /** The id asked for when the API sent it on to the source it was merged into. */
  mergedFrom: string | null;
}

export async function loadSource(ctx: LoadContext): Promise<SourceData> {
  const id = String(ctx.route.params.id);
  const reviewsCursor = queryString(ctx.route.query.reviews);
  // A merged source's address answers 301: the API call follows it, and the page then names the new address.
  const source = await ctx.api.get<SourceDetail>(`/sources/${id}`);
  const reviews = await ctx.api.get<SourceReviewList>(
    `/sources/${source.id}/reviews${query({ cursor: reviewsCursor })}`,
  );
  const { lang } = ctx.state;
  const dates: Record<string, string> = {};
  for (const r of [...reviews.items, ...(source.mine ? [source.mine] : [])])
    dates[r.updatedAt] = formatDate(r.updatedAt, lang);
  const reviewLanguages = reviews.items.flatMap((r) => (r.language ? [r.language] : []));
  return {
    source,
    reviews,
    reviewsCursor,
    names: languageNames(
      [...source.languages, ...reviewLanguages, ...(source.mine?.language ? [source.mine.language] : [])],
      lang,
    ),
    dates,
    mergedFrom: source.id === id ? null : id,
  };
}

export interface SourceHistoryData {
  source: SourceDetail;
  revisions: SourceRevisionList;
  cursor: string;
  dates: Record<string, string>;
}

export async function loadSourceHistory(ctx: LoadContext): Promise<SourceHistoryData> {
  const id = String(ctx.route.params.id);
  const cursor = queryString(ctx.route.query.cursor);
  const source = await ctx.api.get<SourceDetail>(`/sources/${id}`);
  const revisions = await ctx.api.get<SourceRevisionList>(`/sources/${source.id}/revisions${query({ cursor })}`);
  const dates: Record<string, string> = {};
  for (const r of revisions.items) dates[r.createdAt] = formatDateTime(r.createdAt, ctx.state.lang, ctx.state.timeZone);
  return { source, revisions, cursor, dates };
}

export interface SourceFormData {
  signedIn: boolean;
  source: SourceDetail | null;
  languages: LanguageChoice[];
}

/** The new-source page: signed-in people only (others read that they need to sign in). */
export function loadNewSource(ctx: LoadContext): Promise<SourceFormData> {
  return Promise.resolve({
    signedIn: !!ctx.state.user,
    source: null,
    languages: ctx.state.user ? allLanguages(ctx.state.lang) : [],
  });
}

export async function loadEditSource(ctx: LoadContext): Promise<SourceFormData> {
  const source = await ctx.api.get<SourceDetail>(`/sources/${String(ctx.route.params.id)}`);
  return { signedIn: !!ctx.state.user, source, languages: allLanguages(ctx.state.lang) };
}
