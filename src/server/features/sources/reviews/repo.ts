// Reviews' SQL: one review per (source, person), its earlier versions in source_review_history, replies as
// comments with the subject {type: 'source_review', id}. The counts on sources follow by trigger (0021).
import { sql } from 'kysely';
import type { Judgement } from '../../../../contracts/sources';
import { markdownInsert } from '../../../markdown/stored';
import type { Db } from '../../../db/connection';
import { notHidden } from '../../moderation';

export interface ReviewValues {
  judgement: Judgement;
  reasons: string;
  intended_use: string;
  audience: string | null;
  language: string | null;
  usefulness: number;
}

export const findSource = (db: Db, id: number) =>
  db.selectFrom('sources').select(['id', 'title', 'created_by']).where('id', '=', id).executeTakeFirst();

/** The person's review of the source, locked until the transaction ends (so its history is written once). */
export const lockReview = (db: Db, sourceId: number, userId: number) =>
  db
    .selectFrom('source_reviews')
    .selectAll()
    .where('source_id', '=', sourceId)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();

export type ReviewRecordRow = NonNullable<Awaited<ReturnType<typeof lockReview>>>;

/**
 * Creates the review, or replaces the one at `expectedRevision` (0: none was there). One statement on the
 * unique key, so two saves at once leave one row; when another save got there first (the row is not at the
 * expected revision) nothing is written and undefined comes back: the caller reads the row again.
 */
export async function upsertReview(
  db: Db,
  sourceId: number,
  userId: number,
  v: ReviewValues,
  expectedRevision: number,
  at: Date,
): Promise<{ id: number; revision: number } | undefined> {
  return db
    .insertInto('source_reviews')
    .values({
      source_id: sourceId,
      user_id: userId,
      ...v,
      ...markdownInsert({ reasons: v.reasons, intended_use: v.intended_use }),
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc
        .columns(['source_id', 'user_id'])
        .doUpdateSet((eb) => ({
          judgement: eb.ref('excluded.judgement'),
          reasons: eb.ref('excluded.reasons'),
          intended_use: eb.ref('excluded.intended_use'),
          reasons_html: eb.ref('excluded.reasons_html'),
          intended_use_html: eb.ref('excluded.intended_use_html'),
          html_version: eb.ref('excluded.html_version'),
          audience: eb.ref('excluded.audience'),
          language: eb.ref('excluded.language'),
          usefulness: eb.ref('excluded.usefulness'),
          updated_at: eb.ref('excluded.updated_at'),
          revision: sql<number>`source_reviews.revision + 1`,
        }))
        .where('source_reviews.revision', '=', expectedRevision),
    )
    .returning(['id', 'revision'])
    .executeTakeFirst();
}

/** Keeps a version of the review as it was before a change. */
export async function keepVersion(db: Db, r: ReviewRecordRow, at: Date): Promise<void> {
  await db
    .insertInto('source_review_history')
    .values({
      review_id: r.id,
      revision: r.revision,
      record: JSON.stringify({
        judgement: r.judgement,
        reasons: r.reasons,
        intendedUse: r.intended_use,
        audience: r.audience,
        language: r.language,
        usefulness: r.usefulness,
        sourceId: r.source_id,
      }),
      created_at: at,
    })
    .execute();
}

export const deleteReview = (db: Db, id: number) => db.deleteFrom('source_reviews').where('id', '=', id).execute();

/** Reviews as answers show them: with their author, hidden state and number of replies. */
function selectReviews(db: Db) {
  return db
    .selectFrom('source_reviews as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .leftJoin('moderation_hidden as h', (j) =>
      j.on('h.subject_type', '=', 'source_review').onRef('h.subject_id', '=', 'r.id'),
    )
    .select([
      'r.id',
      'r.source_id',
      'r.user_id',
      'r.judgement',
      'r.reasons',
      'r.intended_use',
      'r.reasons_html',
      'r.intended_use_html',
      'r.html_version',
      'r.audience',
      'r.language',
      'r.usefulness',
      'r.revision',
      'r.created_at',
      'r.updated_at',
      'u.username as author_username',
      'u.display_name as author_display_name',
      'u.public_fields as author_public_fields',
      'h.reason as hidden_reason',
      'h.automatic as hidden_automatic',
      sql<number>`(select count(*) from comments c where c.subject_type = 'source_review' and c.subject_id = r.id
        and c.deleted_at is null and ${notHidden('comment', 'c.id')})::int`.as('replies'),
    ]);
}

export type ReviewRow = Awaited<ReturnType<ReturnType<typeof selectReviews>['execute']>>[number];

export const reviewById = (db: Db, id: number) => selectReviews(db).where('r.id', '=', id).executeTakeFirst();

/** A source's reviews, newest changed first, after the keyset cursor [updated_at, id]. */
export function reviewsOf(db: Db, sourceId: number, after: [string, number] | null, limit: number) {
  let q = selectReviews(db).where('r.source_id', '=', sourceId);
  if (after) {
    const [at, id] = after;
    q = q.where((eb) =>
      eb.or([
        eb('r.updated_at', '<', new Date(at)),
        eb.and([eb('r.updated_at', '=', new Date(at)), eb('r.id', '<', id)]),
      ]),
    );
  }
  return q.orderBy('r.updated_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
}
