// Initiatives: any member posts an idea; it gathers supporters and comments; its leads move it through the
// stages (idea, recruiting, active, evaluating, archived or discontinued) and, while active, the LDP guide's
// phases. Each use case checks who may do it first; every change is audited in its transaction.
import { leadColumns, markdownColumns, markdownInsert } from '../../markdown/stored';
import { STAGE_MOVES, type Phase, type Stage } from '../../../contracts/initiatives';
import type { InitiativeDetail, SupportAnswer } from '../../../contracts/initiatives-answers';
import type { Ctx } from '../../http/context';
import { actorOf, audit } from '../../http/audit';
import { requireUser } from '../../http/access';
import { badRequest, conflict, notFound } from '../../http/errors';
import { ensureReadable, loadInitiative, manage, todayOf } from './access';
import { detail } from './detail';
import { follows } from './notify';
import { isEnded } from './policy';
import { addLead, addSupporter, communityIds, findInitiative, removeSupporter, setCommunities, touch } from './repo';
import type { CreateBody, PatchBody } from './schema';

/** Slugs of groups to their ids; unknown ones are a 400 naming each. */
async function groupIds(ctx: Ctx, slugs: string[] | undefined): Promise<number[] | undefined> {
  if (!slugs) return undefined;
  const { ids, missing } = await communityIds(ctx.db, slugs);
  if (missing.length)
    throw badRequest(
      missing.map((m) => ({ field: `communities.${slugs.indexOf(m)}`, message: 'initiatives-community-unknown' })),
    );
  return slugs.flatMap((s) => ids.get(s) ?? []);
}

export async function createInitiative(ctx: Ctx, body: CreateBody): Promise<InitiativeDetail> {
  const user = requireUser(ctx);
  const communities = await groupIds(ctx, body.communities);
  const at = ctx.now;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('initiatives')
      .values({
        author_id: user.id,
        title: body.title,
        summary: body.summary,
        problem: body.problem ?? '',
        audience: body.audience ?? '',
        ...markdownInsert({ summary: body.summary, problem: body.problem ?? '', audience: body.audience ?? '' }, [
          'summary',
        ]),
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
    await audit(trx, {
      ...actorOf(ctx),
      action: 'initiative.create',
      objectType: 'initiative',
      objectId: row.id,
      details: { title: body.title },
    });
    return row.id;
  });
  return detail(ctx, id);
}

export async function patchInitiative(ctx: Ctx, idParam: string, body: PatchBody): Promise<InitiativeDetail> {
  const { row } = await manage(ctx, idParam, 'initiative.edit');
  const communities = await groupIds(ctx, body.communities);
  const fields = {
    ...(body.title !== undefined ? { title: body.title } : {}),
    ...(body.summary !== undefined ? { summary: body.summary } : {}),
    ...(body.problem !== undefined ? { problem: body.problem } : {}),
    ...(body.audience !== undefined ? { audience: body.audience } : {}),
    ...markdownColumns({ summary: body.summary, problem: body.problem, audience: body.audience }),
    ...leadColumns({ summary: body.summary }),
    ...(body.languages !== undefined ? { languages: body.languages } : {}),
    ...(body.regions !== undefined ? { regions: body.regions } : {}),
    ...(body.skills !== undefined ? { skills: body.skills } : {}),
  };
  // Only what the body names changes: its groups alone, or nothing at all (an empty body answers the idea as it is).
  if (Object.keys(fields).length === 0 && !communities) return detail(ctx, row.id);
  const at = ctx.now;
  await ctx.db.transaction().execute(async (trx) => {
    if (Object.keys(fields).length) await trx.updateTable('initiatives').set(fields).where('id', '=', row.id).execute();
    if (communities) await setCommunities(trx, row.id, communities);
    await touch(trx, row.id, at);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'initiative.edit',
      objectType: 'initiative',
      objectId: row.id,
      details: { fields: Object.keys(body) },
    });
  });
  return detail(ctx, row.id);
}

// --- stages and phases

export async function moveStage(ctx: Ctx, idParam: string, stage: Stage): Promise<InitiativeDetail> {
  const { row } = await manage(ctx, idParam, 'initiative.stage');
  const from = row.stage as Stage;
  if (!STAGE_MOVES[from].includes(stage)) throw conflict('initiatives-stage-move', 'stage', [from, stage]);
  const at = ctx.now;
  await ctx.db.transaction().execute(async (trx) => {
    const ended = isEnded(stage);
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
    await audit(trx, {
      ...actorOf(ctx),
      action: 'initiative.stage',
      objectType: 'initiative',
      objectId: row.id,
      details: { from, to: stage },
    });
  });
  return detail(ctx, row.id);
}

export async function movePhase(ctx: Ctx, idParam: string, phase: Phase): Promise<InitiativeDetail> {
  const { row } = await manage(ctx, idParam, 'initiative.phase');
  if (row.stage !== 'active') throw conflict('initiatives-phase-not-active', 'phase');
  const at = ctx.now;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('initiatives').set({ phase }).where('id', '=', row.id).execute();
    await touch(trx, row.id, at);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'initiative.phase',
      objectType: 'initiative',
      objectId: row.id,
      details: { from: row.phase, to: phase },
    });
  });
  return detail(ctx, row.id);
}

// --- supporters (one per person, withdrawable, counted)

/** How many support the initiative now (read after the change). */
async function supportersOf(ctx: Ctx, id: number): Promise<number> {
  const row = await findInitiative(ctx.db, id, todayOf(ctx));
  return Number(row?.supporters ?? 0);
}

export async function support(ctx: Ctx, idParam: string): Promise<SupportAnswer> {
  const user = requireUser(ctx);
  const row = await loadInitiative(ctx, idParam);
  await ensureReadable(ctx, user, row);
  const at = ctx.now;
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await addSupporter(trx, row.id, user.id, at))) throw conflict('initiatives-already-supported');
    await follows(trx, user.id, row.id, at);
    await audit(trx, { ...actorOf(ctx), action: 'initiative.support', objectType: 'initiative', objectId: row.id });
  });
  return { supporters: await supportersOf(ctx, row.id), supported: true };
}

export async function withdrawSupport(ctx: Ctx, idParam: string): Promise<SupportAnswer> {
  const user = requireUser(ctx);
  const row = await loadInitiative(ctx, idParam);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await removeSupporter(trx, row.id, user.id))) throw notFound();
    await audit(trx, {
      ...actorOf(ctx),
      action: 'initiative.support.withdraw',
      objectType: 'initiative',
      objectId: row.id,
    });
  });
  return { supporters: await supportersOf(ctx, row.id), supported: false };
}
