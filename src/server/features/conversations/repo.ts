// SQL for comments. A thread page is one query: the comments after the cursor's path, with their authors and
// the comment each quotes joined in, whatever the thread's length.
import { sql } from 'kysely';
import { leadColumns, markdownColumns, markdownInsert } from '../../markdown/stored';
import type { Db } from '../../db/connection';

/** Path segments are ids padded to a fixed width, so text order is numeric order. */
const SEGMENT = 12;
export const segment = (id: number) => String(id).padStart(SEGMENT, '0');
export const PATH_FORM = /^\d{12}(\.\d{12}){0,3}$/;

const selectComments = (db: Db) =>
  db
    .selectFrom('comments as c')
    .leftJoin('users as a', 'a.id', 'c.author_id')
    .leftJoin('comments as q', 'q.id', 'c.quoted_id')
    .leftJoin('users as qa', 'qa.id', 'q.author_id')
    // Hidden by moderation (migrations/0010_moderation.sql): the comment itself, and the one it quotes.
    .leftJoin('moderation_hidden as h', (j) =>
      j.on('h.subject_type', '=', 'comment').onRef('h.subject_id', '=', 'c.id'),
    )
    .leftJoin('moderation_hidden as qh', (j) =>
      j.on('qh.subject_type', '=', 'comment').onRef('qh.subject_id', '=', 'c.quoted_id'),
    )
    .select([
      'c.id',
      'c.subject_type',
      'c.subject_id',
      'c.author_id',
      'c.parent_id',
      'c.quoted_id',
      'c.depth',
      'c.path',
      'c.body',
      'c.body_html',
      'c.html_version',
      'c.created_at',
      'c.edited_at',
      'c.deleted_at',
      'a.username as author_username',
      'a.display_name as author_display_name',
      'a.public_fields as author_public_fields',
      'q.body as quoted_body',
      'q.body_lead as quoted_body_lead',
      'q.html_version as quoted_html_version',
      'q.deleted_at as quoted_deleted_at',
      'qa.username as quoted_author_username',
      'qa.display_name as quoted_author_display_name',
      'qa.public_fields as quoted_author_public_fields',
      'h.reason as hidden_reason',
      'h.automatic as hidden_automatic',
      'qh.reason as quoted_hidden_reason',
    ]);

export type CommentRow = Awaited<ReturnType<ReturnType<typeof selectComments>['executeTakeFirstOrThrow']>>;

export const findComment = (db: Db, id: number): Promise<CommentRow | undefined> =>
  selectComments(db).where('c.id', '=', id).executeTakeFirst();

/** Thread order after `afterPath`; takes limit+1 rows so the caller knows whether a next page exists. */
export function listThread(
  db: Db,
  subject: { type: string; id: number },
  afterPath: string | null,
  limit: number,
): Promise<CommentRow[]> {
  let q = selectComments(db).where('c.subject_type', '=', subject.type).where('c.subject_id', '=', subject.id);
  if (afterPath) q = q.where('c.path', '>', afterPath);
  return q
    .orderBy('c.path')
    .limit(limit + 1)
    .execute();
}

export async function insertComment(
  db: Db,
  v: {
    subjectType: string;
    subjectId: number;
    authorId: number;
    parentId: number | null;
    quotedId: number | null;
    depth: number;
    parentPath: string | null;
    body: string;
    at: Date;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('comments')
    .values({
      subject_type: v.subjectType,
      subject_id: v.subjectId,
      author_id: v.authorId,
      parent_id: v.parentId,
      quoted_id: v.quotedId,
      depth: v.depth,
      body: v.body,
      ...markdownInsert({ body: v.body }, ['body']),
      created_at: v.at,
      edited_at: null,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The path needs the new id, so it is set in a second statement of the same transaction.
  const path = v.parentPath ? `${v.parentPath}.${segment(id)}` : segment(id);
  await db.updateTable('comments').set({ path }).where('id', '=', id).execute();
  return id;
}

/** Records the people a comment mentions (mentions.ts found them); answers their ids. */
export async function addMentions(db: Db, commentId: number, userIds: number[]): Promise<number[]> {
  if (userIds.length === 0) return [];
  await db
    .insertInto('comment_mentions')
    .values(userIds.map((id) => ({ comment_id: commentId, user_id: id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  return userIds;
}

export async function editComment(
  db: Db,
  row: Pick<CommentRow, 'id' | 'body' | 'body_html' | 'html_version' | 'created_at' | 'edited_at'>,
  body: string,
  at: Date,
) {
  await db
    .insertInto('comment_revisions')
    .values({
      comment_id: row.id,
      body: row.body,
      // The HTML readers had: the revision keeps it (and its version, so the job renders it again when older).
      body_html: row.body_html,
      html_version: row.html_version,
      written_at: row.edited_at ?? row.created_at,
    })
    .execute();
  await db
    .updateTable('comments')
    .set({ body, ...markdownColumns({ body }), ...leadColumns({ body }), edited_at: at })
    .where('id', '=', row.id)
    .execute();
}

export const revisionsOf = (db: Db, commentId: number) =>
  db
    .selectFrom('comment_revisions')
    .select(['body', 'body_html', 'html_version', 'written_at'])
    .where('comment_id', '=', commentId)
    .orderBy('id', 'desc')
    .limit(500)
    .execute();

/** Whether other comments sit under this one or quote it. */
export async function hasReplies(db: Db, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('comments')
    .select(sql<number>`1`.as('one'))
    .where((eb) => eb.or([eb('parent_id', '=', id), eb('quoted_id', '=', id)]))
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/** Leaves a placeholder: the text, its earlier versions and its mentions go; the place in the thread stays. */
export async function blankComment(db: Db, id: number, at: Date) {
  await db
    .updateTable('comments')
    .set({ body: '', ...markdownInsert({ body: '' }, ['body']), deleted_at: at })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('comment_revisions').where('comment_id', '=', id).execute();
  await db.deleteFrom('comment_mentions').where('comment_id', '=', id).execute();
}

export const deleteComment = (db: Db, id: number) => db.deleteFrom('comments').where('id', '=', id).execute();

/**
 * The first page of each of several threads in one query (the replies under every argument of a debate):
 * up to limit+1 comments per subject, in thread order.
 */
export async function firstOfThreads(db: Db, type: string, ids: number[], limit: number): Promise<CommentRow[]> {
  if (ids.length === 0) return [];
  const ranked = selectComments(db)
    .select(sql<number>`row_number() over (partition by c.subject_id order by c.path)`.as('thread_rank'))
    .where('c.subject_type', '=', type)
    .where('c.subject_id', 'in', ids);
  return db
    .selectFrom(ranked.as('t'))
    .selectAll()
    .where('t.thread_rank', '<=', limit + 1)
    .orderBy('t.subject_id')
    .orderBy('t.path')
    .execute();
}
