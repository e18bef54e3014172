// Updates as the API shows them: an explicit whitelist of fields, Markdown rendered and sanitized.
import type { CurrentUser } from '../../http/context';
import { hasRole } from '../../http/permissions';
import { markdownExcerpt, renderMarkdown } from '../../markdown/render';
import type { UpdateRow } from './repo';
import { hiddenView } from '../moderation/visibility';

export const presentUpdate = (r: UpdateRow) => ({
  id: String(r.id),
  title: r.title,
  bodyHtml: renderMarkdown(r.body),
  excerpt: markdownExcerpt(r.body),
  community: { slug: r.community_slug, name: r.community_name },
  language: r.language,
  author: r.author_username ? { username: r.author_username, displayName: r.author_display_name || r.author_username } : null,
  demo: r.is_demo,
  publishedAt: r.published_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export const canEditUpdate = (user: CurrentUser | null, r: Pick<UpdateRow, 'author_id'>) =>
  !!user && (user.id === r.author_id || hasRole(user, 'admin'));

export const canDeleteUpdate = (user: CurrentUser | null, r: Pick<UpdateRow, 'author_id'>) =>
  canEditUpdate(user, r) || hasRole(user, 'moderator');

export function presentUpdateDetail(r: UpdateRow, viewer: CurrentUser | null) {
  // Hidden by moderation: a placeholder with the reason; the text only for its author and moderators.
  const { hidden, readable } = hiddenView(r, viewer, r.author_id);
  const shown = presentUpdate(r);
  return {
    ...shown,
    ...(readable ? {} : { title: '', bodyHtml: '', excerpt: '' }),
    body: readable ? r.body : '',
    hidden,
    can: { edit: canEditUpdate(viewer, r), delete: canDeleteUpdate(viewer, r) },
  };
}
