// Network roles (admin, moderator), given and taken on the command line, and the first admin created there.
// Each use case starts with its permission check (policy.ts); every change is audited in its transaction.
import { ensure } from '../../../http/access';
import { audit } from '../../../http/audit';
import type { Ctx, Role } from '../../../http/context';
import { usernameKey } from '../../../../contracts/usernames';
import { hashPassword } from '../passwords';
import { insertUser } from '../repo';
import { mayManageRoles } from './policy';
import { changeRole, findByUsernameKey, makeOnlyAdmin } from './roles-repo';

/** Audit details of changes made by the system: roles are only given on the command line (policy.ts). */
const VIA = { via: 'command line' };

export interface RoleChange {
  /** The person's username as stored. */
  username: string;
  /** False when the person already had (or lacked) the role: nothing was written. */
  changed: boolean;
}

/** Gives (`give`) or takes a role; null when no one has the username. */
export async function setRole(ctx: Ctx, username: string, role: Role, give: boolean): Promise<RoleChange | null> {
  await ensure(ctx, mayManageRoles(ctx), give ? 'role.grant' : 'role.revoke');
  const person = await findByUsernameKey(ctx.db, usernameKey(username));
  if (!person) return null;
  if (person.roles.includes(role) === give) return { username: person.username, changed: false };
  await ctx.db.transaction().execute(async (trx) => {
    await changeRole(trx, person.id, role, give, ctx.now);
    await audit(trx, {
      actorId: null,
      action: give ? 'role.grant' : 'role.revoke',
      objectType: 'user',
      objectId: person.id,
      details: { role, ...VIA },
    });
  });
  return { username: person.username, changed: true };
}

export type AdminCreation = { created: true; id: number; username: string } | ({ created: false } & RoleChange);

/**
 * A network admin with this password; an existing person with the username is made admin instead, and their
 * password is left alone. The username and password were checked by the caller (schema.ts, common-passwords.ts).
 */
export async function createAdmin(ctx: Ctx, v: { username: string; password: string }): Promise<AdminCreation> {
  await ensure(ctx, mayManageRoles(ctx), 'account.create');
  const key = usernameKey(v.username);
  if (await findByUsernameKey(ctx.db, key)) {
    const change = await setRole(ctx, v.username, 'admin', true);
    if (change) return { created: false, ...change };
  }
  const passwordHash = await hashPassword(v.password);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await insertUser(trx, { username: v.username, usernameKey: key, email: null, passwordHash });
    await makeOnlyAdmin(trx, row.id);
    await audit(trx, { actorId: null, action: 'account.create', objectType: 'user', objectId: row.id, details: VIA });
    await audit(trx, {
      actorId: null,
      action: 'role.grant',
      objectType: 'user',
      objectId: row.id,
      details: { role: 'admin', ...VIA },
    });
    return row.id;
  });
  return { created: true, id, username: v.username };
}
