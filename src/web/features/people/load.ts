// Loaders of the people pages: on the server for the first paint, in the browser on navigation.
import { query } from '../../api';
import type { LoadContext } from '../../state';
import { formatDate } from '../../../contracts/time';
import type { PersonCourses } from '../../../contracts/courses';
import {
  allLanguages,
  directoryFilters,
  languageNames,
  languagesNamed,
  setFilters,
  queryString,
  type LanguageChoice,
  type DirectoryFilters,
} from '../communities';
import type {
  LanguagesInUseAnswer,
  OwnProfile,
  ParticipantItem,
  ParticipantsAnswer,
  PersonAnswer,
} from '../../../contracts/people';

export const PAGE_SIZE = 20;

export interface ParticipantsData {
  items: ParticipantItem[];
  next: string | null;
  cursor: string;
  filters: DirectoryFilters;
  languages: LanguageChoice[];
  names: Record<string, string>;
}

export async function loadParticipants({ api, route, state }: LoadContext): Promise<ParticipantsData> {
  const filters = directoryFilters(route.query);
  const cursor = queryString(route.query.cursor);
  const [list, used] = await Promise.all([
    api.get<ParticipantsAnswer>(`/participants${query({ ...setFilters(filters), cursor, limit: PAGE_SIZE })}`),
    api.get<LanguagesInUseAnswer>('/participants/languages'),
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
      list.items.flatMap((p) => p.languages ?? []),
      state.lang,
    ),
  };
}

export interface PersonData {
  person: PersonAnswer;
  /** The courses the person chose to show (courses feature's answer). */
  courses: PersonCourses['items'];
  names: Record<string, string>;
  dates: Record<string, string>;
}

export async function loadPerson({ api, route, state }: LoadContext): Promise<PersonData> {
  const person = await api.get<PersonAnswer>(`/people/${encodeURIComponent(String(route.params.username))}`);
  const dates: Record<string, string> = {};
  for (const t of person.ambassadorTerms) {
    dates[t.start] = formatDate(t.start, state.lang);
    if (t.end) dates[t.end] = formatDate(t.end, state.lang);
  }
  dates[person.joinedAt] = formatDate(person.joinedAt, state.lang);
  const courses = await api.get<PersonCourses>(`/people/${encodeURIComponent(person.username)}/courses`);
  const codes = [...(person.languages ?? []), ...courses.items.map((c) => c.run.language)];
  return { person, courses: courses.items, names: languageNames(codes, state.lang), dates };
}

export interface ProfileSettingsData {
  signedIn: boolean;
  profile: OwnProfile | null;
  languages: LanguageChoice[];
  timeZones: string[];
}

export async function loadProfileSettings({ api, state }: LoadContext): Promise<ProfileSettingsData> {
  if (!state.user) return { signedIn: false, profile: null, languages: [], timeZones: [] };
  const profile = await api.get<OwnProfile>('/me/profile');
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  if (profile.timeZone) zones.add(profile.timeZone);
  return { signedIn: true, profile, languages: allLanguages(state.lang), timeZones: [...zones].sort() };
}
