// Access checks for use cases, on the plain context: the first line of every use case is one of these. A
// refusal is logged in its own write (the refused change itself writes nothing) and answers 401 (not signed in)
// or 403. Who-may-do-what predicates live in each feature's policy.ts; these only enforce their answer.
import type { Ctx, CurrentUser, Role } from './context';
import { audit } from './audit';
import { ownWrite } from '../db/request-transaction';
import { forbidden, unauthorized } from './errors';

type Who = Pick<Ctx, 'actor'>;
type Logged = Pick<Ctx, 'actor' | 'ip' | 'db'>;
export interface ObjectRef {
  type: string;
  id: string | number;
}

export function requireUser(ctx: Who): CurrentUser {
  if (!ctx.actor) throw unauthorized();
  return ctx.actor;
}

export const hasRole = (user: CurrentUser | null | undefined, role: Role): boolean =>
  !!user && user.roles.includes(role);

/** Logs the refusal and returns the error to throw. */
export async function refuse(ctx: Logged, action: string, object?: ObjectRef) {
  await ownWrite(ctx.db, (db) =>
    audit(db, {
      actorId: ctx.actor?.id ?? null,
      action: 'permission.refused',
      objectType: object?.type,
      objectId: object?.id,
      details: { attempted: action },
      ip: ctx.ip ?? undefined,
    }),
  );
  return forbidden();
}

/** Passes when `allowed`; otherwise logs the refusal and throws 403 (or 401 for anonymous people). */
export async function ensure(ctx: Logged, allowed: boolean, action: string, object?: ObjectRef): Promise<void> {
  if (allowed) return;
  if (!ctx.actor) throw unauthorized();
  throw await refuse(ctx, action, object);
}

export async function requireRole(ctx: Logged, role: Role, action: string): Promise<CurrentUser> {
  const user = requireUser(ctx);
  await ensure(ctx, hasRole(user, role), action);
  return user;
}
