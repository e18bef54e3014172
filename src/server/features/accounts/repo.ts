import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import { nameSkeleton } from '../../text/skeleton';

export const findUserByKey = (db: Db, key: string) =>
  db
    .selectFrom('users')
    .select(['id', 'username', 'password_hash', 'blocked_at'])
    .where('username_key', '=', key)
    .executeTakeFirst();

export const insertUser = (
  db: Db,
  v: {
    username: string;
    usernameKey: string;
    email: string | null;
    passwordHash: string | null;
    uiLanguage?: string | null;
  },
) =>
  db
    .insertInto('users')
    .values({
      username: v.username,
      username_key: v.usernameKey,
      username_skeleton: nameSkeleton(v.username),
      display_name: v.username,
      email: v.email,
      password_hash: v.passwordHash,
      ui_language: v.uiLanguage ?? null,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();

export const loadCurrentUser = (db: Db, id: number) =>
  db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'roles', 'time_zone', 'ui_language', 'suspended_until'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

/** The account's current wait after failed log-ins, if any (login-limits.ts). */
export const findLoginLock = (db: Db, userId: number) =>
  db.selectFrom('login_failures').select('locked_until').where('user_id', '=', userId).executeTakeFirst();

/**
 * Counts one failed log-in in the account's series and answers the series' count, in one statement so that
 * failures at the same moment all count. A series ends after a quiet window: from its start while the account is
 * under its limit, from the end of its last wait once past it.
 */
export async function countLoginFailure(db: Db, userId: number, now: Date, windowSeconds: number): Promise<number> {
  const quietSince = new Date(now.getTime() - windowSeconds * 1000);
  const ended = sql<boolean>`(login_failures.locked_until is null and login_failures.series_start <= ${quietSince})
    or login_failures.locked_until <= ${quietSince}`;
  const row = await db
    .insertInto('login_failures')
    .values({ user_id: userId, failures: 1, series_start: now, locked_until: null })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        failures: sql<number>`case when ${ended} then 1 else login_failures.failures + 1 end`,
        series_start: sql<Date>`case when ${ended} then excluded.series_start else login_failures.series_start end`,
        locked_until: sql<Date | null>`case when ${ended} then null else login_failures.locked_until end`,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return row.failures;
}

/** Makes the account wait until `until` (never shortening a longer wait set at the same moment). */
export const lockLogins = (db: Db, userId: number, until: Date) =>
  db
    .updateTable('login_failures')
    .set({ locked_until: sql<Date>`greatest(coalesce(locked_until, ${until}), ${until})` })
    .where('user_id', '=', userId)
    .execute();

export const clearLoginFailures = (db: Db, userId: number) =>
  db.deleteFrom('login_failures').where('user_id', '=', userId).execute();

/**
 * Someone else whose username is this one regardless of letter case, or looks like it (the same confusable
 * skeleton, text/skeleton.ts): one lookup on two indexes.
 */
export const findLookAlike = (db: Db, username: string, key: string, exceptUserId: number | null) => {
  let q = db
    .selectFrom('users')
    .select(['id', 'username', 'username_key'])
    .where((eb) => eb.or([eb('username_key', '=', key), eb('username_skeleton', '=', nameSkeleton(username))]));
  if (exceptUserId !== null) q = q.where('id', '<>', exceptUserId);
  return q
    .orderBy(sql`username_key = ${key}`, 'desc')
    .limit(1)
    .executeTakeFirst();
};

/** Fills the skeletons still empty (rows from before migrations/0027, or written by tools): idempotent. */
export async function fillUsernameSkeletons(db: Db): Promise<number> {
  const rows = await db.selectFrom('users').select(['id', 'username']).where('username_skeleton', 'is', null).execute();
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map((r) => sql`(${r.id}::bigint, ${nameSkeleton(r.username)})`);
    await sql`update users set username_skeleton = v.s from (values ${sql.join(values)}) as v(id, s)
      where users.id = v.id`.execute(db);
  }
  return rows.length;
}
