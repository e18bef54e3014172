// Who may do what with a group: pure predicates of the person asking and what is known of the group. The use
// cases (service.ts, members.ts) read the person's roles, then enforce these answers with http/access.ts.
import type { CurrentUser } from '../../http/context';
import { hasRole } from '../../http/access';
import type { CommunityRoles } from './roles';

/** Network admins and the group's coordinators change the group and manage its members and ambassadors. */
export const mayManageCommunity = (actor: CurrentUser, roles: CommunityRoles | null): boolean =>
  hasRole(actor, 'admin') || !!roles?.coordinator;

/** Only network admins mark a group as a partner (or take the mark back). */
export const mayMarkPartner = (actor: CurrentUser): boolean => hasRole(actor, 'admin');

/**
 * Removing someone else from a group is managing it, which a suspended person may not do; leaving a group
 * oneself stays open during a suspension (DECISIONS 1), so the route is open and this is checked here.
 */
export const mayRemoveOthersNow = (actor: CurrentUser): boolean => !actor.suspendedUntil;

/** What the page offers the person looking at the group. */
export const viewerOf = (actor: CurrentUser | null, roles: Pick<CommunityRoles, 'member' | 'coordinator'> | null) => {
  const isAdmin = hasRole(actor, 'admin');
  return {
    member: !!roles?.member,
    coordinator: !!roles?.coordinator,
    canEdit: isAdmin || !!roles?.coordinator,
    isAdmin,
  };
};
