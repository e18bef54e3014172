// Comments as the API shows them: an explicit whitelist, Markdown rendered and sanitized, deleted text gone.
import type { CurrentUser } from '../../http/context';
import { hasRole } from '../../http/permissions';
import { markdownExcerpt, renderMarkdown } from '../../markdown/render';
import { hiddenView } from '../moderation/visibility';
import type { CommentRow } from './repo';

const person = (username: string | null, displayName: string | null) =>
  username ? { username, displayName: displayName || username } : null;

export const canEditComment = (user: CurrentUser | null, r: Pick<CommentRow, 'author_id' | 'deleted_at'>) =>
  !!user && !r.deleted_at && user.id === r.author_id;

export const canDeleteComment = (user: CurrentUser | null, r: Pick<CommentRow, 'author_id' | 'deleted_at'>) =>
  !!user && !r.deleted_at && (user.id === r.author_id || hasRole(user, 'admin') || hasRole(user, 'moderator'));

export function presentComment(r: CommentRow, viewer: CurrentUser | null) {
  const deleted = r.deleted_at !== null;
  // Hidden by a moderator: a placeholder with the reason; the text only for its author and moderators.
  const { hidden, readable } = hiddenView(r, viewer, r.author_id);
  const shown = !deleted && readable;
  return {
    id: String(r.id),
    subject: { type: r.subject_type, id: String(r.subject_id) },
    parentId: r.parent_id === null ? null : String(r.parent_id),
    depth: r.depth,
    author: deleted ? null : person(r.author_username, r.author_display_name),
    bodyHtml: shown ? renderMarkdown(r.body) : '',
    body: shown ? r.body : '',
    createdAt: r.created_at.toISOString(),
    editedAt: deleted || !r.edited_at ? null : r.edited_at.toISOString(),
    edited: !deleted && r.edited_at !== null,
    deleted,
    hidden: deleted ? null : hidden,
    quoted:
      r.quoted_id === null
        ? null
        : {
            id: String(r.quoted_id),
            author: r.quoted_deleted_at ? null : person(r.quoted_author_username, r.quoted_author_display_name),
            excerpt: r.quoted_deleted_at || r.quoted_body === null || r.quoted_hidden_reason !== null ? '' : markdownExcerpt(r.quoted_body, 140),
          },
    can: { edit: canEditComment(viewer, r), delete: canDeleteComment(viewer, r) },
  };
}
