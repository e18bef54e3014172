// Comments as the API shows them: an explicit whitelist, Markdown rendered and sanitized, deleted text gone.
import type { CommentItem } from '../../../contracts/conversations';
import type { CurrentUser } from '../../http/context';
import { storedExcerpt, storedHtml } from '../../markdown/stored';
import { hiddenView } from '../moderation';
import { presentJoinedPerson } from '../people';
import { canDeleteComment, canEditComment } from './policy';
import type { CommentRow } from './repo';

export function presentComment(r: CommentRow, viewer: CurrentUser | null): CommentItem {
  const deleted = r.deleted_at !== null;
  // Hidden by a moderator: a placeholder with the reason; the text only for its author and moderators.
  const { hidden, readable } = hiddenView(r, viewer, r.author_id);
  const shown = !deleted && readable;
  return {
    id: String(r.id),
    subject: { type: r.subject_type, id: String(r.subject_id) },
    parentId: r.parent_id === null ? null : String(r.parent_id),
    depth: r.depth,
    author: deleted ? null : presentJoinedPerson(r.author_username, r.author_display_name, r.author_public_fields),
    bodyHtml: shown ? storedHtml(r.body, r.body_html, r.html_version) : '',
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
            author: r.quoted_deleted_at
              ? null
              : presentJoinedPerson(
                  r.quoted_author_username,
                  r.quoted_author_display_name,
                  r.quoted_author_public_fields,
                ),
            excerpt:
              r.quoted_deleted_at || r.quoted_body === null || r.quoted_hidden_reason !== null
                ? ''
                : storedExcerpt(r.quoted_body, r.quoted_body_lead, r.quoted_html_version, 140),
          },
    can: { edit: canEditComment(viewer, r), delete: canDeleteComment(viewer, r) },
  };
}
