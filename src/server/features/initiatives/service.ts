// Initiatives: any member posts an idea; it gathers supporters and comments; its leads move it through the
// stages (idea, recruiting, active, evaluating, archived or discontinued) and, while active, the LDP guide's
// phases. Each use case checks who may do it first; every change is audited in its transaction.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { STAGE_MOVES, type Phase, type Stage } from '../../../contracts/initiatives';
import { actorOf, audit } from '../../http/audit';
import { badRequest, conflict, notFound } from '../../http/errors';
import { requireUser } from '../../http/permissions';
import { canManage, ensureReadable, initiativeView, loadInitiative, manage, todayOf } from './access';
import { updatesOf } from './content-repo';
import { follows } from './notify';
import { archiveIds, type ArchiveFilterQuery } from './archive-service';
import { detail } from './detail-service';
import { exportRecords } from './export-repo';
import { reports } from './export';
import { addLead, addSupporter, communityIds, findInitiative, findInitiatives, removeSupporter, setCommunities, touch, type InitiativeRow } from './repo';
import type { CreateBody, PatchBody } from './schema';
import './subjects';

/** Slugs of groups to their ids; unknown ones are a 400 naming each. */
async function groupIds(app: FastifyInstance, slugs: string[] | undefined): Promise<number[] | undefined> {
  if (!slugs) return undefined;
  const { ids, missing } = await communityIds(app.db, slugs);
  if (missing.length) throw badRequest(missing.map((m) => ({ field: `communities.${slugs.indexOf(m)}`, message: 'initiatives-community-unknown' })));
  return slugs.map((s) => ids.get(s)!);
}

export async function createInitiative(app: FastifyInstance, req: FastifyRequest, body: CreateBody) {
  const user = requireUser(req);
  const communities = await groupIds(app, body.communities);
  const at = app.deps.clock.now();
  const id = await app.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('initiatives')
      .values({
        author_id: user.id,
        title: body.title,
        summary: body.summary,
        problem: body.problem ?? '',
        audience: body.audience ?? '',
        languages: body.languages ?? [],
        regions: body.regions ?? [],
        skills: body.skills ?? [],
        phase: null,
        quiet_since: null,
        ended_at: null,
        outcome: null,
        last_activity_at: at,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addLead(trx, row.id, user.id, at);
    if (communities) await setCommunities(trx, row.id, communities);
    await follows(trx, user.id, row.id, at);
    await audit(trx, { ...actorOf(req), action: 'initiative.create', objectType: 'initiative', objectId: row.id, details: { title: body.title } });
    return row.id;
  });
  return detail(app, req, id);
}

export async function patchInitiative(app: FastifyInstance, req: FastifyRequest, idParam: string, body: PatchBody) {
  const { row } = await manage(app, req, idParam, 'initiative.edit');
  const communities = await groupIds(app, body.communities);
  const at = app.deps.clock.now();
  await app.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('initiatives')
      .set({
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.summary !== undefined ? { summary: body.summary } : {}),
        ...(body.problem !== undefined ? { problem: body.problem } : {}),
        ...(body.audience !== undefined ? { audience: body.audience } : {}),
        ...(body.languages !== undefined ? { languages: body.languages } : {}),
        ...(body.regions !== undefined ? { regions: body.regions } : {}),
        ...(body.skills !== undefined ? { skills: body.skills } : {}),
      })
      .where('id', '=', row.id)
      .execute();
    if (communities) await setCommunities(trx, row.id, communities);
    await touch(trx, row.id, at);
    await audit(trx, { ...actorOf(req), action: 'initiative.edit', objectType: 'initiative', objectId: row.id, details: { fields: Object.keys(body) } });
  });
  return detail(app, req, row.id);
}

// --- stages and phases

export async function moveStage(app: FastifyInstance, req: FastifyRequest, idParam: string, stage: Stage) {
  const { row } = await manage(app, req, idParam, 'initiative.stage');
  const from = row.stage as Stage;
  if (!STAGE_MOVES[from].includes(stage)) throw conflict('initiatives-stage-move', 'stage', [from, stage]);
  const at = app.deps.clock.now();
  await app.db.transaction().execute(async (trx) => {
    const ended = stage === 'archived' || stage === 'discontinued';
    const res = await trx
      .updateTable('initiatives')
      .set({
        stage,
        ...(stage === 'active' ? { phase: row.phase ?? 'define' } : {}),
        ...(ended ? { ended_at: at } : stage === 'idea' ? { ended_at: null } : {}),
        ...(stage === 'idea' ? { seeking_lead: false } : {}),
      })
      .where('id', '=', row.id)
      .where('stage', '=', from)
      .executeTakeFirst();
    // Someone else moved it between our read and this write.
    if (Number(res.numUpdatedRows) === 0) throw conflict('initiatives-stage-move', 'stage', [from, stage]);
    await touch(trx, row.id, at);
    await audit(trx, { ...actorOf(req), action: 'initiative.stage', objectType: 'initiative', objectId: row.id, details: { from, to: stage } });
  });
  return detail(app, req, row.id);
}

export async function movePhase(app: FastifyInstance, req: FastifyRequest, idParam: string, phase: Phase) {
  const { row } = await manage(app, req, idParam, 'initiative.phase');
  if (row.stage !== 'active') throw conflict('initiatives-phase-not-active', 'phase');
  const at = app.deps.clock.now();
  await app.db.transaction().execute(async (trx) => {
    await trx.updateTable('initiatives').set({ phase }).where('id', '=', row.id).execute();
    await touch(trx, row.id, at);
    await audit(trx, { ...actorOf(req), action: 'initiative.phase', objectType: 'initiative', objectId: row.id, details: { from: row.phase, to: phase } });
  });
  return detail(app, req, row.id);
}

// --- supporters (one per person, withdrawable, counted)

export async function support(app: FastifyInstance, req: FastifyRequest, idParam: string) {
  const user = requireUser(req);
  const row = await loadInitiative(app, idParam);
  await ensureReadable(app, user, row);
  const at = app.deps.clock.now();
  await app.db.transaction().execute(async (trx) => {
    if (!(await addSupporter(trx, row.id, user.id, at))) throw conflict('initiatives-already-supported');
    await follows(trx, user.id, row.id, at);
    await audit(trx, { ...actorOf(req), action: 'initiative.support', objectType: 'initiative', objectId: row.id });
  });
  return { supporters: Number((await findInitiative(app.db, row.id, todayOf(app)))!.supporters), supported: true };
}

export async function withdrawSupport(app: FastifyInstance, req: FastifyRequest, idParam: string) {
  const user = requireUser(req);
  const row = await loadInitiative(app, idParam);
  await app.db.transaction().execute(async (trx) => {
    if (!(await removeSupporter(trx, row.id, user.id))) throw notFound();
    await audit(trx, { ...actorOf(req), action: 'initiative.support.withdraw', objectType: 'initiative', objectId: row.id });
  });
  return { supporters: Number((await findInitiative(app.db, row.id, todayOf(app)))!.supporters), supported: false };
}

// --- exports

/** At most this many initiatives go into one archive download (the newest ended first). */
export const EXPORT_MAX = 5000;

/** The archive, with the archive page's filters, as report records. */
export async function archiveReports(app: FastifyInstance, q: ArchiveFilterQuery) {
  // Exactly what the archive search shows with the same filters (archive-service.ts), newest ended first.
  const ids = await archiveIds(app, q, EXPORT_MAX);
  const found = new Map<number, InitiativeRow>();
  for (let n = 0; n < ids.length; n += 500) for (const r of await findInitiatives(app.db, ids.slice(n, n + 500), todayOf(app))) found.set(r.id, r);
  const kept = ids.map((id) => found.get(id)).filter((r): r is InitiativeRow => !!r);
  return reports(kept, await exportRecords(app.db, kept.map((r) => r.id)), app.deps.config.baseUrl);
}

/**
 * One initiative as a report record with its progress updates, oldest first. Hidden by moderation, it is only
 * for its author, leads and moderators (404 for others); hidden progress updates are left out.
 */
export async function initiativeReport(app: FastifyInstance, req: FastifyRequest, idParam: string) {
  const row = await loadInitiative(app, idParam);
  if (!initiativeView(row, req.user, await canManage(app, req.user, row.id)).readable) throw notFound();
  const [records, updates] = await Promise.all([exportRecords(app.db, [row.id]), updatesOf(app.db, row.id)]);
  return {
    report: reports([row], records, app.deps.config.baseUrl)[0],
    updates: updates.filter((u) => u.hidden_reason === null).reverse().map((u) => ({ title: u.title, body: u.body, createdAt: u.created_at.toISOString() })),
  };
}
