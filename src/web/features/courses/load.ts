// Loaders of the course pages: on the server for the first paint, in the browser on navigation.
import type { LocationQuery } from 'vue-router';
import { query } from '../../api';
import type { LoadContext } from '../../state';
import { formatDate, formatDateTime } from '../../../contracts/time';
import type { CourseDetail, CourseList } from '../../../contracts/courses';
import { languageNames, languagesNamed, queryString, type LanguageChoice } from '../communities';

const COMMON = ['en', 'ar', 'es', 'fr', 'hi', 'ru', 'pt', 'zh'];

export const PAGE_SIZE = 20;

/** The catalogue's filters as the page's query holds them ('' when unset). */
export interface CourseFilters {
  skill: string;
  phase: string;
  level: string;
  language: string;
  community: string;
}

export const filtersOf = (q: LocationQuery): CourseFilters => ({
  skill: queryString(q.skill),
  phase: queryString(q.phase),
  level: queryString(q.level),
  language: queryString(q.language),
  community: queryString(q.community),
});

/** Only the filters that are set, for links and API calls. */
export function setOnly(f: Partial<CourseFilters>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (v) out[k] = v;
  return out;
}

interface GroupsPage {
  items: { slug: string; name: string }[];
}

export interface CoursesData {
  list: CourseList;
  filters: CourseFilters;
  cursor: string;
  names: Record<string, string>;
  languages: LanguageChoice[];
  communities: { slug: string; name: string }[];
}

export async function loadCourses(ctx: LoadContext): Promise<CoursesData> {
  const filters = filtersOf(ctx.route.query);
  const cursor = queryString(ctx.route.query.cursor);
  const [list, groups] = await Promise.all([
    ctx.api.get<CourseList>(`/courses${query({ ...setOnly(filters), cursor, limit: PAGE_SIZE })}`),
    ctx.api.get<GroupsPage>('/communities?limit=100'),
  ]);
  return {
    list,
    filters,
    cursor,
    names: languageNames(
      list.items.flatMap((c) => c.languages),
      ctx.state.lang,
    ),
    // The interface's languages, those of the courses shown and the one filtered by: a short list, not all 400.
    languages: languagesNamed(
      [
        ...new Set([
          ...COMMON,
          ...list.items.flatMap((c) => c.languages),
          ...(filters.language ? [filters.language] : []),
        ]),
      ],
      ctx.state.lang,
    ),
    communities: groups.items.map((g) => ({ slug: g.slug, name: g.name })),
  };
}

export interface CourseData {
  course: CourseDetail;
  names: Record<string, string>;
  /** Run dates and training starts as the viewer reads them, keyed by the value shown. */
  dates: Record<string, string>;
}

export async function loadCourse(ctx: LoadContext): Promise<CourseData> {
  const id = String(ctx.route.params.id);
  const course = await ctx.api.get<CourseDetail>(`/courses/${id}`);
  const { lang, timeZone } = ctx.state;
  const dates: Record<string, string> = {};
  for (const r of course.runs) for (const d of [r.startsOn, r.endsOn]) if (d) dates[d] = formatDate(d, lang);
  for (const t of course.trainings) dates[t.start] = formatDateTime(t.start, lang, timeZone);
  return {
    course,
    names: languageNames([...course.languages, ...Object.keys(course.completionsByLanguage)], lang),
    dates,
  };
}

export interface CourseFormData {
  signedIn: boolean;
  course: CourseDetail | null;
  communities: { slug: string; name: string }[];
}

/** The new-course page: signed-in people only (the layout shows the API's 401 otherwise). */
export async function loadNewCourse(ctx: LoadContext): Promise<CourseFormData> {
  if (!ctx.state.user) return { signedIn: false, course: null, communities: [] };
  const groups = await ctx.api.get<GroupsPage>('/communities?limit=100');
  return { signedIn: true, course: null, communities: groups.items.map((g) => ({ slug: g.slug, name: g.name })) };
}

export async function loadEditCourse(ctx: LoadContext): Promise<CourseFormData> {
  const [course, groups] = await Promise.all([
    ctx.api.get<CourseDetail>(`/courses/${String(ctx.route.params.id)}`),
    ctx.api.get<GroupsPage>('/communities?limit=100'),
  ]);
  return { signedIn: !!ctx.state.user, course, communities: groups.items.map((g) => ({ slug: g.slug, name: g.name })) };
}
