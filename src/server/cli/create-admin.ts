// create-admin <username>: a network admin with the password in LDN_ADMIN_PASSWORD, or a generated one printed
// once. An existing person is made admin instead, and their password is left alone.
import { randomBytes } from 'node:crypto';
import {
  comparableName,
  createAdmin as createAdminAccount,
  isCommonPassword,
  usernameSchema,
} from '../features/accounts';
import { commandCtx, type Command } from './context';

function passwordProblem(password: string | undefined, username: string): string | null {
  if (password === undefined || password === '') return null;
  if (password.length < 8 || password.length > 128) return 'LDN_ADMIN_PASSWORD must be 8 to 128 characters long.';
  if (isCommonPassword(password)) return 'LDN_ADMIN_PASSWORD is too common or too easy to guess. Choose another.';
  // As sign-up refuses it: the username, however written (case, spaces, underscores), is the first guess.
  if (comparableName(password) === comparableName(username))
    return 'LDN_ADMIN_PASSWORD is the username itself. Choose another.';
  return null;
}

export const createAdmin: Command = {
  usage: 'create-admin <username>',
  summary: 'Create a network admin (password from LDN_ADMIN_PASSWORD, or generated and printed once)',
  check(args) {
    if (args.length !== 1) return 'Give exactly one username (quoted if it has spaces).';
    const parsed = usernameSchema.safeParse(args[0]);
    if (!parsed.success)
      return `"${args[0]}" is not a valid username: it must not be empty or contain # < > [ ] | { } / @ :`;
    return passwordProblem(process.env.LDN_ADMIN_PASSWORD, parsed.data);
  },
  async run(c, [name]) {
    const username = usernameSchema.parse(name);
    const given = process.env.LDN_ADMIN_PASSWORD;
    const password = given || randomBytes(15).toString('base64url');
    const result = await createAdminAccount(commandCtx(c), { username, password });
    if (!result.created) {
      c.out(
        result.changed
          ? `${result.username} already existed and is now a network admin (password unchanged).`
          : `${result.username} already is a network admin; nothing changed.`,
      );
      return 0;
    }
    c.out(`Created the network admin ${username} (id ${result.id}).`);
    if (given) c.out('The password is the one in LDN_ADMIN_PASSWORD.');
    else c.out(`Password (shown only this once; keep it somewhere safe): ${password}`);
    return 0;
  },
};
