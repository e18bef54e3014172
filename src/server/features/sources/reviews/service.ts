// Reviews: one per person per source, which its author saves again to change (each earlier version kept with its
// revision) or deletes; anyone reads a source's reviews, hidden ones as placeholders. A new review tells the
// source's followers, and its author follows it so replies under it reach them.
import type { SourceReview, SourceReviewList } from '../../../../contracts/sources';
import { requireUser } from '../../../http/access';
import { actorOf, audit } from '../../../http/audit';
import type { Ctx } from '../../../http/context';
import { conflict, notFound } from '../../../http/errors';
import { decodeTimeIdCursor, page } from '../../../http/pagination';
import { parseId } from '../../conversations';
import { followFor } from '../../notifications';
import { notifySourceReviewed } from '../notify';
import { presentReview } from './present';
import {
  deleteReview,
  findSource,
  keepVersion,
  lockReview,
  reviewById,
  reviewsOf,
  upsertReview,
  type ReviewValues,
} from './repo';
import type { ReviewBody, ReviewsQuery } from './schema';

async function loadSource(ctx: Ctx, idParam: string) {
  const id = parseId(idParam);
  const source = id === null ? undefined : await findSource(ctx.db, id);
  if (!source) throw notFound();
  return source;
}

const staleConflict = () => conflict('sources-review-changed', 'baseRevision');

export async function saveReview(ctx: Ctx, idParam: string, body: ReviewBody): Promise<SourceReview> {
  const user = requireUser(ctx);
  const source = await loadSource(ctx, idParam);
  const values: ReviewValues = {
    judgement: body.judgement,
    reasons: body.reasons,
    intended_use: body.intendedUse,
    audience: body.audience && body.audience.length > 0 ? body.audience : null,
    language: body.language ?? null,
    usefulness: body.usefulness,
  };
  const saved = await ctx.db.transaction().execute(async (trx) => {
    // Twice at most: when another save of the same person lands between reading and writing, read it again.
    for (let attempt = 0; ; attempt++) {
      const before = await lockReview(trx, source.id, user.id);
      const current = before?.revision ?? 0;
      if (body.baseRevision !== undefined && body.baseRevision !== current) throw staleConflict();
      const row = await upsertReview(trx, source.id, user.id, values, current, ctx.now);
      if (!row) {
        if (attempt > 0) throw staleConflict();
        continue;
      }
      if (before) await keepVersion(trx, before, ctx.now);
      else {
        await notifySourceReviewed(trx, source.id, row.id, user.id, ctx.now);
        await followFor(trx, user.id, { type: 'source_review', id: row.id }, ctx.now);
      }
      await audit(trx, {
        ...actorOf(ctx),
        action: before ? 'source.review.edit' : 'source.review.add',
        objectType: 'source_review',
        objectId: row.id,
        details: { source: source.id, revision: row.revision, judgement: values.judgement },
      });
      return row;
    }
  });
  const row = await reviewById(ctx.db, saved.id);
  if (!row) throw notFound();
  return presentReview(row, ctx.actor);
}

/** Deletes one's own review (open while suspended: deleting one's own content). */
export async function removeReview(ctx: Ctx, idParam: string): Promise<void> {
  const user = requireUser(ctx);
  const source = await loadSource(ctx, idParam);
  await ctx.db.transaction().execute(async (trx) => {
    const review = await lockReview(trx, source.id, user.id);
    if (!review) throw notFound();
    await deleteReview(trx, review.id);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'source.review.delete',
      objectType: 'source_review',
      objectId: review.id,
      details: { source: source.id, revision: review.revision },
    });
  });
}

export async function listReviews(ctx: Ctx, idParam: string, q: ReviewsQuery): Promise<SourceReviewList> {
  const source = await loadSource(ctx, idParam);
  const after = decodeTimeIdCursor(q.cursor);
  const rows = await reviewsOf(ctx.db, source.id, after, q.limit + 1);
  const { items, next } = page(rows, q.limit, (r) => [r.updated_at.toISOString(), r.id]);
  return { items: items.map((r) => presentReview(r, ctx.actor)), next };
}
