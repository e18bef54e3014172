// Debates: a contentious question with a framing, opened by any member; arguments for, against or neutral;
// supports (one per person, withdrawable); closing with a written conclusion by the opener or a moderator.
// Each use case checks who may do it first; every change is audited in the same transaction.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/connection';
import { actorOf, audit } from '../../http/audit';
import { badRequest, conflict, notFound } from '../../http/errors';
import { decodeCursor, page } from '../../http/pagination';
import { ensure, requireUser } from '../../http/permissions';
import { parseId } from '../conversations/subjects';
import { firstCommentPages } from '../conversations/service';
import { recordActivity } from '../notifications/service';
import { announce } from '../telegram/service';
import { canCloseDebate, presentDebate, presentDebateDetail } from './present';
import { hiddenView } from '../moderation/visibility';
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
async function present(app: FastifyInstance, req: FastifyRequest, d: DebateRow) {
  const args = await argumentsOf(app.db, d.id, req.user?.id ?? null);
  const replies = await firstCommentPages(app.db, app.deps.config.baseUrl, req.user, 'argument', args.map((a) => a.id), REPLIES_SHOWN);
  return presentDebateDetail(d, args, replies, req.user);
}

const detail = async (app: FastifyInstance, req: FastifyRequest, id: number) => present(app, req, (await findDebate(app.db, id))!);

export async function createDebate(app: FastifyInstance, req: FastifyRequest, body: CreateDebateBody) {
  const user = requireUser(req);
  const id = await app.db.transaction().execute(async (trx) => {
    const row = await insertDebate(trx, { openerId: user.id, title: body.title, framing: body.framing, language: body.language ?? req.lang, at: app.deps.clock.now() });
    await audit(trx, { ...actorOf(req), action: 'debate.create', objectType: 'debate', objectId: row.id, details: { title: body.title } });
    await recordActivity(trx, { type: 'debate', actorId: user.id, at: app.deps.clock.now(), debateId: row.id });
    await announce(trx, app.deps, { event: 'debate', subject: { type: 'debate', id: row.id }, language: body.language ?? req.lang, title: body.title, path: `/debates/${row.id}` });
    return row.id;
  });
  return detail(app, req, id);
}

export async function getDebate(app: FastifyInstance, req: FastifyRequest, idParam: string) {
  return present(app, req, await loadDebate(app.db, idParam));
}

export async function listDebatesPage(app: FastifyInstance, q: ListDebatesQuery) {
  const after = decodeCursor(q.cursor, 3);
  if (after && (!['open', 'closed'].includes(String(after[0])) || typeof after[1] !== 'string' || Number.isNaN(Date.parse(after[1])) || typeof after[2] !== 'number')) {
    throw badRequest([{ field: 'cursor', message: 'validation-cursor' }]);
  }
  const rows = await listDebates(app.db, after as [string, string, number] | null, q.limit);
  const { items, next } = page(rows, q.limit, (r) => [r.status, r.created_at.toISOString(), r.id]);
  return { items: items.map(presentDebate), next };
}

export async function addArgument(app: FastifyInstance, req: FastifyRequest, idParam: string, body: CreateArgumentBody) {
  requireUser(req);
  const d = await loadDebate(app.db, idParam);
  if (d.status !== 'open') throw conflict('debates-closed');
  if (!hiddenView(d, req.user, d.opener_id).readable) throw conflict('moderation-subject-hidden');
  const id = await app.db.transaction().execute(async (trx) => {
    const row = await insertArgument(trx, { debateId: d.id, authorId: req.user!.id, stance: body.stance, body: body.body, at: app.deps.clock.now() });
    await audit(trx, { ...actorOf(req), action: 'debate.argument', objectType: 'argument', objectId: row.id, details: { debate: d.id, stance: body.stance } });
    await recordActivity(trx, { type: 'argument', actorId: req.user!.id, at: app.deps.clock.now(), debateId: d.id, argumentId: row.id });
    return row.id;
  });
  const res = await detail(app, req, d.id);
  return { ...res.arguments[body.stance].find((a) => a.id === String(id))! };
}

async function loadArgument(app: FastifyInstance, idParam: string, argumentParam: string) {
  const d = await loadDebate(app.db, idParam);
  const aid = parseId(argumentParam);
  const arg = aid === null ? undefined : await findArgument(app.db, aid);
  if (!arg || arg.debate_id !== d.id) throw notFound();
  return { d, arg };
}

export async function support(app: FastifyInstance, req: FastifyRequest, idParam: string, argumentParam: string) {
  const user = requireUser(req);
  const { d, arg } = await loadArgument(app, idParam, argumentParam);
  if (d.status !== 'open') throw conflict('debates-closed');
  await app.db.transaction().execute(async (trx) => {
    if (!(await addSupport(trx, arg.id, user.id))) throw conflict('debates-already-supported');
    await audit(trx, { ...actorOf(req), action: 'debate.support', objectType: 'argument', objectId: arg.id, details: { debate: d.id } });
  });
  return { argumentId: String(arg.id), supports: await supportCount(app.db, arg.id), supported: true };
}

export async function withdrawSupport(app: FastifyInstance, req: FastifyRequest, idParam: string, argumentParam: string) {
  const user = requireUser(req);
  const { d, arg } = await loadArgument(app, idParam, argumentParam);
  if (d.status !== 'open') throw conflict('debates-closed');
  await app.db.transaction().execute(async (trx) => {
    if (!(await removeSupport(trx, arg.id, user.id))) throw notFound();
    await audit(trx, { ...actorOf(req), action: 'debate.support.withdraw', objectType: 'argument', objectId: arg.id, details: { debate: d.id } });
  });
}

export async function closeDebate(app: FastifyInstance, req: FastifyRequest, idParam: string, conclusion: string) {
  const user = requireUser(req);
  const d = await loadDebate(app.db, idParam);
  await ensure(app.db, req, canCloseDebate(user, d), 'debate.close', { type: 'debate', id: d.id });
  if (d.status !== 'open') throw conflict('debates-closed');
  await app.db.transaction().execute(async (trx) => {
    const res = await closeDebateRow(trx, d.id, { conclusion, by: user.id, at: app.deps.clock.now() });
    // Someone else closed it between our read and this write.
    if (Number(res.numUpdatedRows) === 0) throw conflict('debates-closed');
    await audit(trx, { ...actorOf(req), action: 'debate.close', objectType: 'debate', objectId: d.id, details: { byOpener: user.id === d.opener_id } });
    await recordActivity(trx, { type: 'debate_closed', actorId: user.id, at: app.deps.clock.now(), debateId: d.id });
  });
  return detail(app, req, d.id);
}
