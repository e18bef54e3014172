// Who may do what with adaptations: pure functions of the person's roles in the adaptation's group.
import type { CurrentUser } from '../../../http/context';
import type { CommunityRoles } from '../../communities';

/** Only the group's coordinators make, change, review or adopt amendments into its adaptation. */
export const canChangeAdaptation = (user: CurrentUser | null, roles: CommunityRoles | null): boolean =>
  !!user && !!roles?.coordinator;
