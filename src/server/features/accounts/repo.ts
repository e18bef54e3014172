import type { Db } from '../../db/connection';

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
