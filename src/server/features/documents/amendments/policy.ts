// Who may do what with amendments: pure functions of the person asking, the amendment and their roles.
import { hasRole } from '../../../http/access';
import type { CurrentUser } from '../../../http/context';
import type { CommunityRoles } from '../../communities';

/** Maintainers decide: admins for a document; the group's coordinators for its adaptation. */
export const canDecide = (
  user: CurrentUser | null,
  target: { type: 'document' | 'adaptation' },
  roles: CommunityRoles | null,
): boolean => !!user && (target.type === 'document' ? hasRole(user, 'admin') : !!roles?.coordinator);

/** Only its author withdraws an amendment. */
export const canWithdraw = (user: CurrentUser | null, a: { author_id: number | null }): boolean =>
  !!user && a.author_id === user.id;
