// What the leads record while an initiative runs and after: progress updates (its followers are told), links
// to its events, trainings and courses, grants, the phase checklists, and the evaluation with a follow-up
// reminder. Every use case is for the leads (admins and moderators can step in).
import { PHASES, type Phase, type Result } from '../../../../contracts/initiatives';
import type {
  CheckAnswer,
  Evaluation,
  Grant,
  InitiativeLink,
  ProgressUpdate,
} from '../../../../contracts/initiatives-answers';
import type { Ctx } from '../../../http/context';
import { actorOf, audit } from '../../../http/audit';
import { badRequest, conflict, notFound } from '../../../http/errors';
import { enqueue, type JobHandler } from '../../../jobs/queue';
import { parseId } from '../../conversations';
import { phaseChecklist } from '../../guides';
import { manage, todayOf } from '../access';
import { detail } from '../detail';
import { tellFollowers, tellPeople } from '../notify';
import { leadIds, touch } from '../repo';
import { itemOfUrl, namedItem } from './items';
import { presentCheck, presentGrant, presentLink } from './present';
import {
  deleteGrant,
  deleteLink,
  findEvaluation,
  insertGrant,
  insertLink,
  insertUpdate,
  saveEvaluation,
  setChecked,
  updateGrant,
} from './repo';
import type { EvaluationBody, GrantBody, LinkBody, UpdateBody } from './schema';

export async function postUpdate(ctx: Ctx, idParam: string, body: UpdateBody): Promise<ProgressUpdate> {
  const { user, row } = await manage(ctx, idParam, 'initiative.update');
  const at = ctx.now;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await insertUpdate(trx, {
      initiativeId: row.id,
      authorId: user.id,
      title: body.title,
      body: body.body,
      at,
    });
    await tellFollowers(trx, 'initiative_update', {
      initiative: row,
      actorId: user.id,
      at,
      anchor: `update-${newId}`,
      object: { type: 'initiative_update', id: newId },
    });
    await touch(trx, row.id, at);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'initiative.update',
      objectType: 'initiative',
      objectId: row.id,
      details: { update: newId, title: body.title },
    });
    return newId;
  });
  const d = await detail(ctx, row.id);
  // The newest of the updates the page lists: the one just written.
  const shown = d.updates.find((u) => u.id === String(id));
  if (!shown) throw notFound();
  return shown;
}

export async function addLink(ctx: Ctx, idParam: string, body: LinkBody): Promise<InitiativeLink> {
  const { row } = await manage(ctx, idParam, 'initiative.link');
  const at = ctx.now;
  // An item of the platform, named or by its address here (DECISIONS 11); else the address as given.
  const item =
    body.event !== undefined
      ? await namedItem(ctx.db, 'event', body.event)
      : body.course !== undefined
        ? await namedItem(ctx.db, 'course', body.course)
        : await itemOfUrl(ctx.db, body.url ?? '', ctx.config.baseUrl);
  const link = item
    ? {
        kind: item.kind === 'course' ? 'course' : body.kind === 'training' ? 'training' : 'event',
        title: item.title,
        url: item.url,
        eventId: item.kind === 'event' ? item.id : null,
        courseId: item.kind === 'course' ? item.id : null,
      }
    : { kind: body.kind, title: body.title ?? '', url: body.url ?? '', eventId: null, courseId: null };
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await insertLink(trx, { initiativeId: row.id, ...link, at });
    await touch(trx, row.id, at);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'initiative.link',
      objectType: 'initiative',
      objectId: row.id,
      details: { link: newId, url: link.url },
    });
    return newId;
  });
  return presentLink({ id, ...link });
}

export async function removeLink(ctx: Ctx, idParam: string, linkParam: string): Promise<void> {
  const { row } = await manage(ctx, idParam, 'initiative.link.delete');
  const id = parseId(linkParam);
  await ctx.db.transaction().execute(async (trx) => {
    if (id === null || !(await deleteLink(trx, row.id, id))) throw notFound();
    await audit(trx, {
      ...actorOf(ctx),
      action: 'initiative.link.delete',
      objectType: 'initiative',
      objectId: row.id,
      details: { link: id },
    });
  });
}

const grantValues = (b: GrantBody) => ({
  program: b.program,
  amount: b.amount.toFixed(2),
  currency: b.currency,
  status: b.status,
  url: b.url ?? null,
});

export async function addGrant(ctx: Ctx, idParam: string, body: GrantBody): Promise<Grant> {
  const { row } = await manage(ctx, idParam, 'initiative.grant');
  const at = ctx.now;
  const v = grantValues(body);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await insertGrant(trx, row.id, v, at);
    await touch(trx, row.id, at);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'initiative.grant',
      objectType: 'initiative',
      objectId: row.id,
      details: { grant: newId, ...v },
    });
    return newId;
  });
  return presentGrant({ id, ...v });
}

export async function changeGrant(ctx: Ctx, idParam: string, grantParam: string, body: GrantBody): Promise<Grant> {
  const { row } = await manage(ctx, idParam, 'initiative.grant.edit');
  const id = parseId(grantParam);
  if (id === null) throw notFound();
  const v = grantValues(body);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await updateGrant(trx, row.id, id, v))) throw notFound();
    await touch(trx, row.id, ctx.now);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'initiative.grant.edit',
      objectType: 'initiative',
      objectId: row.id,
      details: { grant: id, ...v },
    });
  });
  return presentGrant({ id, ...v });
}

export async function removeGrant(ctx: Ctx, idParam: string, grantParam: string): Promise<void> {
  const { row } = await manage(ctx, idParam, 'initiative.grant.delete');
  const id = parseId(grantParam);
  await ctx.db.transaction().execute(async (trx) => {
    if (id === null || !(await deleteGrant(trx, row.id, id))) throw notFound();
    await audit(trx, {
      ...actorOf(ctx),
      action: 'initiative.grant.delete',
      objectType: 'initiative',
      objectId: row.id,
      details: { grant: id },
    });
  });
}

export async function check(ctx: Ctx, idParam: string, item: string, checked: boolean): Promise<CheckAnswer> {
  const { user, row } = await manage(ctx, idParam, 'initiative.checklist');
  // Items are the phase guide's: `<phase>_<key>`.
  const phase = PHASES.find((p) => item.startsWith(`${p}_`)) as Phase | undefined;
  const list = phase ? await phaseChecklist(ctx.db, phase, 'en') : null;
  if (!list?.items.some((i) => i.id === item)) throw notFound();
  const at = ctx.now;
  await ctx.db.transaction().execute(async (trx) => {
    await setChecked(trx, row.id, item, checked, user.id, at);
    await touch(trx, row.id, at);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'initiative.checklist',
      objectType: 'initiative',
      objectId: row.id,
      details: { item, checked },
    });
  });
  return presentCheck(item, checked);
}

// --- evaluation

const EVALUABLE = ['active', 'evaluating', 'archived', 'discontinued'];
export const FOLLOW_UP_JOB = 'initiatives.follow-up';
/** Reminders go out on the follow-up day at this hour (UTC). */
const REMINDER_HOUR_UTC = 8;

/** How the goals came out as a whole: every one met, none met, or some. */
export function overall(results: Result[]): Result {
  if (results.every((r) => r === 'met')) return 'met';
  if (results.every((r) => r === 'not_met')) return 'not_met';
  return 'partly_met';
}

export async function evaluate(ctx: Ctx, idParam: string, body: EvaluationBody): Promise<Evaluation> {
  const { user, row } = await manage(ctx, idParam, 'initiative.evaluate');
  if (!EVALUABLE.includes(row.stage)) throw conflict('initiatives-evaluation-stage', 'stage');
  const followUp = body.followUp ?? null;
  if (followUp !== null && followUp <= todayOf(ctx))
    throw badRequest([{ field: 'followUp', message: 'initiatives-follow-up-past' }]);
  const at = ctx.now;
  const outcome = overall(body.outcomes.map((o) => o.result));
  await ctx.db.transaction().execute(async (trx) => {
    await saveEvaluation(trx, row.id, {
      outcomes: body.outcomes.map((o) => ({ goal: o.goal, result: o.result, note: o.note ?? '' })),
      reached: body.reached,
      lessons: body.lessons,
      differently: body.differently ?? '',
      documentation: body.documentation,
      followUp,
      by: user.id,
      at,
    });
    await trx.updateTable('initiatives').set({ outcome }).where('id', '=', row.id).execute();
    if (followUp) {
      await enqueue(
        trx,
        {
          kind: FOLLOW_UP_JOB,
          payload: { initiativeId: row.id, date: followUp },
          runAt: new Date(`${followUp}T0${REMINDER_HOUR_UTC}:00:00Z`),
          key: `${FOLLOW_UP_JOB}:${row.id}:${followUp}`,
        },
        at,
      );
    }
    await touch(trx, row.id, at);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'initiative.evaluate',
      objectType: 'initiative',
      objectId: row.id,
      details: { outcome, followUp, reached: body.reached.length },
    });
  });
  // Just saved: the initiative has an evaluation now.
  const { evaluation } = await detail(ctx, row.id);
  if (!evaluation) throw notFound();
  return evaluation;
}

/** On the follow-up day the leads are reminded, unless the date was changed or removed since (registered by index.ts). */
export const followUpJob: JobHandler = async (payload, job) => {
  const initiativeId = Number(payload.initiativeId);
  const e = await findEvaluation(job.db, initiativeId);
  if (!e || e.follow_up !== payload.date) return;
  await job.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('initiatives')
      .select(['id', 'title'])
      .where('id', '=', initiativeId)
      .executeTakeFirstOrThrow();
    await tellPeople(trx, 'follow_up', await leadIds(trx, initiativeId), {
      initiative: row,
      actorId: null,
      at: job.deps.clock.now(),
      anchor: 'evaluation',
    });
  });
};
