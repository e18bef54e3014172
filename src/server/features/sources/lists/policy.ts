// Who may keep a reading list: pure functions of the person and the list.
import { hasRole } from '../../../http/access';
import type { CurrentUser } from '../../../http/context';

/** The group roles that keep a group's lists. */
export interface GroupKeeper {
  coordinator: boolean;
  ambassador: boolean;
}

/** Starting a group's list, or changing one: the group's coordinators and current ambassadors, and admins. */
export const keepsGroupLists = (user: CurrentUser | null, roles: GroupKeeper): boolean =>
  !!user && (roles.coordinator || roles.ambassador || hasRole(user, 'admin'));

/** Changing (and deleting) a list: a personal one only by its owner; a group's by those who keep its lists. */
export const canEditList = (
  user: CurrentUser | null,
  list: { owner_id: number | null; community_id: number | null },
  roles: GroupKeeper,
): boolean => {
  if (!user) return false;
  if (list.owner_id !== null) return list.owner_id === user.id;
  return keepsGroupLists(user, roles);
};
