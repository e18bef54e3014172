// Who may do what with Community Updates: pure predicates of the person asking and the update (or the groups
// they lead). The use cases in service.ts enforce their answers with http/access.ts.
import type { CurrentUser } from '../../http/context';
import { hasRole } from '../../http/access';

/** Admins post for any group; others for the groups they coordinate or are a current ambassador of. */
export const mayPostFor = (actor: CurrentUser, led: readonly number[], communityId: number): boolean =>
  hasRole(actor, 'admin') || led.includes(communityId);

/** Someone who leads no group at all may not post (asked before anything about the group they named is revealed). */
export const mayPostAtAll = (actor: CurrentUser, led: readonly number[]): boolean =>
  hasRole(actor, 'admin') || led.length > 0;

/** Its author and admins change an update. */
export const mayEditUpdate = (actor: CurrentUser | null, u: { author_id: number | null }): boolean =>
  !!actor && (actor.id === u.author_id || hasRole(actor, 'admin'));

/** Its author, admins and moderators delete an update. */
export const mayDeleteUpdate = (actor: CurrentUser | null, u: { author_id: number | null }): boolean =>
  mayEditUpdate(actor, u) || hasRole(actor, 'moderator');

/**
 * Deleting one's own update stays open during a suspension (DECISIONS 1), so the route is open; deleting
 * someone else's (as an admin or a moderator) is not.
 */
export const mayDeleteNow = (actor: CurrentUser, u: { author_id: number | null }): boolean =>
  actor.id === u.author_id || !actor.suspendedUntil;
