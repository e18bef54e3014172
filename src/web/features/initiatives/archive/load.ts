// The archive page's loader: on the server for the first paint, in the browser on navigation. Filters come
// from the address; values that do not exist (an old or mistyped link) are left out and named on the page
// instead of failing it.
import type { LocationQuery } from 'vue-router';
import { query } from '../../../api';
import type { LoadContext } from '../../../state';
import { formatDate } from '../../../../contracts/time';
import { ARCHIVE_FIRST_YEAR, ARCHIVE_OUTCOMES } from '../../../../contracts/initiatives-archive';
import { isMediaWikiLanguage } from '../../../../contracts/mediawiki-languages';
import { REGIONS, SKILLS, languageNames, languagesNamed, queryString, type LanguageChoice } from '../../communities';
import type { ArchivedInitiative, ArchivePage } from '../../../../contracts/initiatives-answers';

export const ARCHIVE_PAGE_SIZE = 20;
export const FILTER_NAMES = ['q', 'region', 'language', 'community', 'skill', 'year', 'outcome'] as const;
export type ArchiveFilterName = (typeof FILTER_NAMES)[number];
export type ArchiveFilters = Record<ArchiveFilterName, string>;

/** The filters whose values are checked: a value that is not one of theirs is left out, and the page says so. */
export type CheckedFilterName = Exclude<ArchiveFilterName, 'q' | 'community'>;

const valid: Record<CheckedFilterName, (v: string) => boolean> = {
  region: (v) => (REGIONS as readonly string[]).includes(v),
  language: isMediaWikiLanguage,
  skill: (v) => (SKILLS as readonly string[]).includes(v),
  year: (v) => /^\d{4}$/.test(v),
  outcome: (v) => (ARCHIVE_OUTCOMES as readonly string[]).includes(v),
};

/** The filters of an address, and the names of those whose values were left out. */
export function archiveFiltersOf(q: LocationQuery): { filters: ArchiveFilters; ignored: CheckedFilterName[] } {
  const filters = Object.fromEntries(FILTER_NAMES.map((n) => [n, queryString(q[n]).trim()])) as ArchiveFilters;
  filters.q = filters.q.slice(0, 200);
  filters.community = filters.community.slice(0, 100);
  const ignored: CheckedFilterName[] = [];
  for (const [name, ok] of Object.entries(valid) as [keyof typeof valid, (v: string) => boolean][]) {
    if (filters[name] && !ok(filters[name])) {
      ignored.push(name);
      filters[name] = '';
    }
  }
  return { filters, ignored };
}

/** Only the filters that are set, for links and API calls. */
export function setFilters(f: Partial<ArchiveFilters>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (v) out[k] = v;
  return out;
}

export type ShownArchived = ArchivedInitiative & { endedText: string };

export interface ArchivePageData {
  filters: ArchiveFilters;
  ignored: CheckedFilterName[];
  items: ShownArchived[];
  next: string | null;
  cursor: string;
  /** The filters' choices: languages initiatives name, groups taking part in any, years since the network began. */
  languages: LanguageChoice[];
  communities: { slug: string; name: string }[];
  years: string[];
  /** Language names of the languages the items name. */
  names: Record<string, string>;
}

export async function loadArchiveSearch(ctx: LoadContext): Promise<ArchivePageData> {
  const { filters, ignored } = archiveFiltersOf(ctx.route.query);
  const cursor = queryString(ctx.route.query.cursor);
  const lang = ctx.state.lang;
  const [page, facets] = await Promise.all([
    ctx.api.get<ArchivePage>(
      `/initiatives/archive${query({ ...setFilters(filters), cursor: cursor || undefined, limit: ARCHIVE_PAGE_SIZE })}`,
    ),
    ctx.api.get<{ languages: string[]; communities: { slug: string; name: string }[] }>('/initiatives/facets'),
  ]);
  const codes = new Set(facets.languages);
  if (filters.language) codes.add(filters.language);
  // Computed here, so the page the browser hydrates shows the server's years.
  const thisYear = new Date().getUTCFullYear();
  const years: string[] = [];
  for (let y = thisYear; y >= ARCHIVE_FIRST_YEAR; y--) years.push(String(y));
  if (filters.year && !years.includes(filters.year)) years.push(filters.year);
  return {
    filters,
    ignored,
    items: page.items.map((i) => ({ ...i, endedText: formatDate(i.endedAt.slice(0, 10), lang) })),
    next: page.next,
    cursor,
    languages: languagesNamed([...codes], lang),
    communities: facets.communities,
    years,
    names: languageNames(
      page.items.flatMap((i) => i.languages),
      lang,
    ),
  };
}
