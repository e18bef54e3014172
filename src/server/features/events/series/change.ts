// Changing an event: its fields, its times or rule (occurrences to come are made again, keeping the rows, and so
// their registrations, whose occurrence stays), cancelling it (it stays readable, shown cancelled), and moving
// or cancelling one occurrence. Only those who manage it (policy.ts); each change is one audited transaction.
import { sql } from 'kysely';
import type { EventDetail } from '../../../../contracts/events';
import { markdownColumns } from '../../../markdown/stored';
import type { Db } from '../../../db/connection';
import type { Ctx } from '../../../http/context';
import { actorOf, audit } from '../../../http/audit';
import { badRequest, conflict } from '../../../http/errors';
import { ensureManage, occurrenceNotFound, type EventRow } from '../access';
import { eventDetail } from '../listing/detail';
import { crossFieldIssues, fieldErrorsOf, type OccurrenceBody, type PatchBody } from '../schema';
import { addLocalMinutes, instantToLocal, localMinutesBetween, zonedToInstant } from '../time/zoned';
import {
  expandedUntil,
  insertPlanned,
  occurrenceStarts,
  planSlots,
  windowEnd,
  type Planned,
  type SeriesDefinition,
} from './materialize';
import { resolveNames, writeOrganizers, writeSpeakers } from './repo';
import { tellEventChanged, tellOccurrenceChanged } from '../registrations/notify';
import { fillFreedPlacesOfEvent } from '../registrations/service';

const key = (p: { occurrence: string; slot: number }) => `${p.occurrence}|${p.slot}`;

/** Loads an event its manager may still change (a cancelled one: 409). */
async function changeable(ctx: Ctx, id: string, action: string): Promise<EventRow> {
  const row = await ensureManage(ctx, id, action);
  if (row.cancelled_at) throw conflict('events-cancelled');
  return row;
}

/**
 * Makes the occurrences of a changed definition again. A single event keeps its one occurrence's key (its
 * registrations stay, whatever its new time); a series makes its occurrences to come anew: rows whose
 * occurrence and slot stay are kept (moved ones where they were moved to), others are deleted, new ones added.
 * Past occurrences stay as they were.
 */
export async function rematerialize(db: Db, before: EventRow, def: SeriesDefinition, now: Date): Promise<void> {
  const single = before.rrule === null && def.rrule === null;
  const existing = await db
    .selectFrom('event_occurrences')
    .select(['id', 'occurrence', 'slot', 'moved'])
    .where('event_id', '=', before.id)
    .$if(!single, (q) => q.where('starts_at', '>=', now))
    .execute();
  const until = windowEnd(now);
  const { starts, ended } = occurrenceStarts(def, until);
  let planned: Planned[];
  if (single) {
    const kept = existing[0]?.occurrence ?? def.start_local;
    planned = planSlots(def, starts).map((p) => ({ ...p, occurrence: kept }));
  } else planned = planSlots(def, starts).filter((p) => p.startsAt >= now);
  const wanted = new Map(planned.map((p) => [key(p), p]));
  const gone: number[] = [];
  for (const row of existing) {
    const p = wanted.get(key(row));
    if (!p) gone.push(row.id);
    else if (single || !row.moved)
      await db
        .updateTable('event_occurrences')
        .set({ starts_at: p.startsAt, ends_at: p.endsAt, moved: false })
        .where('id', '=', row.id)
        .execute();
  }
  if (gone.length) await db.deleteFrom('event_occurrences').where('id', 'in', gone).execute();
  const have = new Set(existing.map(key));
  await insertPlanned(
    db,
    before.id,
    planned.filter((p) => !have.has(key(p))),
  );
  await db
    .updateTable('events')
    .set({ expanded_until: expandedUntil(def, until, ended) })
    .where('id', '=', before.id)
    .execute();
}

/** The most places taken in one occurrence to come. */
async function mostTaken(db: Db, eventId: number, now: Date): Promise<number> {
  const row = await db
    .selectFrom('event_registrations as r')
    .innerJoin('event_occurrences as o', 'o.id', 'r.occurrence_id')
    .select(sql<string>`count(*)`.as('n'))
    .where('r.event_id', '=', eventId)
    .where('r.status', '=', 'registered')
    .where('o.starts_at', '>=', now)
    .groupBy('r.occurrence_id')
    .orderBy(sql`count(*)`, 'desc')
    .limit(1)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

const TIME_FIELDS = ['start', 'end', 'timezone', 'recurrence', 'slots'] as const;

export async function patchEvent(ctx: Ctx, id: string, body: PatchBody): Promise<EventDetail> {
  const row = await changeable(ctx, id, 'event.edit');
  // An empty body changes nothing (no new revision): the event as it is.
  if (Object.keys(body).length === 0) return eventDetail(ctx, row.id, {});
  const def: SeriesDefinition = {
    start_local: body.start ?? row.start_local,
    end_local: body.end ?? row.end_local,
    timezone: body.timezone ?? row.timezone,
    rrule: body.recurrence === undefined ? row.rrule : (body.recurrence?.rrule ?? null),
    slots: body.slots ?? row.slots,
  };
  const mode = body.mode ?? row.mode;
  const address = body.address === undefined ? row.address : body.address;
  const meetingUrl = body.meetingUrl === undefined ? row.meeting_url : body.meetingUrl;
  const issues = crossFieldIssues({
    start: def.start_local,
    end: def.end_local,
    timezone: def.timezone,
    rrule: body.recurrence === undefined ? null : def.rrule,
    slots: def.slots,
    mode,
    address,
    meetingUrl: body.meetingUrl === undefined ? null : meetingUrl,
  });
  if (issues.length) throw badRequest(fieldErrorsOf(issues));
  const names = await resolveNames(ctx.db, body);
  const timesChanged = TIME_FIELDS.some((f) => body[f] !== undefined);
  await ctx.db.transaction().execute(async (trx) => {
    // The event's row is locked so that places taken and the new capacity are compared with nothing in between.
    await trx.selectFrom('events').select('id').where('id', '=', row.id).forUpdate().execute();
    if (body.capacity !== undefined && body.capacity !== null) {
      const taken = await mostTaken(trx, row.id, ctx.now);
      if (taken > body.capacity) throw conflict('events-capacity-below-taken', 'capacity', [taken]);
    }
    const reg = body.registration;
    await trx
      .updateTable('events')
      .set((eb) => ({
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...markdownColumns({ description: body.description }),
        start_local: def.start_local,
        end_local: def.end_local,
        timezone: def.timezone,
        rrule: def.rrule,
        slots: JSON.stringify(def.slots),
        mode,
        address: mode === 'online' ? null : address,
        meeting_url: mode === 'in_person' ? null : meetingUrl,
        ...(body.chatUrl !== undefined ? { chat_url: body.chatUrl } : {}),
        ...(body.languages !== undefined ? { languages: body.languages } : {}),
        ...(body.interpretation !== undefined ? { interpretation: body.interpretation } : {}),
        ...(body.capacity !== undefined ? { capacity: body.capacity } : {}),
        ...(reg?.open !== undefined ? { registration_open: reg.open } : {}),
        ...(reg?.closesAt !== undefined
          ? { registration_closes_at: reg.closesAt === null ? null : new Date(reg.closesAt) }
          : {}),
        ...(reg?.questions !== undefined ? { questions: reg.questions } : {}),
        ...(body.agenda !== undefined ? { agenda: JSON.stringify(body.agenda) } : {}),
        ...(names.course !== undefined ? { course_id: names.course } : {}),
        ...(body.announce !== undefined ? { announce: body.announce } : {}),
        revision: eb('revision', '+', 1),
        updated_at: ctx.now,
      }))
      .where('id', '=', row.id)
      .execute();
    if (names.people || names.communities) {
      const current = await trx
        .selectFrom('event_organizers')
        .select(['user_id', 'community_id'])
        .where('event_id', '=', row.id)
        .execute();
      const people = names.people ?? current.flatMap((o) => (o.user_id === null ? [] : [o.user_id]));
      const groups = names.communities ?? current.flatMap((o) => (o.community_id === null ? [] : [o.community_id]));
      // The creator stays an organizer.
      await writeOrganizers(trx, row.id, row.created_by === null ? people : [row.created_by, ...people], groups);
    }
    if (names.speakers) await writeSpeakers(trx, row.id, names.speakers);
    if (timesChanged) await rematerialize(trx, row, def, ctx.now);
    // Registrants hear of new times; a larger capacity gives places to the first waiting.
    const ref = { id: row.id, title: body.title ?? row.title };
    if (timesChanged)
      await tellEventChanged(trx, { event: ref, actorId: ctx.actor?.id ?? null, at: ctx.now, type: 'event.changed' });
    if (body.capacity !== undefined) await fillFreedPlacesOfEvent(trx, { ...ref, capacity: body.capacity }, ctx.now);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'event.edit',
      objectType: 'event',
      objectId: row.id,
      details: { fields: Object.keys(body) },
    });
  });
  return eventDetail(ctx, row.id, {});
}

export async function cancelEvent(ctx: Ctx, id: string, reason: string): Promise<EventDetail> {
  const row = await changeable(ctx, id, 'event.cancel');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('events')
      .set((eb) => ({
        cancelled_at: ctx.now,
        cancel_reason: reason,
        revision: eb('revision', '+', 1),
        updated_at: ctx.now,
      }))
      .where('id', '=', row.id)
      .where('cancelled_at', 'is', null)
      .execute();
    await tellEventChanged(trx, {
      event: { id: row.id, title: row.title },
      actorId: ctx.actor?.id ?? null,
      at: ctx.now,
      type: 'event.cancelled',
    });
    await audit(trx, {
      ...actorOf(ctx),
      action: 'event.cancel',
      objectType: 'event',
      objectId: row.id,
      details: { reason },
    });
  });
  return eventDetail(ctx, row.id, {});
}

/** Moves or cancels one occurrence (one slot of it), named by its original local start. */
export async function patchOccurrence(
  ctx: Ctx,
  id: string,
  occurrence: string,
  slot: number,
  body: OccurrenceBody,
): Promise<EventDetail> {
  const e = await changeable(ctx, id, 'event.occurrence');
  const row = await ctx.db
    .selectFrom('event_occurrences')
    .selectAll()
    .where('event_id', '=', e.id)
    .where('occurrence', '=', occurrence)
    .where('slot', '=', slot)
    .executeTakeFirst();
  if (!row) throw occurrenceNotFound();
  const zone = e.timezone;
  let times: { starts_at: Date; ends_at: Date; moved: true } | null = null;
  if (body.start !== undefined || body.end !== undefined) {
    const oldStart = instantToLocal(row.starts_at, zone);
    const oldEnd = instantToLocal(row.ends_at, zone);
    const start = body.start ?? oldStart;
    // A new start alone keeps the occurrence's length.
    const end = body.end ?? addLocalMinutes(start, localMinutesBetween(oldStart, oldEnd));
    if (localMinutesBetween(start, end) <= 0) throw badRequest([{ field: 'end', message: 'events-end-before-start' }]);
    times = { starts_at: zonedToInstant(start, zone), ends_at: zonedToInstant(end, zone), moved: true };
  }
  const changes = {
    ...(times ?? {}),
    ...(body.cancelled !== undefined
      ? { cancelled: body.cancelled, cancel_reason: body.cancelled ? (body.reason ?? null) : null }
      : body.reason !== undefined
        ? { cancel_reason: body.reason }
        : {}),
  };
  // An empty body changes nothing: the event as it is.
  if (Object.keys(changes).length === 0) return eventDetail(ctx, e.id, { occurrence, slot });
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('event_occurrences').set(changes).where('id', '=', row.id).execute();
    await trx
      .updateTable('events')
      .set((eb) => ({ revision: eb('revision', '+', 1), updated_at: ctx.now }))
      .where('id', '=', e.id)
      .execute();
    // Its registrations are kept; their people are told.
    if (times || body.cancelled !== undefined)
      await tellOccurrenceChanged(trx, { event: e, occurrence, slot, actorId: ctx.actor?.id ?? null, at: ctx.now });
    await audit(trx, {
      ...actorOf(ctx),
      action: 'event.occurrence',
      objectType: 'event',
      objectId: e.id,
      details: { occurrence, slot, ...body },
    });
  });
  return eventDetail(ctx, e.id, { occurrence, slot });
}
