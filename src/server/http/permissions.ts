// Permission checks used as the first line of every use case. A refusal is logged in its own write (the
// refused change itself writes nothing) and answers 401 (not signed in) or 403.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/connection';
import type { CurrentUser, Role } from './context';
import { audit } from './audit';
import { forbidden, unauthorized } from './errors';

export function requireUser(req: FastifyRequest): CurrentUser {
  if (!req.user) throw unauthorized();
  return req.user;
}

export const hasRole = (user: CurrentUser | null, role: Role): boolean => !!user && user.roles.includes(role);

/** Logs the refusal and returns the error to throw. */
export async function refuse(db: Db, req: FastifyRequest, action: string, object?: { type: string; id: string | number }) {
  await audit(db, {
    actorId: req.user?.id ?? null,
    action: 'permission.refused',
    objectType: object?.type,
    objectId: object?.id,
    details: { attempted: action },
    ip: req.ip,
  });
  return forbidden();
}

/** Passes when `allowed`; otherwise logs the refusal and throws 403 (or 401 for anonymous people). */
export async function ensure(db: Db, req: FastifyRequest, allowed: boolean, action: string, object?: { type: string; id: string | number }) {
  if (allowed) return;
  if (!req.user) throw unauthorized();
  throw await refuse(db, req, action, object);
}

export async function requireRole(db: Db, req: FastifyRequest, role: Role, action: string): Promise<CurrentUser> {
  const user = requireUser(req);
  await ensure(db, req, hasRole(user, role), action);
  return user;
}
