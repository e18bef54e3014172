import type { Role } from '../http/context';
import { setRole } from '../features/accounts';
import { CommandError, commandCtx, type Command } from './context';
import { roleProblem } from './roles';

export const revoke: Command = {
  usage: 'revoke <username> <admin|moderator>',
  summary: 'Take a role from a person',
  check: (args) => (args.length !== 2 ? 'Give a username (quoted if it has spaces) and a role.' : roleProblem(args[1])),
  async run(c, [username = '', role]) {
    const change = await setRole(commandCtx(c), username, role as Role, false);
    if (!change) throw new CommandError(`No one has the username "${username}".`);
    c.out(
      change.changed
        ? `${change.username} is no longer ${role}.`
        : `${change.username} was not ${role}; nothing changed.`,
    );
    return 0;
  },
};
