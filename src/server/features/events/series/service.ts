// Making an event: one transaction writes the event, its organizers (the creator always among the people),
// its speakers and its occurrences 400 days ahead, and the audit entry. Who may make which kind: policy.ts.
import { markdownInsert } from '../../../markdown/stored';
import { transact } from '../../../db/transact';
import type { EventDetail } from '../../../../contracts/events';
import type { Ctx } from '../../../http/context';
import { actorOf, audit } from '../../../http/audit';
import { ensure, requireUser } from '../../../http/access';
import { isCurrentAmbassador } from '../access';
import { eventDetail } from '../listing/detail';
import { canCreateKind } from '../policy';
import type { CreateBody } from '../schema';
import { expandedUntil, insertPlanned, occurrenceStarts, planSlots, windowEnd } from './materialize';
import { resolveNames, writeOrganizers, writeSpeakers } from './repo';
import { inviteAmbassadors } from '../registrations/notify';

export async function createEvent(ctx: Ctx, body: CreateBody): Promise<EventDetail> {
  const user = requireUser(ctx);
  const currentAmbassador = body.kind === 'ambassador_meeting' && (await isCurrentAmbassador(ctx.db, user.id, ctx.now));
  await ensure(ctx, canCreateKind(user, body.kind, { currentAmbassador }), `event.create.${body.kind}`);
  const names = await resolveNames(ctx.db, body);
  const def = {
    start_local: body.start,
    end_local: body.end,
    timezone: body.timezone,
    rrule: body.recurrence?.rrule ?? null,
    slots: body.slots ?? [],
  };
  const until = windowEnd(ctx.now);
  const { starts, ended } = occurrenceStarts(def, until);
  const at = ctx.now;
  const id = await transact(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('events')
      .values({
        kind: body.kind,
        title: body.title,
        description: body.description ?? '',
        ...markdownInsert({ description: body.description ?? '' }),
        timezone: body.timezone,
        start_local: body.start,
        end_local: body.end,
        rrule: def.rrule,
        slots: JSON.stringify(def.slots),
        mode: body.mode,
        languages: body.languages,
        interpretation: body.interpretation ?? [],
        meeting_url: body.mode === 'in_person' ? null : (body.meetingUrl ?? null),
        chat_url: body.chatUrl ?? null,
        address: body.mode === 'online' ? null : (body.address ?? null),
        capacity: body.capacity ?? null,
        registration_open: body.registration.open,
        registration_closes_at: body.registration.closesAt ? new Date(body.registration.closesAt) : null,
        questions: body.registration.questions ?? [],
        agenda: JSON.stringify(body.agenda ?? []),
        course_id: names.course ?? null,
        announce: body.announce ?? false,
        time_poll_id: null,
        expanded_until: expandedUntil(def, until, ended),
        cancelled_at: null,
        cancel_reason: null,
        created_by: user.id,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeOrganizers(trx, row.id, [user.id, ...(names.people ?? [])], names.communities ?? []);
    if (names.speakers) await writeSpeakers(trx, row.id, names.speakers);
    await insertPlanned(trx, row.id, planSlots(def, starts));
    await audit(trx, {
      ...actorOf(ctx),
      action: 'event.create',
      objectType: 'event',
      objectId: row.id,
      details: { kind: body.kind, title: body.title, rrule: def.rrule },
    });
    // Every current ambassador is invited to an ambassador meeting.
    if (body.kind === 'ambassador_meeting')
      await inviteAmbassadors(trx, { event: { id: row.id, title: body.title }, actorId: user.id, at });
    return row.id;
  });
  return eventDetail(ctx, id, {});
}
