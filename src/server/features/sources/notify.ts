// What sources tell followers (never the actor): a new review of a followed source (`source_review`), an
// initiative recording a followed source (`source_used`), both daily by e-mail; a followed reading list's items
// changed (`reading_list`), weekly. The other parts of sources (initiative links, reading lists) call the last two.
import type { Db } from '../../db/connection';
import { notify } from '../notifications';

export const sourceLink = (id: number): string => `/sources/${id}`;
export const reviewLink = (sourceId: number, reviewId: number): string => `${sourceLink(sourceId)}#review-${reviewId}`;
export const readingListLink = (id: number): string => `/reading-lists/${id}`;

const sourceTitle = async (db: Db, id: number) =>
  (await db.selectFrom('sources').select('title').where('id', '=', id).executeTakeFirst())?.title;

/** A new review: the source's followers are told (the reviewer is not). */
export async function notifySourceReviewed(
  db: Db,
  sourceId: number,
  reviewId: number,
  actorId: number,
  at: Date,
): Promise<void> {
  const title = await sourceTitle(db, sourceId);
  if (title === undefined) return;
  await notify(db, {
    type: 'source.review',
    actorId,
    at,
    subject: { type: 'source', id: sourceId, title, link: sourceLink(sourceId) },
    object: { type: 'source_review', id: reviewId },
    link: reviewLink(sourceId, reviewId),
    followers: { kind: 'source_review', of: [{ type: 'source', id: sourceId }] },
  });
}

/** An initiative recorded that it used the source: the source's followers are told (the actor is not). */
export async function notifySourceUsed(
  db: Db,
  sourceId: number,
  initiativeId: number,
  actorId: number | null,
  at: Date = new Date(),
): Promise<void> {
  const title = await sourceTitle(db, sourceId);
  if (title === undefined) return;
  await notify(db, {
    type: 'source.used',
    actorId,
    at,
    subject: { type: 'source', id: sourceId, title, link: sourceLink(sourceId) },
    object: { type: 'initiative', id: initiativeId },
    link: `${sourceLink(sourceId)}#initiatives`,
    followers: { kind: 'source_used', of: [{ type: 'source', id: sourceId }] },
  });
}

/** A reading list's items changed: its followers are told (the actor is not). */
export async function notifyReadingListChanged(
  db: Db,
  listId: number,
  actorId: number | null,
  at: Date = new Date(),
): Promise<void> {
  const list = await db.selectFrom('reading_lists').select('title').where('id', '=', listId).executeTakeFirst();
  if (!list) return;
  await notify(db, {
    type: 'reading_list.items',
    actorId,
    at,
    subject: { type: 'reading_list', id: listId, title: list.title, link: readingListLink(listId) },
    followers: { kind: 'reading_list', of: [{ type: 'reading_list', id: listId }] },
  });
}
