// SQL for network roles (users.roles).
import { sql } from 'kysely';
import type { Db } from '../../../db/connection';
import type { Role } from '../../../http/context';

export const findByUsernameKey = (db: Db, key: string) =>
  db.selectFrom('users').select(['id', 'username', 'roles']).where('username_key', '=', key).executeTakeFirst();

export const changeRole = (db: Db, userId: number, role: Role, give: boolean, now: Date) =>
  db
    .updateTable('users')
    .set({
      roles: give ? sql<string[]>`array_append(roles, ${role})` : sql<string[]>`array_remove(roles, ${role})`,
      updated_at: now,
    })
    .where('id', '=', userId)
    .execute();

/** The roles of a person just created: admin only. */
export const makeOnlyAdmin = (db: Db, userId: number) =>
  db
    .updateTable('users')
    .set({ roles: sql<string[]>`array['admin']::text[]` })
    .where('id', '=', userId)
    .execute();
