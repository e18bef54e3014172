// Updates as the API shows them: an explicit whitelist of fields typed against src/contracts/updates.ts,
// Markdown rendered and sanitized; the author through the one person presenter (hidden display names).
import type { CurrentUser } from '../../http/context';
import { storedExcerpt, storedHtml } from '../../markdown/stored';
import type { PersonRef } from '../../../contracts/people';
import type { UpdateDetail, UpdateItem } from '../../../contracts/updates';
import { presentJoinedPerson } from '../people';
import { hiddenView } from '../moderation';
import { mayDeleteUpdate, mayEditUpdate } from './policy';
import type { UpdateRow } from './repo';

export const authorOf = (
  r: Pick<UpdateRow, 'author_username' | 'author_display_name' | 'author_public_fields'>,
): PersonRef | null => presentJoinedPerson(r.author_username || null, r.author_display_name, r.author_public_fields);

export const presentUpdate = (r: UpdateRow): UpdateItem => ({
  id: String(r.id),
  title: r.title,
  bodyHtml: storedHtml(r.body, r.body_html, r.html_version),
  excerpt: storedExcerpt(r.body, r.body_lead, r.html_version),
  community: { slug: r.community_slug, name: r.community_name },
  language: r.language,
  author: authorOf(r),
  demo: r.is_demo,
  publishedAt: r.published_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export function presentUpdateDetail(r: UpdateRow, viewer: CurrentUser | null): UpdateDetail {
  // Hidden by moderation: a placeholder with the reason; the text only for its author and moderators.
  const { hidden, readable } = hiddenView(r, viewer, r.author_id);
  const shown = presentUpdate(r);
  return {
    ...shown,
    ...(readable ? {} : { title: '', bodyHtml: '', excerpt: '' }),
    body: readable ? r.body : '',
    hidden,
    can: { edit: mayEditUpdate(viewer, r), delete: mayDeleteUpdate(viewer, r) },
  };
}
