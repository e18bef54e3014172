// Comments on any subject. Each use case checks who may do it first; every change is audited in the same
// transaction.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { usernameKey } from '../../../contracts/usernames';
import { actorOf, audit } from '../../http/audit';
import { badRequest, conflict, notFound } from '../../http/errors';
import { decodeCursor, page } from '../../http/pagination';
import { ensure, requireUser } from '../../http/permissions';
import type { Db } from '../../db/connection';
import { canDeleteComment, canEditComment, presentComment } from './present';
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
import { withLinkTitles } from './links';
import { renderMarkdown } from '../../markdown/render';
import { hiddenView } from '../moderation/visibility';
import { recordActivity } from '../notifications/service';

/** `@name` mentions: a name runs to the next space or punctuation that usernames cannot contain. */
const MENTION = /(?<![\p{L}\p{N}_])@([\p{L}\p{N}_.-]*[\p{L}\p{N}_])/gu;

export function mentionedKeys(body: string): string[] {
  const keys = new Set<string>();
  for (const m of body.matchAll(MENTION)) keys.add(usernameKey(m[1]));
  return [...keys].slice(0, 50);
}

async function loadComment(db: Db, idParam: string): Promise<CommentRow> {
  const id = parseId(idParam);
  const row = id === null ? undefined : await findComment(db, id);
  if (!row) throw notFound();
  return row;
}

export async function createComment(app: FastifyInstance, req: FastifyRequest, body: CreateCommentBody) {
  const user = requireUser(req);
  const db = app.db;
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
      ? { parentId: parent.parent_id, quotedId: parent.id, depth: MAX_DEPTH, parentPath: parent.path.slice(0, parent.path.lastIndexOf('.')) }
      : { parentId: parent.id, quotedId: null, depth: parent.depth + 1, parentPath: parent.path };
  const id = await db.transaction().execute(async (trx) => {
    const newId = await insertComment(trx, { subjectType: subject.type, subjectId: subject.id, authorId: user.id, body: body.body, at: app.deps.clock.now(), ...placement });
    const mentioned = await addMentions(trx, newId, mentionedKeys(body.body));
    await recordActivity(trx, { type: 'comment', actorId: user.id, at: app.deps.clock.now(), commentId: newId, subject, replyToAuthorId: parent?.author_id ?? null, mentioned });
    await audit(trx, {
      ...actorOf(req),
      action: 'comment.create',
      objectType: 'comment',
      objectId: newId,
      details: { subject: { type: subject.type, id: subject.id }, parentId: placement.parentId, quotedId: placement.quotedId, mentioned },
    });
    return newId;
  });
  return (await withLinkTitles(db, app.deps.config.baseUrl, [presentComment((await findComment(db, id))!, user)]))[0];
}

/** One page of a thread in thread order: a fixed number of queries (the subject, then the page). */
export async function listComments(app: FastifyInstance, req: FastifyRequest, q: ListCommentsQuery, db: Db = app.db) {
  const after = decodeCursor(q.cursor, 1);
  if (after && (typeof after[0] !== 'string' || !PATH_FORM.test(after[0]))) throw badRequest([{ field: 'cursor', message: 'validation-cursor' }]);
  const subject = await resolveSubject(db, q.subjectType, q.subjectId);
  const rows = await listThread(db, subject, (after?.[0] as string | undefined) ?? null, q.limit);
  const { items, next } = page(rows, q.limit, (r) => [r.path]);
  return { items: await withLinkTitles(db, app.deps.config.baseUrl, items.map((r) => presentComment(r, req.user))), next };
}

export async function patchComment(app: FastifyInstance, req: FastifyRequest, idParam: string, body: PatchCommentBody) {
  const user = requireUser(req);
  const row = await loadComment(app.db, idParam);
  if (row.deleted_at) throw conflict('conversations-comment-deleted');
  await ensure(app.db, req, canEditComment(user, row), 'comment.edit', { type: 'comment', id: row.id });
  if (body.body === row.body) return presentComment(row, user);
  await app.db.transaction().execute(async (trx) => {
    await editComment(trx, row, body.body, app.deps.clock.now());
    const mentioned = await addMentions(trx, row.id, mentionedKeys(body.body));
    await recordActivity(trx, { type: 'comment_edited', actorId: user.id, at: app.deps.clock.now(), commentId: row.id, subject: { type: row.subject_type, id: row.subject_id }, mentioned });
    await audit(trx, { ...actorOf(req), action: 'comment.edit', objectType: 'comment', objectId: row.id, details: { mentioned } });
  });
  return (await withLinkTitles(app.db, app.deps.config.baseUrl, [presentComment((await findComment(app.db, row.id))!, user)]))[0];
}

export async function removeComment(app: FastifyInstance, req: FastifyRequest, idParam: string) {
  const user = requireUser(req);
  const row = await loadComment(app.db, idParam);
  if (row.deleted_at) throw notFound();
  await ensure(app.db, req, canDeleteComment(user, row), 'comment.delete', { type: 'comment', id: row.id });
  await app.db.transaction().execute(async (trx) => {
    const placeholder = await hasReplies(trx, row.id);
    if (placeholder) await blankComment(trx, row.id, app.deps.clock.now());
    else await deleteComment(trx, row.id);
    await audit(trx, {
      ...actorOf(req),
      action: 'comment.delete',
      objectType: 'comment',
      objectId: row.id,
      details: { subject: { type: row.subject_type, id: row.subject_id }, author: row.author_username, placeholder, byAuthor: row.author_id === user.id },
    });
  });
}

/** Every version of a comment, newest first: the current text, then each earlier one. */
export async function commentRevisions(app: FastifyInstance, req: FastifyRequest, idParam: string) {
  const row = await loadComment(app.db, idParam);
  // A hidden comment's versions are as private as its text.
  if (row.deleted_at || !hiddenView(row, req.user, row.author_id).readable) throw notFound();
  const earlier = await revisionsOf(app.db, row.id);
  return {
    items: [
      { bodyHtml: renderMarkdown(row.body), writtenAt: (row.edited_at ?? row.created_at).toISOString(), current: true },
      ...earlier.map((r) => ({ bodyHtml: renderMarkdown(r.body), writtenAt: r.written_at.toISOString(), current: false })),
    ],
  };
}

/** The first page of the threads on several subjects of one type, by subject id: one query for all. */
export async function firstCommentPages(db: Db, baseUrl: string, viewer: FastifyRequest['user'], type: string, ids: number[], limit: number) {
  const rows = await firstOfThreads(db, type, ids, limit);
  const bySubject = new Map<number, CommentRow[]>();
  for (const r of rows) {
    const list = bySubject.get(r.subject_id) ?? [];
    list.push(r);
    bySubject.set(r.subject_id, list);
  }
  const pages = new Map<number, { items: ReturnType<typeof presentComment>[]; next: string | null }>();
  for (const id of ids) {
    const { items, next } = page(bySubject.get(id) ?? [], limit, (r) => [r.path]);
    pages.set(id, { items: items.map((r) => presentComment(r, viewer)), next });
  }
  // Link titles for all the pages at once.
  const titled = await withLinkTitles(db, baseUrl, [...pages.values()].flatMap((p) => p.items));
  const byId = new Map(titled.map((c) => [c.id, c]));
  for (const p of pages.values()) p.items = p.items.map((c) => byId.get(c.id) ?? c);
  return pages;
}
