// Debates: a contentious question with a framing, opened by any member; arguments for, against or neutral;
// supports (one per person, withdrawable); closing with a written conclusion by the opener or a moderator.
// Each use case checks who may do it first; every change is audited in the same transaction.
import type { ArgumentItem, DebateDetail, DebateList, SupportAnswer } from '../../../contracts/debates';
import type { Db } from '../../db/connection';
import { ensure, requireUser } from '../../http/access';
import { actorOf, audit } from '../../http/audit';
import type { Ctx } from '../../http/context';
import { conflict, notFound } from '../../http/errors';
import { badCursor, decodeCursor, page } from '../../http/pagination';
import { firstCommentPages, parseId } from '../conversations';
import { hiddenView } from '../moderation';
import { recordActivity } from '../notifications';
import { announce } from '../telegram';
import { canCloseDebate } from './policy';
import { presentDebate, presentDebateDetail } from './present';
import {
  addSupport,
  argumentsOf,
  closeDebate as closeDebateRow,
  findArgument,
  findDebate,
  insertArgument,
  insertDebate,
  listDebates,
  removeSupport,
  supportCount,
  type DebateRow,
} from './repo';
import type { CreateArgumentBody, CreateDebateBody, ListDebatesQuery } from './schema';

async function loadDebate(db: Db, idParam: string): Promise<DebateRow> {
  const id = parseId(idParam);
  const row = id === null ? undefined : await findDebate(db, id);
  if (!row) throw notFound();
  return row;
}

/** Replies shown under each argument with the debate; more come from the comments API. */
const REPLIES_SHOWN = 20;

/** The debate with its arguments and the first replies under each: three queries whatever its size. */
async function present(ctx: Ctx, d: DebateRow): Promise<DebateDetail> {
  const args = await argumentsOf(ctx.db, d.id, ctx.actor?.id ?? null);
  const replies = await firstCommentPages(
    ctx,
    'argument',
    args.map((a) => a.id),
    REPLIES_SHOWN,
  );
  return presentDebateDetail(d, args, replies, ctx.actor);
}

/** The debate as it stands after a change of ours (it exists: we just wrote to it). */
const detail = async (ctx: Ctx, id: number): Promise<DebateDetail> =>
  present(ctx, await loadDebate(ctx.db, String(id)));

export async function createDebate(ctx: Ctx, body: CreateDebateBody): Promise<DebateDetail> {
  const user = requireUser(ctx);
  const language = body.language ?? ctx.lang;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await insertDebate(trx, {
      openerId: user.id,
      title: body.title,
      framing: body.framing,
      language,
      at: ctx.now,
    });
    await audit(trx, {
      ...actorOf(ctx),
      action: 'debate.create',
      objectType: 'debate',
      objectId: row.id,
      details: { title: body.title },
    });
    await recordActivity(trx, { type: 'debate', actorId: user.id, at: ctx.now, debateId: row.id });
    await announce(trx, ctx.deps, {
      event: 'debate',
      subject: { type: 'debate', id: row.id },
      language,
      title: body.title,
      path: `/debates/${row.id}`,
    });
    return row.id;
  });
  return detail(ctx, id);
}

export async function getDebate(ctx: Ctx, idParam: string): Promise<DebateDetail> {
  return present(ctx, await loadDebate(ctx.db, idParam));
}

/** Where a page of the list starts: after [status, created_at ISO, id] of the previous page's last debate. */
function listCursor(cursor: string | undefined): [string, string, number] | null {
  const after = decodeCursor(cursor, ['text', 'time', 'id']);
  if (after && !['open', 'closed'].includes(after[0])) throw badCursor();
  return after;
}

export async function listDebatesPage(ctx: Ctx, q: ListDebatesQuery): Promise<DebateList> {
  const rows = await listDebates(ctx.db, listCursor(q.cursor), q.limit);
  const { items, next } = page(rows, q.limit, (r) => [r.status, r.created_at.toISOString(), r.id]);
  return { items: items.map(presentDebate), next };
}

export async function addArgument(ctx: Ctx, idParam: string, body: CreateArgumentBody): Promise<ArgumentItem> {
  const user = requireUser(ctx);
  const d = await loadDebate(ctx.db, idParam);
  if (d.status !== 'open') throw conflict('debates-closed');
  if (!hiddenView(d, user, d.opener_id).readable) throw conflict('moderation-subject-hidden');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await insertArgument(trx, {
      debateId: d.id,
      authorId: user.id,
      stance: body.stance,
      body: body.body,
      at: ctx.now,
    });
    await audit(trx, {
      ...actorOf(ctx),
      action: 'debate.argument',
      objectType: 'argument',
      objectId: row.id,
      details: { debate: d.id, stance: body.stance },
    });
    await recordActivity(trx, { type: 'argument', actorId: user.id, at: ctx.now, debateId: d.id, argumentId: row.id });
    return row.id;
  });
  const res = await detail(ctx, d.id);
  const added = res.arguments[body.stance].find((a) => a.id === String(id));
  // Just written to an open debate its author reads: it is there.
  if (!added) throw notFound();
  return { ...added };
}

async function loadArgument(db: Db, idParam: string, argumentParam: string) {
  const d = await loadDebate(db, idParam);
  const aid = parseId(argumentParam);
  const arg = aid === null ? undefined : await findArgument(db, aid);
  if (!arg || arg.debate_id !== d.id) throw notFound();
  return { d, arg };
}

export async function support(ctx: Ctx, idParam: string, argumentParam: string): Promise<SupportAnswer> {
  const user = requireUser(ctx);
  const { d, arg } = await loadArgument(ctx.db, idParam, argumentParam);
  if (d.status !== 'open') throw conflict('debates-closed');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await addSupport(trx, arg.id, user.id))) throw conflict('debates-already-supported');
    await audit(trx, {
      ...actorOf(ctx),
      action: 'debate.support',
      objectType: 'argument',
      objectId: arg.id,
      details: { debate: d.id },
    });
  });
  return { argumentId: String(arg.id), supports: await supportCount(ctx.db, arg.id), supported: true };
}

export async function withdrawSupport(ctx: Ctx, idParam: string, argumentParam: string): Promise<void> {
  const user = requireUser(ctx);
  const { d, arg } = await loadArgument(ctx.db, idParam, argumentParam);
  if (d.status !== 'open') throw conflict('debates-closed');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await removeSupport(trx, arg.id, user.id))) throw notFound();
    await audit(trx, {
      ...actorOf(ctx),
      action: 'debate.support.withdraw',
      objectType: 'argument',
      objectId: arg.id,
      details: { debate: d.id },
    });
  });
}

export async function closeDebate(ctx: Ctx, idParam: string, conclusion: string): Promise<DebateDetail> {
  const user = requireUser(ctx);
  const d = await loadDebate(ctx.db, idParam);
  await ensure(ctx, canCloseDebate(user, d), 'debate.close', { type: 'debate', id: d.id });
  if (d.status !== 'open') throw conflict('debates-closed');
  await ctx.db.transaction().execute(async (trx) => {
    const res = await closeDebateRow(trx, d.id, { conclusion, by: user.id, at: ctx.now });
    // Someone else closed it between our read and this write.
    if (Number(res.numUpdatedRows) === 0) throw conflict('debates-closed');
    await audit(trx, {
      ...actorOf(ctx),
      action: 'debate.close',
      objectType: 'debate',
      objectId: d.id,
      details: { byOpener: user.id === d.opener_id },
    });
    await recordActivity(trx, { type: 'debate_closed', actorId: user.id, at: ctx.now, debateId: d.id });
  });
  return detail(ctx, d.id);
}
