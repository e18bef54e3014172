// The team behind an initiative survives turnover: leads invite co-leads (the invitee accepts), a lead steps
// down and marks it as seeking a new lead, others volunteer and a lead or an admin accepts. An initiative
// quiet for months is flagged and its followers asked whether it lives; a lead answers that it does.
import type { InitiativeDetail, RequestAnswer } from '../../../../contracts/initiatives-answers';
import { usernameKey } from '../../../../contracts/usernames';
import type { Ctx } from '../../../http/context';
import { actorOf, audit } from '../../../http/audit';
import { ensure, requireUser } from '../../../http/access';
import { badRequest, conflict, notFound } from '../../../http/errors';
import { parseId } from '../../conversations';
import { canManage, ensureReadable, loadInitiative, manage } from '../access';
import { detail } from '../detail';
import { follows, tellFollowers, tellPeople } from '../notify';
import { isEnded, isStaff } from '../policy';
import { addLead, isLead, leadIds, removeLead, touch } from '../repo';
import { mayAnswerRequest, mayStepDown } from './policy';
import { decideRequest, findRequest, insertRequest } from './repo';
import type { InviteBody, StepDownBody, VolunteerBody } from './schema';

export async function invite(ctx: Ctx, idParam: string, body: InviteBody): Promise<RequestAnswer> {
  const { user, row } = await manage(ctx, idParam, 'initiative.lead.invite');
  if (isEnded(row.stage)) throw conflict('initiatives-ended');
  const invitee = await ctx.db
    .selectFrom('users')
    .select(['id'])
    .where('username_key', '=', usernameKey(body.username))
    .executeTakeFirst();
  if (!invitee) throw badRequest([{ field: 'username', message: 'initiatives-person-unknown' }]);
  if (await isLead(ctx.db, row.id, invitee.id)) throw conflict('initiatives-already-lead', 'username');
  const at = ctx.now;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await insertRequest(trx, {
      initiativeId: row.id,
      userId: invitee.id,
      kind: 'invitation',
      message: body.message ?? '',
      askedBy: user.id,
      at,
    });
    if (newId === null) throw conflict('initiatives-request-pending', 'username');
    await tellPeople(trx, 'lead_invite', [invitee.id], { initiative: row, actorId: user.id, at, anchor: 'team' });
    await audit(trx, {
      ...actorOf(ctx),
      action: 'initiative.lead.invite',
      objectType: 'initiative',
      objectId: row.id,
      details: { invitee: invitee.id, request: newId },
    });
    return newId;
  });
  return { id: String(id), kind: 'invitation' as const, status: 'pending' as const };
}

export async function volunteer(ctx: Ctx, idParam: string, body: VolunteerBody): Promise<RequestAnswer> {
  const user = requireUser(ctx);
  const row = await loadInitiative(ctx, idParam);
  await ensureReadable(ctx, user, row);
  if (isEnded(row.stage)) throw conflict('initiatives-ended');
  const leads = await leadIds(ctx.db, row.id);
  if (leads.includes(user.id)) throw conflict('initiatives-already-lead');
  if (!row.seeking_lead && leads.length > 0) throw conflict('initiatives-not-seeking');
  const at = ctx.now;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await insertRequest(trx, {
      initiativeId: row.id,
      userId: user.id,
      kind: 'volunteer',
      message: body.message ?? '',
      askedBy: user.id,
      at,
    });
    if (newId === null) throw conflict('initiatives-request-pending');
    await tellPeople(trx, 'lead_volunteer', leads, { initiative: row, actorId: user.id, at, anchor: 'team' });
    await follows(trx, user.id, row.id, at);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'initiative.lead.volunteer',
      objectType: 'initiative',
      objectId: row.id,
      details: { request: newId },
    });
    return newId;
  });
  return { id: String(id), kind: 'volunteer' as const, status: 'pending' as const };
}

/**
 * Answers a request to become a lead: an invitation by the invitee; a volunteer by a lead, an admin or a
 * moderator. Accepting makes the person a lead (and ends the search for one).
 */
export async function answerRequest(
  ctx: Ctx,
  idParam: string,
  requestParam: string,
  accept: boolean,
): Promise<InitiativeDetail> {
  const user = requireUser(ctx);
  const row = await loadInitiative(ctx, idParam);
  const id = parseId(requestParam);
  const r = id === null ? undefined : await findRequest(ctx.db, id);
  if (!r || r.initiative_id !== row.id) throw notFound();
  const manager = r.kind === 'volunteer' && (await canManage(ctx, user, row.id));
  await ensure(ctx, mayAnswerRequest(user, r, manager), accept ? 'initiative.lead.accept' : 'initiative.lead.decline', {
    type: 'initiative',
    id: row.id,
  });
  if (r.status !== 'pending') throw conflict('initiatives-request-decided');
  const at = ctx.now;
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await decideRequest(trx, r.id, accept ? 'accepted' : 'declined', user.id, at)))
      throw conflict('initiatives-request-decided');
    if (accept) {
      await addLead(trx, row.id, r.user_id, at);
      await trx.updateTable('initiatives').set({ seeking_lead: false }).where('id', '=', row.id).execute();
      await follows(trx, r.user_id, row.id, at);
      await touch(trx, row.id, at);
    }
    // A volunteer hears the answer; leads hear an invitee's.
    const told = r.kind === 'volunteer' ? [r.user_id] : (await leadIds(trx, row.id)).filter((l) => l !== r.user_id);
    if (r.kind === 'volunteer')
      await tellPeople(trx, 'signup_answered', told, {
        initiative: row,
        actorId: user.id,
        at,
        anchor: 'team',
        object: { type: accept ? 'lead_accepted' : 'lead_declined', id: r.id },
      });
    await audit(trx, {
      ...actorOf(ctx),
      action: accept ? 'initiative.lead.accept' : 'initiative.lead.decline',
      objectType: 'initiative',
      objectId: row.id,
      details: {
        request: r.id,
        kind: r.kind,
        person: r.user_id,
        staff: r.kind === 'volunteer' && isStaff(user) && !(await isLead(trx, row.id, user.id)),
      },
    });
  });
  return detail(ctx, row.id);
}

/** A lead steps down; the initiative seeks a new lead when asked, and always when no lead is left. */
export async function stepDown(ctx: Ctx, idParam: string, body: StepDownBody): Promise<InitiativeDetail> {
  const user = requireUser(ctx);
  const row = await loadInitiative(ctx, idParam);
  await ensure(ctx, mayStepDown(user, await isLead(ctx.db, row.id, user.id)), 'initiative.lead.step-down', {
    type: 'initiative',
    id: row.id,
  });
  const at = ctx.now;
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await removeLead(trx, row.id, user.id))) throw notFound();
    const left = await leadIds(trx, row.id);
    const seeking = left.length === 0 || body.seekingLead === true;
    if (seeking) await trx.updateTable('initiatives').set({ seeking_lead: true }).where('id', '=', row.id).execute();
    await touch(trx, row.id, at);
    if (seeking && !isEnded(row.stage))
      await tellFollowers(trx, 'lead_wanted', { initiative: row, actorId: user.id, at, anchor: 'team' });
    await audit(trx, {
      ...actorOf(ctx),
      action: 'initiative.lead.step-down',
      objectType: 'initiative',
      objectId: row.id,
      details: { seeking, leadsLeft: left.length },
    });
  });
  return detail(ctx, row.id);
}

/** A lead (or an admin) says a quiet initiative lives: the flag goes and the clock starts again. */
export async function alive(ctx: Ctx, idParam: string): Promise<InitiativeDetail> {
  const { row } = await manage(ctx, idParam, 'initiative.alive');
  await ctx.db.transaction().execute(async (trx) => {
    await touch(trx, row.id, ctx.now);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'initiative.alive',
      objectType: 'initiative',
      objectId: row.id,
      details: { wasQuiet: row.quiet_since !== null },
    });
  });
  return detail(ctx, row.id);
}
