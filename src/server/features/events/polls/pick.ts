// Picking a slot: the organizer's event body (without times) plus the slot's local times and the poll's zone go
// through the events core's own validation and create service, so the event is made exactly as
// `POST /api/v1/events` makes it; then the poll is marked picked (once: a second pick is a 409, and an event made
// by a pick that lost a race is removed again) and every invitee is told (`event_invite`).
import type { EventDetail } from '../../../../contracts/events';
import type { Ctx } from '../../../http/context';
import { ensure, requireUser } from '../../../http/access';
import { actorOf, audit } from '../../../http/audit';
import { badRequest, conflict, fieldErrorOfIssue } from '../../../http/errors';
import { todayUtc } from '../../communities';
import { notify } from '../../notifications';
import { createBody } from '../schema';
import { createEvent } from '../series/service';
import { canPickSlot, isPollOrganizer } from './policy';
import { inviteeIds, slotsOf } from './repo';
import type { PickBody } from './schema';
import { loadPoll } from './service';

const TIMES = ['start', 'end', 'timezone'] as const;

export async function pickSlot(ctx: Ctx, id: string, body: PickBody): Promise<EventDetail> {
  const user = requireUser(ctx);
  const { poll, facts } = await loadPoll(ctx, id);
  if (isPollOrganizer(user, facts) && facts.picked) throw conflict('time-polls-already-picked');
  await ensure(ctx, canPickSlot(user, facts), 'time_poll.pick', { type: 'time_poll', id: poll.id });
  const slot = (await slotsOf(ctx.db, poll.id)).find((s) => s.slot === body.slot);
  if (!slot) throw badRequest([{ field: 'slot', message: 'time-polls-no-such-slot', params: [body.slot] }]);
  const given = TIMES.filter((k) => k in body.event);
  if (given.length)
    throw badRequest(given.map((k) => ({ field: `event.${k}`, message: 'time-polls-slot-gives-times' })));
  const parsed = createBody.safeParse({
    ...body.event,
    start: slot.start_local,
    end: slot.end_local,
    timezone: poll.timezone,
  });
  if (!parsed.success) throw badRequest(parsed.error.issues.flatMap((i) => fieldErrorOfIssue(i, 'event')));
  const event = await createEvent(ctx, parsed.data);
  const eventId = Number(event.id);
  const claimed = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('time_polls')
      .set({ picked_slot: slot.slot, event_id: eventId })
      .where('id', '=', poll.id)
      .where('picked_slot', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!row) {
      // Another pick won meanwhile: this request's event goes again, so a failed pick leaves nothing behind.
      await trx.deleteFrom('events').where('id', '=', eventId).execute();
      return false;
    }
    await trx.updateTable('events').set({ time_poll_id: poll.id }).where('id', '=', eventId).execute();
    const invited = (await inviteeIds(trx, poll, todayUtc(ctx.now))).filter((u) => u !== user.id);
    await notify(trx, {
      type: 'event.invite',
      actorId: user.id,
      at: ctx.now,
      subject: { type: 'event', id: eventId, title: event.title, link: `/events/${eventId}` },
      people: { kind: 'event_invite', ids: invited },
    });
    await audit(trx, {
      ...actorOf(ctx),
      action: 'time_poll.pick',
      objectType: 'time_poll',
      objectId: poll.id,
      details: { slot: slot.slot, eventId, told: invited.length },
    });
    return true;
  });
  if (!claimed) throw conflict('time-polls-already-picked');
  return event;
}
