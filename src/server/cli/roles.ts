// Shared by the role commands: finding a person by username and giving or taking a role, audited.
import { sql } from 'kysely';
import type { Db } from '../db/connection';
import { audit } from '../http/audit';
import type { Role } from '../http/context';
import { usernameKey } from '../../contracts/usernames';
import { CommandError } from './context';

export const ROLES: Role[] = ['admin', 'moderator'];

export const roleProblem = (role: string | undefined) =>
  role && (ROLES as string[]).includes(role) ? null : `Unknown role "${role ?? ''}". Roles: ${ROLES.join(', ')}.`;

export async function findPerson(db: Db, username: string) {
  const row = await db.selectFrom('users').select(['id', 'username', 'roles']).where('username_key', '=', usernameKey(username)).executeTakeFirst();
  if (!row) throw new CommandError(`No one has the username "${username}".`);
  return row;
}

/** Gives or takes a role; answers false when there was nothing to change. */
export async function setRole(db: Db, person: { id: number; roles: string[] }, role: Role, give: boolean): Promise<boolean> {
  if (person.roles.includes(role) === give) return false;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ roles: give ? sql<string[]>`array_append(roles, ${role})` : sql<string[]>`array_remove(roles, ${role})`, updated_at: new Date() })
      .where('id', '=', person.id)
      .execute();
    await audit(trx, { actorId: null, action: give ? 'role.grant' : 'role.revoke', objectType: 'user', objectId: person.id, details: { role, via: 'command line' } });
  });
  return true;
}
