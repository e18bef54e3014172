import type { Role } from '../http/context';
import type { Command } from './context';
import { findPerson, roleProblem, setRole } from './roles';

export const revoke: Command = {
  usage: 'revoke <username> <admin|moderator>',
  summary: 'Take a role from a person',
  check: (args) => (args.length !== 2 ? 'Give a username (quoted if it has spaces) and a role.' : roleProblem(args[1])),
  async run({ handle, out }, [username, role]) {
    const person = await findPerson(handle.db, username);
    const changed = await setRole(handle.db, person, role as Role, false);
    out(changed ? `${person.username} is no longer ${role}.` : `${person.username} was not ${role}; nothing changed.`);
    return 0;
  },
};
