// Who may moderate whom. Moderators and admins moderate; a moderator acts on members, an admin on moderators
// and members; nobody warns, suspends or blocks an admin or themselves (admins are managed with the command
// line). Content may be hidden unless its author outranks the moderator.
import { hasRole } from '../../http/access';
import type { CurrentUser } from '../../http/context';

/** Moderators and admins: they read hidden text and take moderation actions. */
export const isModerator = (user: CurrentUser | null): boolean => hasRole(user, 'moderator') || hasRole(user, 'admin');

const rank = (roles: readonly string[]) => (roles.includes('admin') ? 2 : roles.includes('moderator') ? 1 : 0);

export const mayActOnPerson = (actor: CurrentUser, target: { id: number; roles: readonly string[] }): boolean =>
  actor.id !== target.id && rank(actor.roles) > rank(target.roles);

export const mayActOnContent = (actor: CurrentUser, ownerRoles: readonly string[]): boolean =>
  rank(actor.roles) >= rank(ownerRoles);
