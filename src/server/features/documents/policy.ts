// Who may do what with documents: pure functions of the person asking and the item.
import { hasRole } from '../../http/access';
import type { CurrentUser } from '../../http/context';

/** Only admins edit the source of a document (its units, its title) and set its priority languages. */
export const canEditSource = (user: CurrentUser | null): boolean => hasRole(user, 'admin');

/** Anyone signed in translates. */
export const canTranslate = (user: CurrentUser | null): boolean => !!user;

/** Anyone signed in but its last translator marks a translation proofread: nobody proofreads their own text. */
export const canProofread = (user: CurrentUser | null, t: { translated_by: number | null }): boolean =>
  !!user && user.id !== t.translated_by;
