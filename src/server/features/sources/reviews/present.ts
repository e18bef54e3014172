// Reviews as the API shows them: an explicit whitelist, Markdown rendered and sanitized. A review hidden by
// moderation stays in place as a placeholder with the reason; its words only for its author and moderators.
import type { SourceReview } from '../../../../contracts/sources';
import type { CurrentUser } from '../../../http/context';
import { storedHtml } from '../../../markdown/stored';
import { hiddenView } from '../../moderation';
import { presentJoinedPerson } from '../../people';
import type { ReviewRow } from './repo';

export function presentReview(r: ReviewRow, viewer: CurrentUser | null): SourceReview {
  const { hidden, readable } = hiddenView(r, viewer, r.user_id);
  return {
    id: String(r.id),
    author: presentJoinedPerson(r.author_username, r.author_display_name, r.author_public_fields),
    judgement: r.judgement,
    reasons: readable ? r.reasons : '',
    reasonsHtml: readable ? storedHtml(r.reasons, r.reasons_html, r.html_version) : '',
    intendedUse: readable ? r.intended_use : '',
    intendedUseHtml: readable ? storedHtml(r.intended_use, r.intended_use_html, r.html_version) : '',
    audience: readable ? r.audience : null,
    language: readable ? r.language : null,
    usefulness: r.usefulness,
    revision: r.revision,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    replies: Number(r.replies),
    hidden,
  };
}
