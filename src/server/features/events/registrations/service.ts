// Registering for events: one occurrence (of a slot), or a whole series; places per occurrence row with a
// waiting list; leaving frees a place for the first waiting, who is told. Organizers read the registrants and
// the answers' totals, never the raw answers.
import type { Ctx } from '../../../http/context';
import { actorOf, audit } from '../../../http/audit';
import { ensure, requireUser } from '../../../http/access';
import { badRequest, conflict, notFound, type FieldError } from '../../../http/errors';
import { EVENT_QUESTIONS, type RegistrationStatus } from '../../../../contracts/events';
import type { z } from 'zod';
import type { registrationsAnswer } from '../../../../contracts/events';
import { presentPersonRef } from '../../people';
import { parseId } from '../../conversations';
import { isoWithOffset } from '../time/zoned';
import { eventOf, managesEvent, type EventRow } from './event-access';
import { tellPlace } from './notify';
import {
  answerTotals,
  findOccurrence,
  findRegistration,
  futureOccurrences,
  lockOccurrence,
  nextOccurrence,
  promoteWaiting,
  registrantsOf,
  saveAnswers,
  takePlace,
  type OccurrenceRow,
} from './repo';
import type { RegistrationBody } from './schema';
import type { Db } from '../../../db/connection';

export interface Registered {
  id: string;
  status: RegistrationStatus;
  /** The series registration, when one was made. */
  series: string | null;
}

/** Answers only to the event's questions, with their allowed values; else 400 naming `answers.<question>`. */
function checkAnswers(event: EventRow, answers: Record<string, string>): void {
  const errors: FieldError[] = [];
  for (const [question, answer] of Object.entries(answers)) {
    const allowed = (EVENT_QUESTIONS as Record<string, readonly string[]>)[question];
    if (!allowed || !event.questions.includes(question))
      errors.push({ field: `answers.${question}`, message: 'events-question-unknown' });
    else if (!allowed.includes(answer)) errors.push({ field: `answers.${question}`, message: 'events-answer-unknown' });
  }
  if (errors.length) throw badRequest(errors);
}

/** Refuses a registration the event does not take (now): cancelled, closed, or past its closing time. */
function checkOpen(event: EventRow, now: Date): void {
  if (event.cancelled_at) throw conflict('events-registration-event-cancelled');
  if (!event.registration_open) throw conflict('events-registration-closed');
  if (event.registration_closes_at && event.registration_closes_at.getTime() <= now.getTime())
    throw conflict('events-registration-closed-at', undefined, [
      isoWithOffset(event.registration_closes_at, event.timezone),
    ]);
}

function checkOccurrence(o: OccurrenceRow | undefined, now: Date): OccurrenceRow {
  if (!o) throw badRequest([{ field: 'occurrence', message: 'events-occurrence-unknown' }]);
  if (o.cancelled) throw conflict('events-occurrence-cancelled', 'occurrence');
  if (o.starts_at.getTime() <= now.getTime()) throw conflict('events-registration-started', 'occurrence');
  return o;
}

/** Registers the signed-in person for an occurrence (the next one by default) or for the whole series. */
export async function register(ctx: Ctx, idText: string, body: RegistrationBody): Promise<Registered> {
  const user = requireUser(ctx);
  const event = await eventOf(ctx.db, idText);
  checkOpen(event, ctx.now);
  const slot = body.slot ?? 0;
  if (slot > event.slots.length) throw badRequest([{ field: 'slot', message: 'events-slot-unknown' }]);
  const answers = body.answers ?? {};
  checkAnswers(event, answers);
  if (body.series && !event.rrule) throw badRequest([{ field: 'series', message: 'events-series-not-recurring' }]);
  const isPrivate = body.private ?? false;
  const out = await ctx.db.transaction().execute(async (trx) => {
    let seriesId: number | null = null;
    let targets: OccurrenceRow[];
    if (body.series) {
      targets = await futureOccurrences(trx, event.id, slot, ctx.now);
      if (targets.length === 0) throw conflict('events-no-occurrence');
      const row = await trx
        .insertInto('event_series_registrations')
        .values({ event_id: event.id, user_id: user.id, slot, private: isPrivate, created_at: ctx.now })
        .onConflict((oc) => oc.columns(['event_id', 'user_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) throw conflict('events-already-registered');
      seriesId = row.id;
    } else {
      const o =
        body.occurrence === undefined
          ? await nextOccurrence(trx, event.id, slot, ctx.now)
          : await findOccurrence(trx, event.id, body.occurrence, slot);
      if (!o && body.occurrence === undefined) throw conflict('events-no-occurrence');
      targets = [checkOccurrence(o, ctx.now)];
    }
    let first: { id: number; status: RegistrationStatus } | null = null;
    // Occurrences are locked soonest first, the same order every series registration takes.
    for (const o of targets) {
      await lockOccurrence(trx, o.id);
      const taken = await takePlace(trx, {
        occurrenceId: o.id,
        eventId: event.id,
        userId: user.id,
        capacity: event.capacity,
        private: isPrivate,
        seriesId,
        at: ctx.now,
      });
      if (!taken && seriesId === null) throw conflict('events-already-registered');
      first ??= taken;
    }
    if (!first) throw conflict('events-already-registered');
    await saveAnswers(trx, event.id, user.id, answers, ctx.now);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'event.register',
      objectType: 'event',
      objectId: event.id,
      details: { occurrences: targets.map((t) => t.occurrence), slot, status: first.status, series: seriesId },
    });
    return { id: String(first.id), status: first.status, series: seriesId === null ? null : String(seriesId) };
  });
  return out;
}

/** Takes a registration off a locked occurrence and gives a freed place to the first waiting; answers who moved. */
async function leave(db: Db, event: EventRow, registrationId: number, occurrenceId: number): Promise<number[]> {
  await lockOccurrence(db, occurrenceId);
  const gone = await db
    .deleteFrom('event_registrations')
    .where('id', '=', registrationId)
    .returning('status')
    .executeTakeFirst();
  if (!gone) return [];
  if (gone.status !== 'registered') return [];
  return (await promoteWaiting(db, occurrenceId, event.capacity)).map((p) => p.user_id);
}

/** Cancels a registration (the person, or the organizers); with `series`, the person's whole series too. */
export async function cancelRegistration(
  ctx: Ctx,
  idText: string,
  registrationText: string,
  series: boolean,
): Promise<void> {
  const user = requireUser(ctx);
  const event = await eventOf(ctx.db, idText);
  const regId = parseId(registrationText);
  const reg = regId === null ? undefined : await findRegistration(ctx.db, regId);
  if (!reg || reg.event_id !== event.id) throw notFound();
  const own = reg.user_id === user.id;
  await ensure(ctx, own || (await managesEvent(ctx.db, user, event, ctx.now)), 'event.registration.cancel', {
    type: 'event_registration',
    id: reg.id,
  });
  await ctx.db.transaction().execute(async (trx) => {
    const promoted: number[] = [];
    let left = 0;
    const occ = await trx
      .selectFrom('event_occurrences')
      .select(['id', 'starts_at'])
      .where('id', '=', reg.occurrence_id)
      .executeTakeFirstOrThrow();
    if (occ.starts_at.getTime() <= ctx.now.getTime()) throw conflict('events-registration-past');
    const moved = await leave(trx, event, reg.id, reg.occurrence_id);
    promoted.push(...moved);
    left++;
    if (series && reg.series_id !== null) {
      const rest = await trx
        .selectFrom('event_registrations as r')
        .innerJoin('event_occurrences as o', 'o.id', 'r.occurrence_id')
        .select(['r.id', 'r.occurrence_id'])
        .where('r.series_id', '=', reg.series_id)
        .where('o.starts_at', '>', ctx.now)
        .orderBy('o.starts_at')
        .execute();
      for (const r of rest) {
        promoted.push(...(await leave(trx, event, r.id, r.occurrence_id)));
        left++;
      }
      // Past occurrences keep their registrations (attendance refers to them) without the series.
      await trx
        .updateTable('event_registrations')
        .set({ series_id: null })
        .where('series_id', '=', reg.series_id)
        .execute();
      await trx.deleteFrom('event_series_registrations').where('id', '=', reg.series_id).execute();
    }
    await tellPlace(trx, event, [...new Set(promoted)], ctx.now);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'event.registration.cancel',
      objectType: 'event',
      objectId: event.id,
      details: { registration: reg.id, user: reg.user_id, left, promoted: promoted.length, series },
    });
  });
}

/**
 * Gives the free places of an occurrence to the waiting, in order, and tells them (the core calls it when an
 * event's capacity grows). Call inside a transaction.
 */
export async function fillFreedPlaces(
  db: Db,
  event: { id: number; title: string; capacity: number | null },
  occurrenceId: number,
  at: Date,
): Promise<number> {
  await lockOccurrence(db, occurrenceId);
  const moved = await promoteWaiting(db, occurrenceId, event.capacity);
  await tellPlace(
    db,
    event,
    moved.map((m) => m.user_id),
    at,
  );
  return moved.length;
}

type RegistrationsAnswer = z.infer<typeof registrationsAnswer>;

/** An occurrence's registrants (the next one by default) and the answers' totals: organizers and admins only. */
export async function listRegistrations(ctx: Ctx, idText: string, occurrence?: string): Promise<RegistrationsAnswer> {
  const user = requireUser(ctx);
  const event = await eventOf(ctx.db, idText);
  await ensure(ctx, await managesEvent(ctx.db, user, event, ctx.now), 'event.registrations.read', {
    type: 'event',
    id: event.id,
  });
  let which = occurrence;
  if (which === undefined) {
    const next = await ctx.db
      .selectFrom('event_occurrences')
      .select('occurrence')
      .where('event_id', '=', event.id)
      .where('ends_at', '>', ctx.now)
      .orderBy('starts_at')
      .limit(1)
      .executeTakeFirst();
    which = next?.occurrence;
  }
  const rows = which === undefined ? [] : await registrantsOf(ctx.db, event.id, which);
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      person: presentPersonRef(r),
      status: r.status,
      private: r.private,
      slot: r.slot,
      occurrence: r.occurrence,
      at: isoWithOffset(r.created_at, event.timezone),
    })),
    answerTotals: await answerTotals(ctx.db, event.id),
  };
}
