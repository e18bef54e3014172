// Who may do what with debates: pure functions of the person asking and the debate.
import { hasRole } from '../../http/access';
import type { CurrentUser } from '../../http/context';

/** Its opener closes a debate; so do moderators and admins. */
export const canCloseDebate = (user: CurrentUser | null, d: { opener_id: number | null }): boolean =>
  !!user && (user.id === d.opener_id || hasRole(user, 'moderator') || hasRole(user, 'admin'));
