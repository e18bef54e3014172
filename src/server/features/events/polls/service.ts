// Find a time: an organizer offers slots to people, groups' members or all current ambassadors; invitees answer
// yes / if need be / no per slot; the organizer picks one and the event is made from it (pick.ts).
import type { TimePollDetail } from '../../../../contracts/time-polls';
import { usernameKey } from '../../../../contracts/usernames';
import type { Ctx } from '../../../http/context';
import { ensure, requireUser } from '../../../http/access';
import { actorOf, audit } from '../../../http/audit';
import { badRequest, conflict, notFound, type FieldError } from '../../../http/errors';
import { todayUtc } from '../../communities';
import { zonedToInstant } from '../time/zoned';
import { canAnswerPoll, canPickSlot, canSeePoll, type PollFacts } from './policy';
import { presentPoll } from './present';
import {
  answersOf,
  communitiesBySlugs,
  findPoll,
  inviteeIds,
  isInvited,
  peopleByIds,
  slotsOf,
  usersByKeys,
  type PollRow,
} from './repo';
import type { CreatePoll, PollAnswers } from './schema';

/** The poll and what the person asking is to it; a missing poll (or a malformed id) is a 404. */
export async function loadPoll(ctx: Ctx, id: string): Promise<{ poll: PollRow; facts: PollFacts }> {
  if (!/^\d{1,15}$/.test(id)) throw notFound();
  const poll = await findPoll(ctx.db, Number(id));
  if (!poll) throw notFound();
  const invited = ctx.actor ? await isInvited(ctx.db, poll, ctx.actor.id, todayUtc(ctx.now)) : false;
  const createdBy = poll.created_by === null ? null : Number(poll.created_by);
  return { poll, facts: { createdBy, picked: poll.picked_slot !== null, invited } };
}

export async function createPoll(ctx: Ctx, body: CreatePoll): Promise<TimePollDetail> {
  const user = requireUser(ctx);
  const errors: FieldError[] = [];
  const names = body.invitees.people ?? [];
  const users = await usersByKeys(ctx.db, names.map(usernameKey));
  const userIds = names.map((name, i) => {
    const found = users.find((u) => u.username_key === usernameKey(name));
    if (!found) errors.push({ field: `invitees.people.${i}`, message: 'time-polls-unknown-person', params: [name] });
    return found ? Number(found.id) : null;
  });
  const slugs = body.invitees.communities ?? [];
  const groups = await communitiesBySlugs(ctx.db, slugs);
  const groupIds = slugs.map((slug, i) => {
    const found = groups.find((g) => g.slug === slug);
    if (!found)
      errors.push({ field: `invitees.communities.${i}`, message: 'time-polls-unknown-group', params: [slug] });
    return found ? Number(found.id) : null;
  });
  if (!names.length && !slugs.length && !body.invitees.ambassadors)
    errors.push({ field: 'invitees', message: 'time-polls-no-invitees' });
  if (errors.length) throw badRequest(errors);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const poll = await trx
      .insertInto('time_polls')
      .values({
        title: body.title,
        timezone: body.timezone,
        invite_ambassadors: !!body.invitees.ambassadors,
        created_by: user.id,
        created_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('time_poll_slots')
      .values(
        body.slots.map((s, slot) => ({
          poll_id: poll.id,
          slot,
          start_local: s.start,
          end_local: s.end,
          starts_at: zonedToInstant(s.start, body.timezone),
          ends_at: zonedToInstant(s.end, body.timezone),
        })),
      )
      .execute();
    const invitees = [
      ...[...new Set(userIds.filter((x) => x !== null))].map((u) => ({
        poll_id: poll.id,
        user_id: u,
        community_id: null,
      })),
      ...[...new Set(groupIds.filter((x) => x !== null))].map((c) => ({
        poll_id: poll.id,
        user_id: null,
        community_id: c,
      })),
    ];
    if (invitees.length) await trx.insertInto('time_poll_invitees').values(invitees).execute();
    await audit(trx, {
      ...actorOf(ctx),
      action: 'time_poll.create',
      objectType: 'time_poll',
      objectId: poll.id,
      details: { slots: body.slots.length, people: invitees.length, ambassadors: !!body.invitees.ambassadors },
    });
    return Number(poll.id);
  });
  return getPoll(ctx, String(id));
}

export async function getPoll(ctx: Ctx, id: string): Promise<TimePollDetail> {
  const { poll, facts } = await loadPoll(ctx, id);
  await ensure(ctx, canSeePoll(ctx.actor, facts), 'time_poll.read', { type: 'time_poll', id: poll.id });
  const [slots, answers, invited] = await Promise.all([
    slotsOf(ctx.db, poll.id),
    answersOf(ctx.db, poll.id),
    inviteeIds(ctx.db, poll, todayUtc(ctx.now)),
  ]);
  // Those who answered stay on the grid even if they have since left a group that was asked.
  const ids = [...new Set([...invited, ...answers.map((a) => Number(a.user_id))])];
  const createdBy = facts.createdBy;
  const people = await peopleByIds(ctx.db, createdBy === null ? ids : [...new Set([...ids, createdBy])]);
  const norm = people.map((p) => ({ ...p, id: Number(p.id) }));
  return presentPoll(poll, {
    organizer: norm.find((p) => p.id === createdBy) ?? null,
    slots,
    people: norm.filter((p) => ids.includes(p.id)),
    answers: answers.map((a) => ({ ...a, user_id: Number(a.user_id) })),
    viewerId: ctx.actor?.id ?? null,
    can: { answer: canAnswerPoll(ctx.actor, facts), pick: canPickSlot(ctx.actor, facts) },
  });
}

/** An invitee's answers replace their earlier ones; a slot the poll does not have is a 400 naming it. */
export async function answerPoll(ctx: Ctx, id: string, body: PollAnswers): Promise<TimePollDetail> {
  const user = requireUser(ctx);
  const { poll, facts } = await loadPoll(ctx, id);
  if (facts.invited && facts.picked) throw conflict('time-polls-closed');
  await ensure(ctx, canAnswerPoll(ctx.actor, facts), 'time_poll.answer', { type: 'time_poll', id: poll.id });
  const slots = new Set((await slotsOf(ctx.db, poll.id)).map((s) => s.slot));
  const errors: FieldError[] = [];
  const seen = new Set<number>();
  body.answers.forEach((a, i) => {
    if (!slots.has(a.slot))
      errors.push({ field: `answers.${i}.slot`, message: 'time-polls-no-such-slot', params: [a.slot] });
    else if (seen.has(a.slot))
      errors.push({ field: `answers.${i}.slot`, message: 'time-polls-slot-twice', params: [a.slot] });
    seen.add(a.slot);
  });
  if (errors.length) throw badRequest(errors);
  const zone = body.shareTimezone ? user.timeZone : null;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('time_poll_answers').where('poll_id', '=', poll.id).where('user_id', '=', user.id).execute();
    await trx
      .insertInto('time_poll_answers')
      .values(
        body.answers.map((a) => ({
          poll_id: poll.id,
          user_id: user.id,
          slot: a.slot,
          answer: a.answer,
          timezone: zone,
          updated_at: ctx.now,
        })),
      )
      .execute();
    await audit(trx, {
      ...actorOf(ctx),
      action: 'time_poll.answer',
      objectType: 'time_poll',
      objectId: poll.id,
      details: { answers: body.answers.length, sharedZone: zone !== null },
    });
  });
  return getPoll(ctx, id);
}
