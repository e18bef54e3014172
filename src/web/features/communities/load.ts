// Loaders of the communities pages: on the server for the first paint, in the browser on navigation.
import { query } from '../../api';
import type { LoadContext } from '../../state';
import { formatDate, formatDateTime } from '../../../contracts/time';
import {
  allCountries,
  allLanguages,
  countryNames,
  directoryFilters,
  languageNames,
  languagesNamed,
  queryString,
  setFilters,
  type CodeName,
  type LanguageChoice,
  type DirectoryFilters,
} from './reference';
import type {
  CommunitiesAnswer,
  CommunityDetail,
  CommunityLanguagesAnswer,
  CommunitySummary,
  Member,
  MembersAnswer,
} from '../../../contracts/communities';

export const PAGE_SIZE = 20;

export interface CommunitiesData {
  items: CommunitySummary[];
  next: string | null;
  cursor: string;
  filters: DirectoryFilters;
  languages: LanguageChoice[];
  names: Record<string, string>;
  countries: Record<string, string>;
}

export async function loadCommunities({ api, route, state }: LoadContext): Promise<CommunitiesData> {
  const filters = directoryFilters(route.query);
  const cursor = queryString(route.query.cursor);
  const [list, used] = await Promise.all([
    api.get<CommunitiesAnswer>(`/communities${query({ ...setFilters(filters), cursor, limit: PAGE_SIZE })}`),
    api.get<CommunityLanguagesAnswer>('/communities/languages'),
  ]);
  const codes = new Set(used.items);
  if (filters.language) codes.add(filters.language);
  return {
    items: list.items,
    next: list.next,
    cursor,
    filters,
    languages: languagesNamed([...codes], state.lang),
    names: languageNames(
      list.items.flatMap((c) => c.languages),
      state.lang,
    ),
    countries: countryNames(
      list.items.flatMap((c) => (c.country ? [c.country] : [])),
      state.lang,
    ),
  };
}

export interface CommunityData {
  community: CommunityDetail;
  /** The members page shown (a later one when the address has ?members=<cursor>). */
  members: { items: Member[]; next: string | null; cursor: string };
  names: Record<string, string>;
  country: string | null;
  dates: Record<string, string>;
  /** Today's date (UTC), to tell terms that end today from those that go on. */
  today: string;
}

export async function loadCommunity({ api, route, state }: LoadContext): Promise<CommunityData> {
  const slug = encodeURIComponent(String(route.params.slug));
  const cursor = queryString(route.query.members);
  const [community, later] = await Promise.all([
    api.get<CommunityDetail>(`/communities/${slug}`),
    cursor
      ? api.get<MembersAnswer>(`/communities/${slug}/members${query({ cursor, limit: 50 })}`)
      : Promise.resolve(null),
  ]);
  const dates: Record<string, string> = {};
  const day = (d: string | null) => {
    if (d) dates[d] ??= formatDate(d, state.lang);
  };
  day(community.partnerSince);
  for (const t of community.ambassadors) {
    day(t.start);
    day(t.end);
  }
  for (const h of community.history) {
    day(h.start);
    day(h.end);
    dates[h.at] = formatDateTime(h.at, state.lang, state.timeZone);
  }
  return {
    community,
    members: { ...(later ?? community.members), cursor },
    names: languageNames(community.languages, state.lang),
    country: community.country
      ? (countryNames([community.country], state.lang)[community.country] ?? community.country)
      : null,
    dates,
    today: new Date().toISOString().slice(0, 10),
  };
}

export interface CommunityFormData {
  signedIn: boolean;
  languages: LanguageChoice[];
  countries: CodeName[];
  community: CommunityDetail | null;
}

/** Nothing to fetch: the form's choices are known in the page. */
export function loadNewCommunity({ state }: LoadContext): Promise<CommunityFormData> {
  if (!state.user) return Promise.resolve({ signedIn: false, languages: [], countries: [], community: null });
  return Promise.resolve({
    signedIn: true,
    languages: allLanguages(state.lang),
    countries: allCountries(state.lang),
    community: null,
  });
}

export async function loadEditCommunity({ api, route, state }: LoadContext): Promise<CommunityFormData> {
  const community = await api.get<CommunityDetail>(`/communities/${encodeURIComponent(String(route.params.slug))}`);
  return {
    signedIn: !!state.user,
    languages: allLanguages(state.lang),
    countries: allCountries(state.lang),
    community,
  };
}
