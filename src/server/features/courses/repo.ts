// SQL of the course catalogue: courses, their runs, learners' progress and the counts made from it.
import { sql } from 'kysely';
import { leadColumns, markdownColumns, markdownInsert } from '../../markdown/stored';
import type { Db } from '../../db/connection';
import { personRefColumns } from '../people';
import type { CoursesTable, CourseRunsTable } from './tables';

// The providing group's name and slug: a tiny read of `communities` (its index offers no finder by slug),
// as updates do.
export const findCommunity = (db: Db, slug: string) =>
  db.selectFrom('communities').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();

/** Courses aliased `c`, with the provider, the author and the hidden state. */
const selectCourses = (db: Db) =>
  db
    .selectFrom('courses as c')
    .leftJoin('communities as g', 'g.id', 'c.provider_community_id')
    .leftJoin('users as a', 'a.id', 'c.created_by')
    .leftJoin('moderation_hidden as h', (j) => j.on('h.subject_type', '=', 'course').onRef('h.subject_id', '=', 'c.id'))
    .select([
      'c.id',
      'c.title',
      'c.summary',
      'c.summary_html',
      'c.summary_lead',
      'c.html_version',
      'c.provider_community_id',
      'c.skills',
      'c.phases',
      'c.level',
      'c.hours',
      'c.based_on_document_id',
      'c.based_on_revision',
      'c.revision',
      'c.created_by',
      'c.updated_at',
      'g.slug as provider_slug',
      'g.name as provider_name',
      ...personRefColumns('a'),
      'h.reason as hidden_reason',
      'h.automatic as hidden_automatic',
      sql<
        string[]
      >`coalesce((select array_agg(distinct r.language order by r.language) from course_runs r where r.course_id = c.id), '{}')`.as(
        'languages',
      ),
    ]);

export const findCourse = (db: Db, id: number) => selectCourses(db).where('c.id', '=', id).executeTakeFirst();
export type CourseRow = NonNullable<Awaited<ReturnType<typeof findCourse>>>;

export const lockCourse = (db: Db, id: number) =>
  db
    .selectFrom('courses')
    .select(['id', 'revision', 'created_by', 'provider_community_id'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export interface CourseFilters {
  skill?: string;
  phase?: string;
  level?: string;
  language?: string;
  communityId?: number;
}

/** Newest changed first; hidden courses left out. */
export function listCourses(db: Db, f: CourseFilters, after: [string, number] | null, limit: number) {
  let q = selectCourses(db).where('h.reason', 'is', null);
  if (f.skill) q = q.where(sql<boolean>`${f.skill} = any(c.skills)`);
  if (f.phase) q = q.where(sql<boolean>`${f.phase} = any(c.phases)`);
  if (f.level) q = q.where('c.level', '=', f.level as CoursesTable['level']);
  if (f.communityId !== undefined) q = q.where('c.provider_community_id', '=', f.communityId);
  if (f.language)
    q = q.where(
      sql<boolean>`exists (select 1 from course_runs r where r.course_id = c.id and r.language = ${f.language})`,
    );
  if (after)
    q = q.where((w) =>
      w.or([
        w('c.updated_at', '<', new Date(after[0])),
        w.and([w('c.updated_at', '=', new Date(after[0])), w('c.id', '<', after[1])]),
      ]),
    );
  return q.orderBy('c.updated_at', 'desc').orderBy('c.id', 'desc').limit(limit).execute();
}

export const runsOf = (db: Db, courseId: number) =>
  db
    .selectFrom('course_runs')
    .selectAll()
    .where('course_id', '=', courseId)
    .orderBy('language')
    .orderBy('starts_on', 'desc')
    .orderBy('id')
    .execute();
export type RunRow = Awaited<ReturnType<typeof runsOf>>[number];

export const findRun = (db: Db, courseId: number, runId: number) =>
  db.selectFrom('course_runs').selectAll().where('course_id', '=', courseId).where('id', '=', runId).executeTakeFirst();

/** A count and how many of its values were private (for DECISIONS 15), per key. */
export interface Tally {
  key: string;
  n: number;
  private: number;
}

const tallies = (rows: { key: string | number; n: number | string; private: number | string }[]): Tally[] =>
  rows.map((r) => ({ key: String(r.key), n: Number(r.n), private: Number(r.private) }));

/** Completions per course, for a page of courses. */
export async function completionsPerCourse(db: Db, courseIds: number[]): Promise<Tally[]> {
  if (!courseIds.length) return [];
  const rows = await db
    .selectFrom('course_progress as p')
    .innerJoin('course_runs as r', 'r.id', 'p.run_id')
    .select([
      'r.course_id as key',
      sql<number>`count(*)`.as('n'),
      sql<number>`count(*) filter (where not p.public)`.as('private'),
    ])
    .where('r.course_id', 'in', courseIds)
    .where('p.status', '=', 'completed')
    .groupBy('r.course_id')
    .execute();
  return tallies(rows);
}

/** Completions of a course per run (key: run id), per run language, and per learner's public region. */
export async function completionsOf(db: Db, courseId: number) {
  const base = db
    .selectFrom('course_progress as p')
    .innerJoin('course_runs as r', 'r.id', 'p.run_id')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .where('r.course_id', '=', courseId)
    .where('p.status', '=', 'completed');
  const regionShown = sql<boolean>`('region' = any(u.public_fields) and u.region is not null)`;
  const [perRun, perLanguage, perRegion] = await Promise.all([
    base
      .select([
        'r.id as key',
        sql<number>`count(*)`.as('n'),
        sql<number>`count(*) filter (where not p.public)`.as('private'),
      ])
      .groupBy('r.id')
      .execute(),
    base
      .select([
        'r.language as key',
        sql<number>`count(*)`.as('n'),
        sql<number>`count(*) filter (where not p.public)`.as('private'),
      ])
      .groupBy('r.language')
      .execute(),
    // A region counts only when the learner shows it; the rest is 'not_said' (itself built from private values).
    base
      .select([
        sql<string>`case when ${regionShown} then u.region else 'not_said' end`.as('key'),
        sql<number>`count(*)`.as('n'),
        sql<number>`count(*) filter (where not p.public or not ${regionShown})`.as('private'),
      ])
      .groupBy(sql`1`)
      .execute(),
  ]);
  return { perRun: tallies(perRun), perLanguage: tallies(perLanguage), perRegion: tallies(perRegion) };
}

export const progressOf = (db: Db, userId: number, courseId: number) =>
  db
    .selectFrom('course_progress as p')
    .innerJoin('course_runs as r', 'r.id', 'p.run_id')
    .select(['p.run_id', 'p.status', 'p.public'])
    .where('p.user_id', '=', userId)
    .where('r.course_id', '=', courseId)
    .execute();

// Trainings that name this course: a small read of the events table, which belongs to the events feature.
// Its index does not exist on this base yet; this moves behind it when the two meet. An event shows its next
// occurrence, else its last one.

export interface CourseValues {
  title: string;
  summary: string;
  provider_community_id: number | null;
  skills: string[];
  phases: string[];
  level: CoursesTable['level'];
  hours: string | null;
  based_on_document_id: number | null;
  based_on_revision: number | null;
}

export const insertCourse = async (db: Db, v: CourseValues, by: number, at: Date) =>
  (
    await db
      .insertInto('courses')
      .values({
        ...v,
        ...markdownInsert({ summary: v.summary }, ['summary']),
        created_by: by,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

export const updateCourse = (db: Db, id: number, v: Partial<CourseValues>, at: Date) =>
  db
    .updateTable('courses')
    .set((eb) => ({
      ...v,
      ...markdownColumns({ summary: v.summary }),
      ...leadColumns({ summary: v.summary }),
      revision: eb('revision', '+', 1),
      updated_at: at,
    }))
    .where('id', '=', id)
    .execute();

export const touchCourse = (db: Db, id: number, at: Date) =>
  db.updateTable('courses').set({ updated_at: at }).where('id', '=', id).execute();

export type RunValues = Pick<CourseRunsTable, 'language' | 'course_key' | 'url' | 'status'> & {
  starts_on: string | null;
  ends_on: string | null;
};

export const insertRun = async (db: Db, courseId: number, v: RunValues, at: Date) =>
  (
    await db
      .insertInto('course_runs')
      .values({ ...v, course_id: courseId, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

export const updateRun = (db: Db, id: number, v: Partial<RunValues>, at: Date) =>
  db
    .updateTable('course_runs')
    .set({ ...v, updated_at: at })
    .where('id', '=', id)
    .execute();

export const keyTaken = async (db: Db, key: string, exceptRun: number | null) =>
  !!(await db
    .selectFrom('course_runs')
    .select('id')
    .where('course_key', '=', key)
    .$if(exceptRun !== null, (q) => q.where('id', '<>', exceptRun!))
    .executeTakeFirst());

export const saveProgress = (
  db: Db,
  v: { runId: number; userId: number; status: 'interested' | 'enrolled' | 'completed'; public: boolean; at: Date },
) =>
  db
    .insertInto('course_progress')
    .values({ run_id: v.runId, user_id: v.userId, status: v.status, public: v.public, updated_at: v.at })
    .onConflict((oc) =>
      oc.columns(['run_id', 'user_id']).doUpdateSet({ status: v.status, public: v.public, updated_at: v.at }),
    )
    .execute();

export async function deleteProgress(db: Db, runId: number, userId: number): Promise<boolean> {
  const res = await db
    .deleteFrom('course_progress')
    .where('run_id', '=', runId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** The public progress of a person, newest first (hidden courses left out). */
export const publicProgressOf = (db: Db, userId: number) =>
  db
    .selectFrom('course_progress as p')
    .innerJoin('course_runs as r', 'r.id', 'p.run_id')
    .innerJoin('courses as c', 'c.id', 'r.course_id')
    .select(['c.id as course_id', 'c.title', 'r.id as run_id', 'r.language', 'p.status', 'p.updated_at'])
    .where('p.user_id', '=', userId)
    .where('p.public', '=', true)
    .where(
      sql<boolean>`not exists (select 1 from moderation_hidden mh where mh.subject_type = 'course' and mh.subject_id = c.id)`,
    )
    .orderBy('p.updated_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(100)
    .execute();
