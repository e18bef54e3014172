// Courses as the API shows them (src/contracts/courses.ts).
import { FEWER_THAN, type CourseListItem, type CourseRun, type ProgressStatus } from '../../../contracts/courses';
import { storedExcerpt } from '../../markdown/stored';
import type { CourseRow, RunRow, Tally } from './repo';

/** DECISIONS 15: a count under 5 that private values went into is not told (null); public-only counts are exact. */
export const shownCount = (t: Pick<Tally, 'n' | 'private'> | undefined): number | null =>
  !t ? 0 : t.n < FEWER_THAN && t.private > 0 ? null : t.n;

/** A map keyed by `key` of shown counts. */
export const shownCounts = (tallies: Tally[]): Record<string, number | null> =>
  Object.fromEntries(tallies.map((t) => [t.key, shownCount(t)]));

export const presentListItem = (r: CourseRow, completions: Tally | undefined): CourseListItem => ({
  id: String(r.id),
  title: r.title,
  summaryExcerpt: storedExcerpt(r.summary, r.summary_lead, r.html_version, 240),
  provider: r.provider_slug && r.provider_name ? { slug: r.provider_slug, name: r.provider_name } : null,
  level: r.level,
  hours: r.hours === null ? null : Number(r.hours),
  skills: r.skills,
  phases: r.phases,
  languages: r.languages,
  completions: shownCount(completions),
});

export const presentRun = (
  r: RunRow,
  completions: Tally | undefined,
  mine: { status: ProgressStatus; public: boolean } | undefined,
): CourseRun => ({
  id: String(r.id),
  language: r.language,
  courseKey: r.course_key,
  url: r.url,
  status: r.status,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  completions: shownCount(completions),
  mine: mine ? { status: mine.status, public: mine.public } : null,
});
