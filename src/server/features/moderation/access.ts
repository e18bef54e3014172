// Who may moderate whom. Moderators and admins moderate; a moderator acts on members, an admin on moderators
// and members; nobody warns, suspends or blocks an admin or themselves (admins are managed with the command
// line). Content may be hidden unless its author outranks the moderator.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/connection';
import type { CurrentUser } from '../../http/context';
import { ensure, requireUser } from '../../http/permissions';
import { isModerator } from './visibility';
import { describeSubject } from './subjects';
import { subjectKey, type Descriptions } from './present';

const rank = (roles: readonly string[]) => (roles.includes('admin') ? 2 : roles.includes('moderator') ? 1 : 0);

export const mayActOnPerson = (actor: CurrentUser, target: { id: number; roles: readonly string[] }) =>
  actor.id !== target.id && rank(actor.roles) > rank(target.roles);

export const mayActOnContent = (actor: CurrentUser, ownerRoles: readonly string[]) => rank(actor.roles) >= rank(ownerRoles);

/** First line of every moderator's use case: 401 for anonymous people, 403 (logged) for members. */
export async function requireModerator(db: Db, req: FastifyRequest, action: string, object?: { type: string; id: string | number }): Promise<CurrentUser> {
  const user = requireUser(req);
  await ensure(db, req, isModerator(user), action, object);
  return user;
}

/** Titles and links of the items a page of the queue or the log names (one lookup per distinct item). */
export async function describeAll(db: Db, subjects: { type: string; id: number }[]): Promise<Descriptions> {
  const out: Descriptions = new Map();
  for (const s of subjects) {
    const key = subjectKey(s.type, s.id);
    if (!out.has(key)) out.set(key, await describeSubject(db, s.type, s.id));
  }
  return out;
}
