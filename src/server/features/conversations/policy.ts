// Who may do what with comments: pure functions of the person asking and the comment.
import type { CurrentUser } from '../../http/context';
import { hasRole } from '../../http/access';

interface CommentFacts {
  author_id: number | null;
  deleted_at: Date | null;
}

/** Its author edits a comment, while it is not deleted. */
export const canEditComment = (user: CurrentUser | null, r: CommentFacts): boolean =>
  !!user && !r.deleted_at && user.id === r.author_id;

/** Its author deletes a comment; so do admins and moderators. */
export const canDeleteComment = (user: CurrentUser | null, r: CommentFacts): boolean =>
  !!user && !r.deleted_at && (user.id === r.author_id || hasRole(user, 'admin') || hasRole(user, 'moderator'));
