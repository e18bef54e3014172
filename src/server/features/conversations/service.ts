// Comments on any subject. Each use case checks who may do it first; every change is audited in the same
// transaction.
import type { CommentItem, CommentList, CommentRevisionList } from '../../../contracts/conversations';
import type { Db } from '../../db/connection';
import { ensure, requireUser } from '../../http/access';
import { actorOf, audit } from '../../http/audit';
import type { Ctx } from '../../http/context';
import { badRequest, conflict, notFound } from '../../http/errors';
import { badCursor, decodeCursor, page } from '../../http/pagination';
import { storedHtml } from '../../markdown/stored';
import { hiddenView } from '../moderation';
import { recordActivity } from '../notifications';
import { withLinkTitles } from './links';
import { mentionedPeople, withMentionLinks } from './mentions';
import { canDeleteComment, canEditComment } from './policy';
import { presentComment } from './present';
import {
  PATH_FORM,
  addMentions,
  blankComment,
  deleteComment,
  editComment,
  findComment,
  firstOfThreads,
  hasReplies,
  insertComment,
  listThread,
  revisionsOf,
  type CommentRow,
} from './repo';
import { MAX_DEPTH, type CreateCommentBody, type ListCommentsQuery, type PatchCommentBody } from './schema';
import { commentableSubject, parseId, resolveSubject } from './subjects';

/** Bodies as readers see them: bare links to the platform titled, mentions linked to the people named. */
async function shownBodies<T extends { bodyHtml: string }>(ctx: Ctx, items: T[]): Promise<T[]> {
  return withMentionLinks(ctx.db, await withLinkTitles(ctx.db, ctx.config.baseUrl, items));
}

async function loadComment(db: Db, idParam: string): Promise<CommentRow> {
  const id = parseId(idParam);
  const row = id === null ? undefined : await findComment(db, id);
  if (!row) throw notFound();
  return row;
}

/** The comment as its author sees it right after a change (it was just written, so it is there). */
async function freshComment(ctx: Ctx, id: number): Promise<CommentItem> {
  const row = await findComment(ctx.db, id);
  if (!row) throw notFound();
  const [shown] = await shownBodies(ctx, [presentComment(row, ctx.actor)]);
  return shown!;
}

export async function createComment(ctx: Ctx, body: CreateCommentBody): Promise<CommentItem> {
  const user = requireUser(ctx);
  const db = ctx.db;
  const subject = await commentableSubject(db, body.subject.type, body.subject.id);
  let parent: CommentRow | undefined;
  if (body.parentId !== undefined) {
    const pid = parseId(body.parentId);
    parent = pid === null ? undefined : await findComment(db, pid);
    if (!parent || parent.subject_type !== subject.type || parent.subject_id !== subject.id) {
      throw badRequest([{ field: 'parentId', message: 'conversations-parent-unknown' }]);
    }
    if (parent.deleted_at) throw conflict('conversations-parent-deleted', 'parentId');
  }
  // Three levels of replies; an answer to a comment at the deepest level sits beside it, quoting it.
  const flat = !!parent && parent.depth >= MAX_DEPTH;
  const placement = !parent
    ? { parentId: null, quotedId: null, depth: 0, parentPath: null }
    : flat
      ? {
          parentId: parent.parent_id,
          quotedId: parent.id,
          depth: MAX_DEPTH,
          parentPath: parent.path.slice(0, parent.path.lastIndexOf('.')),
        }
      : { parentId: parent.id, quotedId: null, depth: parent.depth + 1, parentPath: parent.path };
  const id = await db.transaction().execute(async (trx) => {
    const newId = await insertComment(trx, {
      subjectType: subject.type,
      subjectId: subject.id,
      authorId: user.id,
      body: body.body,
      at: ctx.now,
      ...placement,
    });
    const mentioned = await addMentions(trx, newId, await mentionedPeople(trx, body.body));
    await recordActivity(trx, {
      type: 'comment',
      actorId: user.id,
      at: ctx.now,
      commentId: newId,
      subject,
      replyToAuthorId: parent?.author_id ?? null,
      mentioned,
    });
    await audit(trx, {
      ...actorOf(ctx),
      action: 'comment.create',
      objectType: 'comment',
      objectId: newId,
      details: {
        subject: { type: subject.type, id: subject.id },
        parentId: placement.parentId,
        quotedId: placement.quotedId,
        mentioned,
      },
    });
    return newId;
  });
  return freshComment(ctx, id);
}

/** The path a thread's page starts after; a cursor holding anything but a path is a 400. */
function cursorPath(cursor: string | undefined): string | null {
  const [path] = decodeCursor(cursor, ['text']) ?? [];
  if (path === undefined) return null;
  if (!PATH_FORM.test(path)) throw badCursor();
  return path;
}

/** One page of a thread in thread order: a fixed number of queries (the subject, then the page). */
export async function listComments(ctx: Ctx, q: ListCommentsQuery): Promise<CommentList> {
  const db = ctx.db;
  const afterPath = cursorPath(q.cursor);
  const subject = await resolveSubject(db, q.subjectType, q.subjectId);
  const rows = await listThread(db, subject, afterPath, q.limit);
  const { items, next } = page(rows, q.limit, (r) => [r.path]);
  return {
    items: await shownBodies(
      ctx,
      items.map((r) => presentComment(r, ctx.actor)),
    ),
    next,
  };
}

export async function patchComment(ctx: Ctx, idParam: string, body: PatchCommentBody): Promise<CommentItem> {
  const user = requireUser(ctx);
  const row = await loadComment(ctx.db, idParam);
  if (row.deleted_at) throw conflict('conversations-comment-deleted');
  await ensure(ctx, canEditComment(user, row), 'comment.edit', { type: 'comment', id: row.id });
  if (body.body === row.body) return freshComment(ctx, row.id);
  await ctx.db.transaction().execute(async (trx) => {
    await editComment(trx, row, body.body, ctx.now);
    const mentioned = await addMentions(trx, row.id, await mentionedPeople(trx, body.body));
    await recordActivity(trx, {
      type: 'comment_edited',
      actorId: user.id,
      at: ctx.now,
      commentId: row.id,
      subject: { type: row.subject_type, id: row.subject_id },
      mentioned,
    });
    await audit(trx, {
      ...actorOf(ctx),
      action: 'comment.edit',
      objectType: 'comment',
      objectId: row.id,
      details: { mentioned },
    });
  });
  return freshComment(ctx, row.id);
}

export async function removeComment(ctx: Ctx, idParam: string): Promise<void> {
  const user = requireUser(ctx);
  const row = await loadComment(ctx.db, idParam);
  if (row.deleted_at) throw notFound();
  await ensure(ctx, canDeleteComment(user, row), 'comment.delete', { type: 'comment', id: row.id });
  await ctx.db.transaction().execute(async (trx) => {
    const placeholder = await hasReplies(trx, row.id);
    if (placeholder) await blankComment(trx, row.id, ctx.now);
    else await deleteComment(trx, row.id);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'comment.delete',
      objectType: 'comment',
      objectId: row.id,
      details: {
        subject: { type: row.subject_type, id: row.subject_id },
        author: row.author_username,
        placeholder,
        byAuthor: row.author_id === user.id,
      },
    });
  });
}

/** Every version of a comment, newest first: the current text, then each earlier one. */
export async function commentRevisions(ctx: Ctx, idParam: string): Promise<CommentRevisionList> {
  const row = await loadComment(ctx.db, idParam);
  // A hidden comment's versions are as private as its text.
  if (row.deleted_at || !hiddenView(row, ctx.actor, row.author_id).readable) throw notFound();
  const earlier = await revisionsOf(ctx.db, row.id);
  return {
    items: await shownBodies(ctx, [
      {
        bodyHtml: storedHtml(row.body, row.body_html, row.html_version),
        writtenAt: (row.edited_at ?? row.created_at).toISOString(),
        current: true,
      },
      ...earlier.map((r) => ({
        bodyHtml: storedHtml(r.body, r.body_html, r.html_version),
        writtenAt: r.written_at.toISOString(),
        current: false,
      })),
    ]),
  };
}

/** The first page of the threads on several subjects of one type, by subject id: one query for all. */
export async function firstCommentPages(
  ctx: Ctx,
  type: string,
  ids: number[],
  limit: number,
): Promise<Map<number, CommentList>> {
  const rows = await firstOfThreads(ctx.db, type, ids, limit);
  const bySubject = new Map<number, CommentRow[]>();
  for (const r of rows) {
    const list = bySubject.get(r.subject_id) ?? [];
    list.push(r);
    bySubject.set(r.subject_id, list);
  }
  const pages = new Map<number, CommentList>();
  for (const id of ids) {
    const { items, next } = page(bySubject.get(id) ?? [], limit, (r) => [r.path]);
    pages.set(id, { items: items.map((r) => presentComment(r, ctx.actor)), next });
  }
  // Link titles and mentions for all the pages at once.
  const titled = await shownBodies(
    ctx,
    [...pages.values()].flatMap((p) => p.items),
  );
  const byId = new Map(titled.map((c) => [c.id, c]));
  for (const p of pages.values()) p.items = p.items.map((c) => byId.get(c.id) ?? c);
  return pages;
}
