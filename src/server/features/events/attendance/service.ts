// Afterwards: organizers record who was present (registrants or not) and the walk-ins, and publish notes, a
// recording and follow-up actions (their first publication tells the event's followers and registrants, in the
// daily digest by default). Attendance of ambassador meetings is read per ambassador (the person, their groups'
// coordinators and admins) and per group (public: a group is present when one of its ambassadors was).
import { markdownColumns } from '../../../markdown/stored';
import { transact } from '../../../db/transact';
import type { z } from 'zod';
import type { Ctx } from '../../../http/context';
import { actorOf, audit } from '../../../http/audit';
import { ensure, hasRole, requireUser } from '../../../http/access';
import { badRequest, conflict, notFound } from '../../../http/errors';
import type { attendanceAnswer } from '../../../../contracts/events';
import { usernameKey } from '../../../../contracts/usernames';
import { ambassadorTermsOfGroup, coordinatesGroupOf, termsOfPeople, todayUtc } from '../../communities';
import { notify } from '../../notifications';
import { isoWithOffset } from '../time/zoned';
import { eventOf, eventSubject, managesEvent } from '../registrations/event-access';
import { registrantIds } from '../registrations/notify';
import { findOccurrence } from '../registrations/repo';
import type { AttendanceBody, NotesBody } from '../registrations/schema';
import { pastMeetings, presentAt } from './repo';

type AttendanceAnswer = z.infer<typeof attendanceAnswer>;

async function managedOccurrence(ctx: Ctx, idText: string, occurrence: string, slot: number, action: string) {
  const user = requireUser(ctx);
  const event = await eventOf(ctx.db, idText);
  await ensure(ctx, await managesEvent(ctx.db, user, event, ctx.now), action, { type: 'event', id: event.id });
  const o = await findOccurrence(ctx.db, event.id, occurrence, slot);
  if (!o) throw notFound();
  return { event, o };
}

/** Replaces an occurrence's attendance: the people present (by username) and the walk-ins. */
export async function putAttendance(ctx: Ctx, idText: string, occurrence: string, body: AttendanceBody) {
  const { event, o } = await managedOccurrence(ctx, idText, occurrence, body.slot ?? 0, 'event.attendance');
  if (o.starts_at.getTime() > ctx.now.getTime()) throw conflict('events-attendance-too-early', 'occurrence');
  const keys = body.present.map(usernameKey);
  const people = keys.length
    ? await ctx.db.selectFrom('users').select(['id', 'username_key']).where('username_key', 'in', keys).execute()
    : [];
  const byKey = new Map(people.map((p) => [p.username_key, p.id]));
  const unknown = keys.flatMap((k, i) =>
    byKey.has(k) ? [] : [{ field: `present.${i}`, message: 'events-person-unknown' }],
  );
  if (unknown.length) throw badRequest(unknown);
  const ids = [...new Set(keys.map((k) => byKey.get(k)!))];
  await transact(ctx.db, async (trx) => {
    await trx.deleteFrom('event_attendance').where('occurrence_id', '=', o.id).execute();
    if (ids.length)
      await trx
        .insertInto('event_attendance')
        .values(ids.map((user_id) => ({ occurrence_id: o.id, user_id })))
        .execute();
    if (body.walkIns !== undefined)
      await trx.updateTable('event_occurrences').set({ walk_ins: body.walkIns }).where('id', '=', o.id).execute();
    await audit(trx, {
      ...actorOf(ctx),
      action: 'event.attendance',
      objectType: 'event',
      objectId: event.id,
      details: { occurrence, slot: o.slot, present: ids.length, walkIns: body.walkIns ?? null },
    });
  });
}

/** Saves an occurrence's notes, recording link and follow-up actions; the first publication is told. */
export async function putNotes(ctx: Ctx, idText: string, occurrence: string, body: NotesBody) {
  const { event, o } = await managedOccurrence(ctx, idText, occurrence, body.slot ?? 0, 'event.notes');
  await transact(ctx.db, async (trx) => {
    const before = await trx
      .selectFrom('event_occurrences')
      .select('notes')
      .where('id', '=', o.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('event_occurrences')
      .set({
        notes: body.notes === '' ? null : body.notes,
        ...(body.recordingUrl !== undefined ? { recording_url: body.recordingUrl } : {}),
        ...(body.followUp !== undefined ? { follow_up: body.followUp || null } : {}),
        ...markdownColumns({
          notes: body.notes === '' ? null : body.notes,
          follow_up: body.followUp === undefined ? undefined : body.followUp || null,
        }),
      })
      .where('id', '=', o.id)
      .execute();
    if (!before.notes && body.notes) {
      const subject = eventSubject(event);
      await notify(trx, {
        type: 'event.notes',
        actorId: ctx.actor?.id ?? null,
        at: ctx.now,
        subject,
        link: `${subject.link}?occurrence=${encodeURIComponent(occurrence)}`,
        people: { kind: 'event_notes', ids: await registrantIds(trx, event.id, occurrence) },
        followers: { kind: 'event_notes', of: [{ type: 'event', id: event.id }] },
      });
    }
    await audit(trx, {
      ...actorOf(ctx),
      action: 'event.notes',
      objectType: 'event',
      objectId: event.id,
      details: { occurrence, slot: o.slot, recording: !!body.recordingUrl },
    });
  });
}

const dayOf = (t: Date) => todayUtc(t);
const inTerm = (t: { start_date: string; end_date: string | null }, day: string) =>
  t.start_date <= day && (t.end_date === null || t.end_date >= day);

/** A person's ambassador meetings (those during their terms, and any they attended) and their presence. */
export async function personAttendance(ctx: Ctx, username: string): Promise<AttendanceAnswer> {
  const person = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('username_key', '=', usernameKey(username))
    .executeTakeFirst();
  if (!person) throw notFound();
  const viewer = ctx.actor;
  const allowed =
    !!viewer &&
    (viewer.id === person.id || hasRole(viewer, 'admin') || (await coordinatesGroupOf(ctx.db, viewer.id, person.id)));
  await ensure(ctx, allowed, 'event.attendance.person', { type: 'person', id: person.id });
  const terms = await termsOfPeople(ctx.db, [person.id]);
  const meetings = await pastMeetings(ctx.db, ctx.now);
  const present = await presentAt(ctx.db, [person.id], ctx.now);
  const items = meetings
    .map((m) => ({ m, present: present.some((p) => p.event_id === m.event_id && p.occurrence === m.occurrence) }))
    .filter(({ m, present }) => present || terms.some((t) => inTerm(t, dayOf(m.start))));
  return answer(items);
}

/** A group's ambassador meetings since its first ambassador term, present when one of its ambassadors was. */
export async function communityAttendance(ctx: Ctx, slug: string): Promise<AttendanceAnswer> {
  const terms = await ambassadorTermsOfGroup(ctx.db, slug);
  if (!terms) throw notFound();
  const meetings = await pastMeetings(ctx.db, ctx.now);
  const present = await presentAt(ctx.db, [...new Set(terms.map((t) => t.user_id))], ctx.now);
  const items = meetings
    .filter((m) => terms.some((t) => inTerm(t, dayOf(m.start))))
    .map((m) => {
      const day = dayOf(m.start);
      const there = present.some(
        (p) =>
          p.event_id === m.event_id &&
          p.occurrence === m.occurrence &&
          terms.some((t) => t.user_id === p.user_id && inTerm(t, day)),
      );
      return { m, present: there };
    });
  return answer(items);
}

function answer(items: { m: Awaited<ReturnType<typeof pastMeetings>>[number]; present: boolean }[]): AttendanceAnswer {
  return {
    meetings: items.length,
    attended: items.filter((i) => i.present).length,
    items: items.map(({ m, present }) => ({
      eventId: String(m.event_id),
      occurrence: m.occurrence,
      title: m.title,
      start: isoWithOffset(m.start, m.timezone),
      present,
    })),
  };
}
