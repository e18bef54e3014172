// Who may do what with sources: pure functions of the person asking. The database is wiki-like: anyone signed in
// adds and edits records (a suspension is refused by the route policy before these run); only moderators and
// admins revert, merge and delete, since those undo other people's work.
import { hasRole } from '../../http/access';
import type { CurrentUser } from '../../http/context';

const suspended = (user: CurrentUser, now: Date) => !!user.suspendedUntil && user.suspendedUntil > now;

/** Adding a source and editing its record: any member not suspended now. */
export const canEditSources = (user: CurrentUser | null, now: Date): boolean => !!user && !suspended(user, now);

/** Reviewing a source: any member (the route policy refuses a suspended person's write). */
export const canReviewSources = (user: CurrentUser | null): boolean => !!user;

/** Reverting, merging and deleting sources: moderators and admins. */
export const canModerateSources = (user: CurrentUser | null): boolean =>
  hasRole(user, 'moderator') || hasRole(user, 'admin');
