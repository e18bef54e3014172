// Request shapes of the course catalogue (the answers' are in src/contracts/courses.ts).
import { z } from 'zod';
import { COURSE_KEY, COURSE_LEVELS, PROGRESS_STATUSES, RUN_STATUSES } from '../../../contracts/courses';
import { PHASES } from '../../../contracts/guides';
import { isMediaWikiLanguage } from '../../../contracts/mediawiki-languages';
import { SKILLS } from '../../../contracts/skills';
import { listQuery } from '../../http/pagination';

const required = (max: number) => z.string().trim().min(1, 'validation-required').max(max);
const unique = <T>(items: T[]) => new Set(items).size === items.length;
const language = z.string().max(30).refine(isMediaWikiLanguage, 'courses-language-unknown');
const isoDate = z.iso.date({ message: 'courses-date-invalid' });
const slug = z.string().trim().min(1, 'validation-required').max(100);
const webUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname;
    } catch {
      return false;
    }
  }, 'validation-url');

const courseFields = {
  title: required(200),
  summary: z.string().trim().max(5000),
  /** The providing group's slug: its coordinators manage the course too. */
  provider: slug.nullable().optional(),
  skills: z.array(z.enum(SKILLS)).max(10).refine(unique, 'courses-duplicates'),
  phases: z.array(z.enum(PHASES)).max(PHASES.length).refine(unique, 'courses-duplicates'),
  level: z.enum(COURSE_LEVELS),
  /** Estimated effort in hours (one decimal). */
  hours: z.number().positive().max(10000).multipleOf(0.1).nullable().optional(),
  /** The LDP revision the course follows: a document's slug and one of its revisions. */
  basedOn: z
    .strictObject({
      document: slug,
      revision: z
        .number()
        .int()
        .min(1)
        .max(2 ** 31 - 1),
    })
    .nullable()
    .optional(),
};

export const createBody = z.strictObject(courseFields);
export type CreateBody = z.infer<typeof createBody>;

export const patchBody = z.strictObject({
  title: courseFields.title.optional(),
  summary: courseFields.summary.optional(),
  provider: courseFields.provider,
  skills: courseFields.skills.optional(),
  phases: courseFields.phases.optional(),
  level: courseFields.level.optional(),
  hours: courseFields.hours,
  basedOn: courseFields.basedOn,
  /** The course revision the editor started from: a save after someone else's is refused (409). */
  baseRevision: z.number().int().min(1).optional(),
});
export type PatchBody = z.infer<typeof patchBody>;

const dates = <T extends { startsOn?: string | null; endsOn?: string | null }>(b: T) =>
  !b.startsOn || !b.endsOn || b.startsOn <= b.endsOn;
const datesIssue = { message: 'courses-run-dates-order', path: ['endsOn'] };

export const runBody = z
  .strictObject({
    language,
    /** Open edX's id: course-v1:Org+Course+Run. */
    courseKey: z.string().trim().max(200).regex(COURSE_KEY, 'courses-key-invalid'),
    /** The course's address; https://learn.wiki/courses/<key>/about when left out. */
    url: webUrl.nullable().optional(),
    status: z.enum(RUN_STATUSES),
    startsOn: isoDate.nullable().optional(),
    endsOn: isoDate.nullable().optional(),
  })
  .refine(dates, datesIssue);
export type RunBody = z.infer<typeof runBody>;

export const runPatchBody = z
  .strictObject({
    language: language.optional(),
    courseKey: z.string().trim().max(200).regex(COURSE_KEY, 'courses-key-invalid').optional(),
    url: webUrl.nullable().optional(),
    status: z.enum(RUN_STATUSES).optional(),
    startsOn: isoDate.nullable().optional(),
    endsOn: isoDate.nullable().optional(),
  })
  .refine(dates, datesIssue);
export type RunPatchBody = z.infer<typeof runPatchBody>;

export const progressBody = z.strictObject({
  status: z.enum(PROGRESS_STATUSES),
  /** Shown on one's profile page when true; private (counted only) otherwise. */
  public: z.boolean().optional(),
});
export type ProgressBody = z.infer<typeof progressBody>;

const optional = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === '' ? undefined : v), s.optional());

export const listCoursesQuery = z.object({
  skill: optional(z.enum(SKILLS)),
  phase: optional(z.enum(PHASES)),
  level: optional(z.enum(COURSE_LEVELS)),
  language: optional(language),
  /** A group's slug: the courses it provides. */
  community: optional(z.string().max(100)),
  ...listQuery,
});
export type ListCoursesQuery = z.infer<typeof listCoursesQuery>;

export const idParams = z.object({ id: z.string().max(30) });
export const runParams = z.object({ id: z.string().max(30), runId: z.string().max(30) });
export const usernameParams = z.object({ username: z.string().max(100) });
