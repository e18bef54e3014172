// Merging a source into another (moderators and admins), in one transaction: its reviews move (when one person
// reviewed both, the newer review stays and the older goes to the kept review's history), so do the initiatives'
// links, reading-list entries (rows the target has already are left behind and go with the source), comments
// and follows; then the source is deleted and its address (and those of sources merged into it before) answers
// 301 to the target. Deleting a source outright is the moderators' too.
import { sql } from 'kysely';
import type { SourceDetail } from '../../../../contracts/sources';
import type { Db } from '../../../db/connection';
import { transact } from '../../../db/transact';
import { ensure, requireUser } from '../../../http/access';
import { actorOf, audit } from '../../../http/audit';
import type { Ctx } from '../../../http/context';
import { badRequest, HttpError, notFound } from '../../../http/errors';
import { moveComments, parseId } from '../../conversations';
import { moveFollows } from '../../notifications';
import { canModerateSources } from '../policy';
import { sourceDetailOf } from './detail';
import type { MergeBody } from './schema';
import { sourceIdOf } from './write';

/** Reviews by one person of both: the older goes to the newer's history, then is deleted; the rest move. */
async function moveReviews(trx: Db, fromId: number, intoId: number, now: Date): Promise<number> {
  const pairs = await trx
    .selectFrom('source_reviews as a')
    .innerJoin('source_reviews as b', 'b.user_id', 'a.user_id')
    .select([
      'a.id as from_review',
      'a.updated_at as from_updated',
      'b.id as into_review',
      'b.updated_at as into_updated',
    ])
    .where('a.source_id', '=', fromId)
    .where('b.source_id', '=', intoId)
    .execute();
  for (const p of pairs) {
    const [older, newer] =
      p.from_updated > p.into_updated ? [p.into_review, p.from_review] : [p.from_review, p.into_review];
    const old = await trx.selectFrom('source_reviews').selectAll().where('id', '=', older).executeTakeFirstOrThrow();
    await trx
      .insertInto('source_review_history')
      .values({
        review_id: newer,
        record: JSON.stringify({
          judgement: old.judgement,
          reasons: old.reasons,
          intendedUse: old.intended_use,
          audience: old.audience,
          language: old.language,
          usefulness: old.usefulness,
          sourceId: old.source_id,
        }),
        revision: old.revision,
        created_at: now,
      })
      .execute();
    // Its earlier versions follow it into the kept review's history.
    await trx.updateTable('source_review_history').set({ review_id: newer }).where('review_id', '=', older).execute();
    // Replies under the review that goes now sit under the one that stays.
    await moveComments(trx, { type: 'source_review', id: older }, { type: 'source_review', id: newer });
    await moveFollows(trx, { type: 'source_review', id: older }, { type: 'source_review', id: newer });
    await trx.deleteFrom('source_reviews').where('id', '=', older).execute();
  }
  const moved = await trx
    .updateTable('source_reviews')
    .set({ source_id: intoId })
    .where('source_id', '=', fromId)
    .executeTakeFirst();
  return pairs.length + Number(moved.numUpdatedRows);
}

/** Links and list entries the target lacks move; the others stay and go with the merged source. */
async function moveLinks(trx: Db, fromId: number, intoId: number): Promise<void> {
  await trx
    .updateTable('initiative_sources')
    .set({ source_id: intoId })
    .where('source_id', '=', fromId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('initiative_sources as t')
            .select('t.source_id')
            .where('t.source_id', '=', intoId)
            .whereRef('t.initiative_id', '=', 'initiative_sources.initiative_id'),
        ),
      ),
    )
    .execute();
  await trx
    .updateTable('reading_list_items')
    .set({ source_id: intoId })
    .where('source_id', '=', fromId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('reading_list_items as t')
            .select('t.source_id')
            .where('t.source_id', '=', intoId)
            .whereRef('t.list_id', '=', 'reading_list_items.list_id'),
        ),
      ),
    )
    .execute();
}

export async function mergeSource(ctx: Ctx, idParam: string, body: MergeBody): Promise<SourceDetail> {
  const user = requireUser(ctx);
  const fromId = sourceIdOf(idParam);
  await ensure(ctx, canModerateSources(user), 'source.merge', { type: 'source', id: fromId });
  const intoId = parseId(body.into);
  if (intoId === fromId) throw badRequest([{ field: 'into', message: 'sources-merge-self' }]);
  await transact(ctx.db, async (trx) => {
    // Both locked, the lower id first, so two merges of one pair cannot deadlock.
    const locked = await trx
      .selectFrom('sources')
      .select(['id', 'title'])
      .where('id', 'in', [fromId, intoId ?? fromId])
      .orderBy('id')
      .forUpdate()
      .execute();
    const from = locked.find((s) => s.id === fromId);
    if (!from) throw notFound();
    if (intoId === null || !locked.some((s) => s.id === intoId))
      throw new HttpError(404, 'error-not-found', {
        detailKey: 'sources-merge-unknown',
        errors: [{ field: 'into', message: 'sources-merge-unknown' }],
      });
    const reviews = await moveReviews(trx, fromId, intoId, ctx.now);
    await moveLinks(trx, fromId, intoId);
    await moveComments(trx, { type: 'source', id: fromId }, { type: 'source', id: intoId });
    await moveFollows(trx, { type: 'source', id: fromId }, { type: 'source', id: intoId });
    // Before the delete, whose cascade would drop them: older merges into this source now lead to the target.
    await trx.updateTable('source_merges').set({ into_id: intoId }).where('into_id', '=', fromId).execute();
    await trx.deleteFrom('sources').where('id', '=', fromId).execute();
    await trx
      .insertInto('source_merges')
      .values({ from_id: fromId, into_id: intoId, merged_by: user.id, merged_at: ctx.now })
      .execute();
    // The moved reviews' and links' counts on the target (the triggers counted each statement's own rows).
    await sql`select source_counts_refresh(array[${intoId}]::bigint[])`.execute(trx);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'source.merge',
      objectType: 'source',
      objectId: fromId,
      details: { into: intoId, title: from.title, reviews },
    });
  });
  return sourceDetailOf(ctx, intoId!);
}

export async function deleteSource(ctx: Ctx, idParam: string): Promise<void> {
  const user = requireUser(ctx);
  const id = sourceIdOf(idParam);
  await ensure(ctx, canModerateSources(user), 'source.delete', { type: 'source', id });
  await transact(ctx.db, async (trx) => {
    const row = await trx
      .selectFrom('sources')
      .select(['id', 'title'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound();
    await trx.deleteFrom('sources').where('id', '=', id).execute();
    await audit(trx, {
      ...actorOf(ctx),
      action: 'source.delete',
      objectType: 'source',
      objectId: id,
      details: { title: row.title },
    });
  });
}
