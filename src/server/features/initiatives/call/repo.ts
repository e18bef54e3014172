// SQL for calls for collaborators: the call, its jobs with their filled places, sign-ups. Accepting locks the
// job's row (SELECT … FOR UPDATE) so that two leads accepting at once never fill more places than there are.
import { sql } from 'kysely';
import type { Db } from '../../../db/connection';
import type { SignupStatus } from '../tables';

export const findCall = (db: Db, initiativeId: number) =>
  db.selectFrom('initiative_calls').selectAll().where('initiative_id', '=', initiativeId).executeTakeFirst();

export type CallRow = NonNullable<Awaited<ReturnType<typeof findCall>>>;

export const jobsOf = (db: Db, initiativeId: number) =>
  db
    .selectFrom('initiative_jobs as j')
    .select([
      'j.id',
      'j.title',
      'j.description',
      'j.places',
      'j.skills',
      'j.commitment',
      'j.position',
      sql<number>`(select count(*) from initiative_signups s where s.job_id = j.id and s.status = 'accepted')`.as(
        'filled',
      ),
      sql<number>`(select count(*) from initiative_signups s where s.job_id = j.id and s.status = 'pending')`.as(
        'waiting',
      ),
      sql<number>`(select count(*) from initiative_signups s where s.job_id = j.id and s.status <> 'withdrawn')`.as(
        'signups',
      ),
    ])
    .where('j.initiative_id', '=', initiativeId)
    .orderBy('j.position')
    .execute();

export type JobRow = Awaited<ReturnType<typeof jobsOf>>[number];

export async function saveCall(
  db: Db,
  initiativeId: number,
  v: { goals: string[]; start: string; end: string; deadline: string; howToJoin: string; at: Date; reopen: boolean },
): Promise<void> {
  await db
    .insertInto('initiative_calls')
    .values({
      initiative_id: initiativeId,
      goals: v.goals,
      starts_on: v.start,
      ends_on: v.end,
      deadline: v.deadline,
      how_to_join: v.howToJoin,
      opened_at: v.at,
      closed_at: null,
      closed_reason: null,
      updated_at: v.at,
    })
    .onConflict((oc) =>
      oc.column('initiative_id').doUpdateSet((eb) => ({
        goals: eb.ref('excluded.goals'),
        starts_on: eb.ref('excluded.starts_on'),
        ends_on: eb.ref('excluded.ends_on'),
        deadline: eb.ref('excluded.deadline'),
        how_to_join: eb.ref('excluded.how_to_join'),
        updated_at: eb.ref('excluded.updated_at'),
        ...(v.reopen ? { closed_at: null, closed_reason: null } : {}),
      })),
    )
    .execute();
}

export async function insertJob(
  db: Db,
  initiativeId: number,
  j: { title: string; description: string; places: number; skills: string[]; commitment: string; position: number },
) {
  return (
    await db
      .insertInto('initiative_jobs')
      .values({ initiative_id: initiativeId, ...j })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function updateJob(
  db: Db,
  id: number,
  j: { title: string; description: string; places: number; skills: string[]; commitment: string; position: number },
) {
  await db.updateTable('initiative_jobs').set(j).where('id', '=', id).execute();
}

export async function deleteJobs(db: Db, ids: number[]) {
  if (ids.length) await db.deleteFrom('initiative_jobs').where('id', 'in', ids).execute();
}

/** Closes an open call; answers whether this call did (a second closer finds it closed). */
export async function closeCall(db: Db, initiativeId: number, reason: 'full' | 'deadline', at: Date): Promise<boolean> {
  const res = await db
    .updateTable('initiative_calls')
    .set({ closed_at: at, closed_reason: reason })
    .where('initiative_id', '=', initiativeId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Open calls whose deadline has passed (the day before `today`, UTC). */
export const callsPastDeadline = (db: Db, today: string, limit: number) =>
  db
    .selectFrom('initiative_calls')
    .select('initiative_id')
    .where('closed_at', 'is', null)
    .where('deadline', '<', today)
    .orderBy('deadline')
    .limit(limit)
    .execute();

/** Whether every job of the initiative has all its places filled. */
export async function everyJobFull(db: Db, initiativeId: number): Promise<boolean> {
  const row = await sql<{ full: boolean }>`select not exists (
      select 1 from initiative_jobs j where j.initiative_id = ${initiativeId}
        and j.places > (select count(*) from initiative_signups s where s.job_id = j.id and s.status = 'accepted')
    ) and exists (select 1 from initiative_jobs j where j.initiative_id = ${initiativeId}) as full`.execute(db);
  return !!row.rows[0]?.full;
}

// --- sign-ups

const selectSignups = (db: Db) =>
  db
    .selectFrom('initiative_signups as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.initiative_id',
      's.job_id',
      's.user_id',
      's.message',
      's.status',
      's.created_at',
      'u.username',
      'u.display_name',
      'u.public_fields',
    ]);

export type SignupRow = Awaited<ReturnType<ReturnType<typeof selectSignups>['executeTakeFirstOrThrow']>>;

export const findSignup = (db: Db, id: number) => selectSignups(db).where('s.id', '=', id).executeTakeFirst();

export const signupsOf = (db: Db, initiativeId: number, userId: number) =>
  selectSignups(db)
    .where('s.initiative_id', '=', initiativeId)
    .where('s.user_id', '=', userId)
    .where('s.status', '<>', 'withdrawn')
    .orderBy('s.id')
    .execute();

/** Sign-ups of an initiative with a status, oldest first; `after` is [created_at ISO, id]. */
export function listSignups(
  db: Db,
  initiativeId: number,
  status: SignupStatus,
  after: [string, number] | null,
  limit: number,
) {
  let q = selectSignups(db).where('s.initiative_id', '=', initiativeId).where('s.status', '=', status);
  if (after)
    q = q.where(sql<boolean>`(s.created_at, s.id) > (${new Date(after[0])}::timestamptz, ${after[1]}::bigint)`);
  return q
    .orderBy('s.created_at')
    .orderBy('s.id')
    .limit(limit + 1)
    .execute();
}

/** Accepted people per job (and general help, job null) of an initiative. */
export const acceptedOf = (db: Db, initiativeId: number) =>
  selectSignups(db)
    .where('s.initiative_id', '=', initiativeId)
    .where('s.status', '=', 'accepted')
    .orderBy('s.decided_at')
    .orderBy('s.id')
    .execute();

export const pendingCount = async (db: Db, initiativeId: number): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('initiative_signups')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('initiative_id', '=', initiativeId)
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow()
    ).n,
  );

/** People still waiting (pending sign-ups) when a call closes. */
export const waitingPeople = async (db: Db, initiativeId: number): Promise<number[]> =>
  (
    await db
      .selectFrom('initiative_signups')
      .select('user_id')
      .distinct()
      .where('initiative_id', '=', initiativeId)
      .where('status', '=', 'pending')
      .execute()
  ).map((r) => r.user_id);

/** A new sign-up; null when the person already signed up for this job (or general help). */
export async function insertSignup(
  db: Db,
  v: { initiativeId: number; jobId: number | null; userId: number; message: string; at: Date },
): Promise<number | null> {
  const row = await sql<{
    id: number;
  }>`insert into initiative_signups (initiative_id, job_id, user_id, message, created_at)
    values (${v.initiativeId}, ${v.jobId}, ${v.userId}, ${v.message}, ${v.at})
    on conflict (initiative_id, coalesce(job_id, 0), user_id) where status <> 'withdrawn' do nothing
    returning id`.execute(db);
  return row.rows[0] ? Number(row.rows[0].id) : null;
}

/** Locks the job's row until the transaction ends and counts its accepted sign-ups. */
/** A job's title (undefined when it is gone). */
export const jobTitle = async (db: Db, jobId: number): Promise<string | undefined> =>
  (await db.selectFrom('initiative_jobs').select('title').where('id', '=', jobId).executeTakeFirst())?.title;

export async function lockJob(db: Db, jobId: number): Promise<{ places: number; filled: number } | undefined> {
  const job = await db
    .selectFrom('initiative_jobs')
    .select(['id', 'places'])
    .where('id', '=', jobId)
    .forUpdate()
    .executeTakeFirst();
  if (!job) return undefined;
  const row = await db
    .selectFrom('initiative_signups')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('job_id', '=', jobId)
    .where('status', '=', 'accepted')
    .executeTakeFirstOrThrow();
  return { places: job.places, filled: Number(row.n) };
}

/** Decides a pending sign-up; false when it is no longer pending. */
export async function decideSignup(
  db: Db,
  id: number,
  status: 'accepted' | 'declined',
  by: number,
  at: Date,
): Promise<boolean> {
  const res = await db
    .updateTable('initiative_signups')
    .set({ status, decided_by: by, decided_at: at })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function withdrawSignup(db: Db, id: number, at: Date): Promise<boolean> {
  const res = await db
    .updateTable('initiative_signups')
    .set({ status: 'withdrawn', decided_at: at })
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'accepted'])
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
