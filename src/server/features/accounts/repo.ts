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
