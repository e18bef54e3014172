import type { Role } from '../http/context';
import type { Command } from './context';
import { findPerson, roleProblem, setRole } from './roles';

export const grant: Command = {
  usage: 'grant <username> <admin|moderator>',
  summary: 'Give a person a role',
  check: (args) => (args.length !== 2 ? 'Give a username (quoted if it has spaces) and a role.' : roleProblem(args[1])),
  async run({ handle, out }, [username, role]) {
    const person = await findPerson(handle.db, username);
    const changed = await setRole(handle.db, person, role as Role, true);
    out(changed ? `${person.username} is now ${role}.` : `${person.username} already is ${role}; nothing changed.`);
    return 0;
  },
};
