// The viewer's own review of a source, in the reviews' answer shape, for the source's page ("your review").
// Reviews are their own part (sources/reviews/); this reads the one row the detail answer needs.
import type { SourceReview } from '../../../../contracts/sources';
import type { Db } from '../../../db/connection';
import { storedHtml } from '../../../markdown/stored';
import { presentPersonRef } from '../../people';

export async function myReview(db: Db, sourceId: number, userId: number): Promise<SourceReview | null> {
  const r = await db
    .selectFrom('source_reviews as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .leftJoin('moderation_hidden as h', (j) =>
      j.on('h.subject_type', '=', 'source_review').onRef('h.subject_id', '=', 'r.id'),
    )
    .selectAll('r')
    .select(['u.username', 'u.display_name', 'u.public_fields', 'h.reason as hidden_reason', 'h.automatic'])
    .select((eb) =>
      eb
        .selectFrom('comments as c')
        .select(eb.fn.countAll<number>().as('n'))
        .where('c.subject_type', '=', 'source_review')
        .whereRef('c.subject_id', '=', 'r.id')
        .where('c.deleted_at', 'is', null)
        .as('replies'),
    )
    .where('r.source_id', '=', sourceId)
    .where('r.user_id', '=', userId)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: String(r.id),
    author: presentPersonRef(r),
    judgement: r.judgement,
    reasons: r.reasons,
    reasonsHtml: storedHtml(r.reasons, r.reasons_html, r.html_version),
    intendedUse: r.intended_use,
    intendedUseHtml: storedHtml(r.intended_use, r.intended_use_html, r.html_version),
    audience: r.audience,
    language: r.language,
    usefulness: r.usefulness,
    revision: r.revision,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    replies: Number(r.replies ?? 0),
    hidden: r.hidden_reason === null ? null : { reason: r.hidden_reason, automatic: !!r.automatic },
  };
}
