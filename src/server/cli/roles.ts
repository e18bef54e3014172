// Shared by the role commands: checking the role named on the command line.
import type { Role } from '../http/context';

export const ROLES: Role[] = ['admin', 'moderator'];

export const roleProblem = (role: string | undefined) =>
  role && (ROLES as string[]).includes(role) ? null : `Unknown role "${role ?? ''}". Roles: ${ROLES.join(', ')}.`;
