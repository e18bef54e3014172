// create-admin <username>: a network admin with the password in LDN_ADMIN_PASSWORD, or a generated one printed
// once. An existing person is made admin instead, and their password is left alone.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { audit } from '../http/audit';
import { usernameKey } from '../../contracts/usernames';
import { isCommonPassword } from '../features/accounts/common-passwords';
import { hashPassword } from '../features/accounts/passwords';
import { insertUser } from '../features/accounts/repo';
import { usernameSchema } from '../features/accounts/schema';
import type { Command } from './context';
import { setRole } from './roles';

function passwordProblem(password: string | undefined): string | null {
  if (password === undefined || password === '') return null;
  if (password.length < 8 || password.length > 128) return 'LDN_ADMIN_PASSWORD must be 8 to 128 characters long.';
  if (isCommonPassword(password)) return 'LDN_ADMIN_PASSWORD is too common or too easy to guess. Choose another.';
  return null;
}

export const createAdmin: Command = {
  usage: 'create-admin <username>',
  summary: 'Create a network admin (password from LDN_ADMIN_PASSWORD, or generated and printed once)',
  check(args) {
    if (args.length !== 1) return 'Give exactly one username (quoted if it has spaces).';
    const parsed = usernameSchema.safeParse(args[0]);
    if (!parsed.success) return `"${args[0]}" is not a valid username: it must not be empty or contain # < > [ ] | { } / @ :`;
    return passwordProblem(process.env.LDN_ADMIN_PASSWORD);
  },
  async run({ handle, out }, [name]) {
    const db = handle.db;
    const username = usernameSchema.parse(name);
    const key = usernameKey(username);
    const existing = await db.selectFrom('users').select(['id', 'username', 'roles']).where('username_key', '=', key).executeTakeFirst();
    if (existing) {
      const changed = await setRole(db, existing, 'admin', true);
      out(changed ? `${existing.username} already existed and is now a network admin (password unchanged).` : `${existing.username} already is a network admin; nothing changed.`);
      return 0;
    }
    const given = process.env.LDN_ADMIN_PASSWORD;
    const password = given || randomBytes(15).toString('base64url');
    const passwordHash = await hashPassword(password);
    const id = await db.transaction().execute(async (trx) => {
      const row = await insertUser(trx, { username, usernameKey: key, email: null, passwordHash });
      await trx.updateTable('users').set({ roles: sql<string[]>`array['admin']::text[]` }).where('id', '=', row.id).execute();
      await audit(trx, { actorId: null, action: 'account.create', objectType: 'user', objectId: row.id, details: { via: 'command line' } });
      await audit(trx, { actorId: null, action: 'role.grant', objectType: 'user', objectId: row.id, details: { role: 'admin', via: 'command line' } });
      return row.id;
    });
    out(`Created the network admin ${username} (id ${id}).`);
    if (given) out('The password is the one in LDN_ADMIN_PASSWORD.');
    else out(`Password (shown only this once; keep it somewhere safe): ${password}`);
    return 0;
  },
};
