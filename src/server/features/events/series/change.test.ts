import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { EventDetail } from '../../../../contracts/events';
import { TestClient, grantRole, signedUp } from '../../../testing/client';
import { group } from '../../documents/amendments/testing';
import { eventsApp, isMessage, makeEvent } from '../testing';

let app: FastifyInstance;
beforeAll(async () => {
  app = await eventsApp();
});

const monthly = { recurrence: { rrule: 'FREQ=MONTHLY;BYDAY=2TU' } };

const rowsOf = (eventId: string) =>
  app.db
    .selectFrom('event_occurrences')
    .select(['id', 'occurrence', 'slot', 'starts_at', 'ends_at', 'moved', 'cancelled', 'cancel_reason'])
    .where('event_id', '=', Number(eventId))
    .orderBy('starts_at')
    .orderBy('slot')
    .execute();

/** Registers someone directly (the registrations capability is another's). */
async function register(eventId: string, occurrenceId: number, userId: number, isPrivate = false) {
  await app.db
    .insertInto('event_registrations')
    .values({
      occurrence_id: occurrenceId,
      event_id: Number(eventId),
      user_id: userId,
      status: 'registered',
      private: isPrivate,
      series_id: null,
      created_at: new Date('2027-01-15T12:00:00Z'),
    })
    .execute();
}

const auditOf = async (eventId: string) =>
  (
    await app.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'event')
      .where('object_id', '=', eventId)
      .orderBy('id')
      .execute()
  ).map((a) => a.action);

describe('changing an event', () => {
  it('changes fields, audited, and bumps the revision', async () => {
    const c = await signedUp(app);
    const e = await makeEvent(c);
    const res = await c.patch<EventDetail>(`/api/v1/events/${e.id}`, { title: 'Renamed', capacity: 10 });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ title: 'Renamed', revision: 2, occurrence: { places: { capacity: 10 } } });
    expect(await auditOf(e.id)).toEqual(['event.create', 'event.edit']);
  });

  it('makes the occurrences to come again on a new rule, keeping rows (and registrations) whose occurrence stays', async () => {
    const c = await signedUp(app);
    const reg = await signedUp(app);
    // Every second Tuesday, then every Tuesday: the second Tuesdays stay.
    const e = await makeEvent(c, monthly);
    const before = await rowsOf(e.id);
    const april = before.find((r) => r.occurrence === '2027-04-13T18:00')!;
    await register(e.id, april.id, reg.userId);
    const res = await c.patch(`/api/v1/events/${e.id}`, { recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU' } });
    expect(res.status, res.text).toBe(200);
    const after = await rowsOf(e.id);
    expect(after.find((r) => r.occurrence === '2027-04-13T18:00')!.id).toBe(april.id);
    expect(after.filter((r) => r.occurrence.startsWith('2027-04')).map((r) => r.occurrence)).toEqual([
      '2027-04-06T18:00',
      '2027-04-13T18:00',
      '2027-04-20T18:00',
      '2027-04-27T18:00',
    ]);
    const regs = await app.db
      .selectFrom('event_registrations')
      .select('occurrence_id')
      .where('event_id', '=', Number(e.id))
      .execute();
    expect(regs).toEqual([{ occurrence_id: april.id }]);
    // A new end keeps every occurrence's row and moves its end.
    expect((await c.patch(`/api/v1/events/${e.id}`, { end: '2027-03-09T20:00' })).status).toBe(200);
    const longer = await rowsOf(e.id);
    const kept = longer.find((r) => r.id === april.id)!;
    expect(kept.ends_at.toISOString()).toBe('2027-04-13T18:00:00.000Z');
  });

  it('keeps a single event’s registrations when its time changes', async () => {
    const c = await signedUp(app);
    const reg = await signedUp(app);
    const e = await makeEvent(c);
    const [row] = await rowsOf(e.id);
    await register(e.id, row!.id, reg.userId);
    const res = await c.patch<EventDetail>(`/api/v1/events/${e.id}`, {
      start: '2027-03-10T09:00',
      end: '2027-03-10T10:00',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.occurrence).toMatchObject({ start: '2027-03-10T09:00:00+01:00', places: { taken: 1 } });
    const [moved] = await rowsOf(e.id);
    expect(moved!.id).toBe(row!.id);
  });

  it('refuses a capacity below the places taken in an occurrence to come (409), changing nothing', async () => {
    const c = await signedUp(app);
    const e = await makeEvent(c, { ...monthly, capacity: 5 });
    const [first] = await rowsOf(e.id);
    for (let i = 0; i < 3; i++) await register(e.id, first!.id, (await signedUp(app)).userId);
    const res = await c.patch(`/api/v1/events/${e.id}`, { capacity: 2, title: 'Smaller' });
    expect(res.status).toBe(409);
    expect(res.body.errors?.[0]?.field).toBe('capacity');
    const ev = await app.db
      .selectFrom('events')
      .select(['capacity', 'title'])
      .where('id', '=', Number(e.id))
      .executeTakeFirstOrThrow();
    expect(ev).toEqual({ capacity: 5, title: 'Facilitation basics' });
    expect((await c.patch(`/api/v1/events/${e.id}`, { capacity: 3 })).status).toBe(200);
  });

  it('checks the merged event: an address for in person, an end after the start, a rule of the subset', async () => {
    const c = await signedUp(app);
    const e = await makeEvent(c);
    const noAddress = await c.patch(`/api/v1/events/${e.id}`, { mode: 'in_person' });
    expect(noAddress.status).toBe(400);
    expect(noAddress.body.errors[0]).toMatchObject({ field: 'address' });
    expect(isMessage(noAddress.body.errors[0].message, 'events-address-required')).toBe(true);
    const early = await c.patch(`/api/v1/events/${e.id}`, { end: '2027-03-09T17:00' });
    expect(early.body.errors[0]).toMatchObject({ field: 'end' });
    const rule = await c.patch(`/api/v1/events/${e.id}`, { recurrence: { rrule: 'FREQ=YEARLY' } });
    expect(rule.body.errors[0]).toMatchObject({ field: 'recurrence.rrule' });
    expect((await c.patch(`/api/v1/events/${e.id}`, { mode: 'in_person', address: 'Rue 1, Paris' })).status).toBe(200);
  });

  it('is refused to strangers (403) and anonymous people (401); allowed to admins, co-organizers and group coordinators', async () => {
    const c = await signedUp(app);
    const co = await signedUp(app);
    const g = await group(app);
    const e = await makeEvent(c, { organizers: { people: [co.username], communities: [g.slug] } });
    const stranger = await signedUp(app);
    expect((await stranger.patch(`/api/v1/events/${e.id}`, { title: 'Mine now' })).status).toBe(403);
    expect((await stranger.post(`/api/v1/events/${e.id}/cancel`, { reason: 'no' })).status).toBe(403);
    expect(
      (
        await stranger.patch(`/api/v1/events/${e.id}/occurrences/${encodeURIComponent('2027-03-09T18:00')}`, {
          cancelled: true,
        })
      ).status,
    ).toBe(403);
    // A plain member of the organizing group does not manage it.
    expect((await g.member.patch(`/api/v1/events/${e.id}`, { title: 'Member' })).status).toBe(403);
    const anon = await new TestClient(app).start();
    expect((await anon.patch(`/api/v1/events/${e.id}`, { title: 'Anon' })).status).toBe(401);
    expect((await anon.post(`/api/v1/events/${e.id}/cancel`, { reason: 'no' })).status).toBe(401);
    expect((await co.patch(`/api/v1/events/${e.id}`, { title: 'By the co-organizer' })).status).toBe(200);
    expect((await g.coordinator.patch(`/api/v1/events/${e.id}`, { title: 'By the coordinator' })).status).toBe(200);
    const admin = await signedUp(app);
    await grantRole(app, admin.username, 'admin');
    expect((await admin.patch(`/api/v1/events/${e.id}`, { title: 'By an admin' })).status).toBe(200);
    const detail = await co.get<EventDetail>(`/api/v1/events/${e.id}`);
    expect(detail.body.organizers.people.map((p) => p.username)).toEqual([c.username, co.username]);
    expect(detail.body.organizers.communities.map((x) => x.slug)).toEqual([g.slug]);
    expect(detail.body.can.manage).toBe(true);
    expect((await stranger.get<EventDetail>(`/api/v1/events/${e.id}`)).body.can.manage).toBe(false);
    expect((await c.patch('/api/v1/events/999999999', { title: 'x' })).status).toBe(404);
  });
});

describe('cancelling', () => {
  it('keeps the event readable, shown cancelled with its reason, and refuses further changes', async () => {
    const c = await signedUp(app);
    const e = await makeEvent(c, monthly);
    const res = await c.post<EventDetail>(`/api/v1/events/${e.id}/cancel`, { reason: 'The speaker is ill' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.cancelled).toEqual({ at: '2027-01-15T13:00:00+01:00', reason: 'The speaker is ill' });
    expect(res.body.occurrence).toMatchObject({ cancelled: true, cancelReason: 'The speaker is ill' });
    expect(res.body.can.register).toBe(false);
    const anon = await new TestClient(app).start();
    expect((await anon.get(`/api/v1/events/${e.id}`)).status).toBe(200);
    const list = await anon.get(`/api/v1/events?from=2027-03-09&to=2027-03-09&limit=100`);
    expect(list.body.items.find((i: { eventId: string }) => i.eventId === e.id)).toMatchObject({ cancelled: true });
    expect((await c.patch(`/api/v1/events/${e.id}`, { title: 'Back' })).status).toBe(409);
    expect((await c.post(`/api/v1/events/${e.id}/cancel`, { reason: '' })).status).toBe(400);
    expect(await auditOf(e.id)).toEqual(['event.create', 'event.cancel']);
  });
});

describe('one occurrence', () => {
  it('moves, keeping its registrations, and survives a later change of the series', async () => {
    const c = await signedUp(app);
    const reg = await signedUp(app);
    const e = await makeEvent(c, monthly);
    const april = (await rowsOf(e.id)).find((r) => r.occurrence === '2027-04-13T18:00')!;
    await register(e.id, april.id, reg.userId);
    const url = `/api/v1/events/${e.id}/occurrences/${encodeURIComponent('2027-04-13T18:00')}`;
    const res = await c.patch<EventDetail>(url, { start: '2027-04-14T18:00' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.occurrence).toMatchObject({
      occurrence: '2027-04-13T18:00',
      start: '2027-04-14T18:00:00+02:00',
      end: '2027-04-14T19:30:00+02:00',
      moved: true,
      places: { taken: 1 },
    });
    const row = (await rowsOf(e.id)).find((r) => r.id === april.id)!;
    expect(row.starts_at.toISOString()).toBe('2027-04-14T16:00:00.000Z');
    // A new title leaves it; a new end for the series leaves the moved one where it was moved.
    expect((await c.patch(`/api/v1/events/${e.id}`, { end: '2027-03-09T20:00' })).status).toBe(200);
    const still = (await rowsOf(e.id)).find((r) => r.id === april.id)!;
    expect(still.starts_at.toISOString()).toBe('2027-04-14T16:00:00.000Z');
    expect(await auditOf(e.id)).toContain('event.occurrence');
  });

  it('is cancelled with a reason, one slot at a time, and named by its original start', async () => {
    const c = await signedUp(app);
    const e = await makeEvent(c, { ...monthly, slots: [{ start: '2027-03-10T07:00', end: '2027-03-10T08:00' }] });
    const url = `/api/v1/events/${e.id}/occurrences/${encodeURIComponent('2027-05-11T18:00')}`;
    const res = await c.patch<EventDetail>(`${url}?slot=1`, { cancelled: true, reason: 'Holiday' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.occurrence).toMatchObject({ slot: 1, cancelled: true, cancelReason: 'Holiday' });
    const may = (await rowsOf(e.id)).filter((r) => r.occurrence === '2027-05-11T18:00');
    expect(may.map((r) => [r.slot, r.cancelled])).toEqual([
      [0, false],
      [1, true],
    ]);
    expect((await c.patch(url, { cancelled: false })).body.occurrence).toMatchObject({ cancelled: false });
    expect(
      (
        await c.patch(`/api/v1/events/${e.id}/occurrences/${encodeURIComponent('2027-05-12T18:00')}`, {
          cancelled: true,
        })
      ).status,
    ).toBe(404);
    expect((await c.patch(url, { start: '2027-05-11T18:00', end: '2027-05-11T17:00' })).status).toBe(400);
    expect((await c.patch(url, { start: '2027-02-30T18:00' })).body.errors[0].field).toBe('start');
  });
});
