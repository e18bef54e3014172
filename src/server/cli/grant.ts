import type { Role } from '../http/context';
import { setRole } from '../features/accounts';
import { CommandError, commandCtx, type Command } from './context';
import { roleProblem } from './roles';

export const grant: Command = {
  usage: 'grant <username> <admin|moderator>',
  summary: 'Give a person a role',
  check: (args) => (args.length !== 2 ? 'Give a username (quoted if it has spaces) and a role.' : roleProblem(args[1])),
  async run(c, [username = '', role]) {
    const change = await setRole(commandCtx(c), username, role as Role, true);
    if (!change) throw new CommandError(`No one has the username "${username}".`);
    c.out(
      change.changed ? `${change.username} is now ${role}.` : `${change.username} already is ${role}; nothing changed.`,
    );
    return 0;
  },
};
