// The course catalogue: WikiLearn (Open edX) courses with runs per language. Learners' progress is
// self-reported and private unless they choose; completions are counted per course, run language and region
// (public regions only; a count under 5 built from private values is null, DECISIONS 15).
import { z } from 'zod';
import { personRef } from './people';

export const COURSE_LEVELS = ['introductory', 'intermediate', 'advanced'] as const;
export type CourseLevel = (typeof COURSE_LEVELS)[number];
export const RUN_STATUSES = ['planned', 'translating', 'open', 'closed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const PROGRESS_STATUSES = ['interested', 'enrolled', 'completed'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** Open edX's course key: course-v1:Org+Course+Run (letters, digits, '.', '_', '-'). */
export const COURSE_KEY = /^course-v1:[A-Za-z0-9._-]+\+[A-Za-z0-9._-]+\+[A-Za-z0-9._-]+$/;
export const defaultRunUrl = (courseKey: string) => `https://learn.wiki/courses/${courseKey}/about`;

export const courseRun = z.object({
  id: z.string(),
  language: z.string(),
  courseKey: z.string(),
  url: z.string(),
  status: z.enum(RUN_STATUSES),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  completions: z.number().int().nullable(),
  /** The viewer's own progress on this run. */
  mine: z.object({ status: z.enum(PROGRESS_STATUSES), public: z.boolean() }).nullable(),
});

export const courseListItem = z.object({
  id: z.string(),
  title: z.string(),
  summaryExcerpt: z.string(),
  provider: z.object({ slug: z.string(), name: z.string() }).nullable(),
  level: z.enum(COURSE_LEVELS),
  hours: z.number().nullable(),
  skills: z.array(z.string()),
  phases: z.array(z.string()),
  languages: z.array(z.string()),
  completions: z.number().int().nullable(),
});
export const courseList = z.object({ items: z.array(courseListItem), next: z.string().nullable() });

export const courseDetail = courseListItem.extend({
  /** The summary as written (Markdown), for its editors. */
  summary: z.string(),
  summaryHtml: z.string(),
  basedOn: z
    .object({
      slug: z.string(),
      title: z.string(),
      revision: z.number().int(),
      currentRevision: z.number().int(),
      changedSince: z.boolean(),
    })
    .nullable(),
  runs: z.array(courseRun),
  /** Completions by region (public regions only; 'not_said' for the rest); null under 5 from private values. */
  completionsByRegion: z.record(z.string(), z.number().int().nullable()),
  completionsByLanguage: z.record(z.string(), z.number().int().nullable()),
  trainings: z.array(z.object({ id: z.string(), title: z.string(), start: z.string() })),
  initiatives: z.array(z.object({ id: z.string(), title: z.string() })),
  revision: z.number().int(),
  createdBy: personRef.nullable(),
  can: z.object({ manage: z.boolean() }),
});
export type CourseDetail = z.infer<typeof courseDetail>;
export type CourseList = z.infer<typeof courseList>;
export type CourseListItem = z.infer<typeof courseListItem>;
export type CourseRun = z.infer<typeof courseRun>;

/** A person's progress they chose to show, for their profile page. */
export const personCourses = z.object({
  items: z.array(
    z.object({
      course: z.object({ id: z.string(), title: z.string() }),
      run: z.object({ id: z.string(), language: z.string() }),
      status: z.enum(PROGRESS_STATUSES),
    }),
  ),
});
export type PersonCourses = z.infer<typeof personCourses>;

/** A count under 5 built from private values reads "fewer than 5" (DECISIONS 15): null in answers. */
export const FEWER_THAN = 5;
