import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { EventDetail, EventList } from '../../../../contracts/events';
import { TestClient, grantRole, signedUp } from '../../../testing/client';
import { extendOccurrences } from '../index';
import { eventsApp, eventBody, isMessage, makeEvent } from '../testing';

let app: FastifyInstance;
beforeAll(async () => {
  app = await eventsApp();
});

const occurrencesOf = (eventId: string) =>
  app.db
    .selectFrom('event_occurrences')
    .select(['occurrence', 'slot', 'starts_at', 'ends_at'])
    .where('event_id', '=', Number(eventId))
    .orderBy('starts_at')
    .orderBy('slot')
    .execute();

describe('making an event', () => {
  it('makes a single event with one occurrence, the creator organizing, audited', async () => {
    const c = await signedUp(app);
    const e = await makeEvent(c);
    expect(e).toMatchObject({
      kind: 'training',
      title: 'Facilitation basics',
      timezone: 'Europe/Berlin',
      start: '2027-03-09T18:00:00+01:00',
      end: '2027-03-09T19:30:00+01:00',
      rrule: null,
      hasMeetingLink: true,
      organizers: { people: [{ username: c.username }], communities: [] },
      occurrence: { occurrence: '2027-03-09T18:00', slot: 0, start: '2027-03-09T18:00:00+01:00', cancelled: false },
      can: { manage: true, register: true },
    });
    expect(JSON.stringify(e)).not.toContain('meet.example.org');
    const rows = await occurrencesOf(e.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.starts_at.toISOString()).toBe('2027-03-09T17:00:00.000Z');
    const audit = await app.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'event')
      .where('object_id', '=', e.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['event.create']);
  });
});

describe('the list and the detail', () => {
  it('lists the occurrence and shows the detail to anonymous visitors', async () => {
    const c = await signedUp(app);
    const e = await makeEvent(c, { title: 'Listed once' });
    const anon = await new TestClient(app).start();
    const list = await anon.get<EventList>('/api/v1/events?from=2027-03-09&to=2027-03-09&kind=training');
    expect(list.status, list.text).toBe(200);
    const mine = list.body.items.filter((i) => i.eventId === e.id);
    expect(mine).toEqual([
      expect.objectContaining({ occurrence: '2027-03-09T18:00', places: { capacity: null, taken: 0, waiting: 0 } }),
    ]);
    const d = await anon.get<EventDetail>(`/api/v1/events/${e.id}`);
    expect(d.status).toBe(200);
    expect(d.body.can).toEqual({ manage: false, register: false });
    expect(d.text).not.toContain('meet.example.org');
  });
});

const monthly = { recurrence: { rrule: 'FREQ=MONTHLY;BYDAY=2TU' } };

describe('a recurring event', () => {
  it('keeps 18:00 in Berlin across daylight-saving changes, 400 days ahead', async () => {
    const c = await signedUp(app);
    const e = await makeEvent(c, monthly);
    expect(e.rrule).toBe('FREQ=MONTHLY;BYDAY=2TU');
    const rows = await occurrencesOf(e.id);
    // From 2027-01-15, 400 days reach 2028-02-19: March 2027 to February 2028.
    expect(rows.map((r) => r.occurrence)).toEqual([
      '2027-03-09T18:00',
      '2027-04-13T18:00',
      '2027-05-11T18:00',
      '2027-06-08T18:00',
      '2027-07-13T18:00',
      '2027-08-10T18:00',
      '2027-09-14T18:00',
      '2027-10-12T18:00',
      '2027-11-09T18:00',
      '2027-12-14T18:00',
      '2028-01-11T18:00',
      '2028-02-08T18:00',
    ]);
    expect(rows.map((r) => r.starts_at.toISOString().slice(11, 16))).toEqual([
      '17:00',
      '16:00',
      '16:00',
      '16:00',
      '16:00',
      '16:00',
      '16:00',
      '16:00',
      '17:00',
      '17:00',
      '17:00',
      '17:00',
    ]);
    const ev = await app.db
      .selectFrom('events')
      .select('expanded_until')
      .where('id', '=', Number(e.id))
      .executeTakeFirstOrThrow();
    expect(ev.expanded_until).toBe('2028-02-19');
  });

  it('falls on the right dates for viewers in Tongatapu and Honolulu', async () => {
    const c = await signedUp(app);
    const e = await makeEvent(c, { ...monthly, title: 'Far zones' });
    const onDay = async (zone: string, day: string) => {
      const res = await c.get<EventList>(
        `/api/v1/events?from=${day}&to=${day}&timezone=${encodeURIComponent(zone)}&limit=100`,
      );
      expect(res.status, res.text).toBe(200);
      return res.body.items.filter((i) => i.eventId === e.id).map((i) => i.occurrence);
    };
    // 18:00 in Berlin on 9 March is 06:00 on 10 March in Tonga (UTC+13) and 07:00 on 9 March in Honolulu (UTC-10).
    expect(await onDay('Pacific/Tongatapu', '2027-03-10')).toEqual(['2027-03-09T18:00']);
    expect(await onDay('Pacific/Tongatapu', '2027-03-09')).toEqual([]);
    expect(await onDay('Pacific/Honolulu', '2027-03-09')).toEqual(['2027-03-09T18:00']);
    expect(await onDay('Pacific/Honolulu', '2027-03-10')).toEqual([]);
    // In summer, 18:00 CEST is 04:00 the next day in Tonga.
    expect(await onDay('Pacific/Tongatapu', '2027-07-14')).toEqual(['2027-07-13T18:00']);
  });

  it('moves a start in the spring gap forward, as RFC 5545 says', async () => {
    const c = await signedUp(app);
    const e = await makeEvent(c, { start: '2027-03-28T02:30', end: '2027-03-28T03:30' });
    expect(e.start).toBe('2027-03-28T03:30:00+02:00');
    const [row] = await occurrencesOf(e.id);
    expect(row!.starts_at.toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(row!.occurrence).toBe('2027-03-28T02:30');
  });

  it('makes each occurrence at each paired slot', async () => {
    const c = await signedUp(app);
    const e = await makeEvent(c, {
      ...monthly,
      kind: 'community_call',
      slots: [{ start: '2027-03-10T07:00', end: '2027-03-10T08:00' }],
    });
    expect(e.slots).toEqual([{ start: '2027-03-10T07:00:00+01:00', end: '2027-03-10T08:00:00+01:00' }]);
    const rows = await occurrencesOf(e.id);
    expect(rows).toHaveLength(24);
    const april = rows.filter((r) => r.occurrence === '2027-04-13T18:00');
    expect(april.map((r) => [r.slot, r.starts_at.toISOString(), r.ends_at.toISOString()])).toEqual([
      [0, '2027-04-13T16:00:00.000Z', '2027-04-13T17:30:00.000Z'],
      [1, '2027-04-14T05:00:00.000Z', '2027-04-14T06:00:00.000Z'],
    ]);
    const d = await c.get<EventDetail>(`/api/v1/events/${e.id}?occurrence=2027-04-13T18:00&slot=1`);
    expect(d.body.occurrence).toMatchObject({ slot: 1, start: '2027-04-14T07:00:00+02:00' });
  });

  it('is extended day by day to 400 days ahead, leaving what exists alone', async () => {
    const c = await signedUp(app);
    const e = await makeEvent(c, { ...monthly, title: 'Extended' });
    const before = await occurrencesOf(e.id);
    await app.db
      .updateTable('event_occurrences')
      .set({ cancelled: true })
      .where('event_id', '=', Number(e.id))
      .where('occurrence', '=', '2028-02-08T18:00')
      .execute();
    await extendOccurrences(app.db, new Date('2027-03-20T02:10:00Z'));
    const after = await occurrencesOf(e.id);
    // 400 days after 20 March 2027 is 23 April 2028: March and April 2028 come.
    expect(after.slice(before.length).map((r) => r.occurrence)).toEqual(['2028-03-14T18:00', '2028-04-11T18:00']);
    expect(after.filter((r) => r.occurrence === '2028-02-08T18:00')).toHaveLength(1);
    const again = await extendOccurrences(app.db, new Date('2027-03-20T02:10:00Z'));
    expect(again).toBe(0);
  });
});

describe('bad input', () => {
  const cases: [string, Record<string, unknown>, string, string?][] = [
    ['an unknown zone', { timezone: 'Mars/Olympus' }, 'timezone', 'events-time-zone-unknown'],
    ['an end before the start', { end: '2027-03-09T17:00' }, 'end', 'events-end-before-start'],
    ['a date that does not exist', { start: '2027-02-30T18:00' }, 'start', 'events-local-time-invalid'],
    ['a time badly written', { start: '2027-03-09 18:00' }, 'start', 'events-local-time-format'],
    ['a rule outside the subset', { recurrence: { rrule: 'FREQ=DAILY' } }, 'recurrence.rrule', 'events-rule-invalid'],
    [
      'too many slots',
      { slots: Array.from({ length: 4 }, (_, i) => ({ start: `2027-03-1${i}T07:00`, end: `2027-03-1${i}T08:00` })) },
      'slots',
    ],
    [
      'a slot ending before it starts',
      { slots: [{ start: '2027-03-10T07:00', end: '2027-03-10T06:00' }] },
      'slots.0.end',
    ],
    ['in person without an address', { mode: 'in_person' }, 'address', 'events-address-required'],
    ['hybrid without an address', { mode: 'hybrid' }, 'address', 'events-address-required'],
    ['a meeting link that is not http(s)', { meetingUrl: 'javascript:alert(1)' }, 'meetingUrl', 'validation-url'],
    ['an unknown field', { colour: 'red' }, 'colour', 'validation-unknown-field'],
    ['an unknown kind', { kind: 'party' }, 'kind'],
    ['an unknown language', { languages: ['xx-nope'] }, 'languages.0'],
    [
      'an unknown organizer',
      { organizers: { people: ['nobody-here-at-all'] } },
      'organizers.people.0',
      'events-person-unknown',
    ],
    [
      'an unknown group',
      { organizers: { communities: ['no-such-group'] } },
      'organizers.communities.0',
      'events-community-unknown',
    ],
    ['an unknown course', { course: '999999999' }, 'course', 'events-course-unknown'],
    ['a speaker with no name', { speakers: [{ affiliation: 'WMF' }] }, 'speakers.0'],
    ['a zero capacity', { capacity: 0 }, 'capacity'],
  ];
  it.each(cases)('refuses %s, naming the field, and writes nothing', async (_what, over, field, message) => {
    const c = await signedUp(app);
    const title = `Bad ${Math.random()}`;
    const res = await c.post('/api/v1/events', eventBody({ ...over, title }));
    expect(res.status, res.text).toBe(400);
    const errors = res.body.errors as { field: string; message: string }[];
    const hit = errors.find((e) => e.field === field || e.field.startsWith(`${field}.`));
    expect(hit, JSON.stringify(errors)).toBeDefined();
    if (message) expect(isMessage(hit!.message, message), hit!.message).toBe(true);
    const written = await app.db.selectFrom('events').select('id').where('title', '=', title).execute();
    expect(written).toEqual([]);
  });

  it('names the reason a rule is refused', async () => {
    const c = await signedUp(app);
    const res = await c.post('/api/v1/events', eventBody({ recurrence: { rrule: 'FREQ=MONTHLY;BYMONTHDAY=3' } }));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('BYMONTHDAY is not supported');
  });
});

describe('who may make what', () => {
  it('refuses ambassador meetings to members who are not current ambassadors (403), and anonymous people (401)', async () => {
    const c = await signedUp(app);
    const res = await c.post('/api/v1/events', eventBody({ kind: 'ambassador_meeting' }));
    expect(res.status).toBe(403);
    const refused = await app.db
      .selectFrom('audit_log')
      .select('details')
      .where('actor_id', '=', c.userId)
      .where('action', '=', 'permission.refused')
      .execute();
    expect(JSON.stringify(refused)).toContain('event.create.ambassador_meeting');
    const anon = await new TestClient(app).start();
    expect((await anon.post('/api/v1/events', eventBody())).status).toBe(401);
  });

  it('lets admins and current ambassadors make them', async () => {
    const admin = await signedUp(app);
    await grantRole(app, admin.username, 'admin');
    expect((await admin.post('/api/v1/events', eventBody({ kind: 'ambassador_meeting' }))).status).toBe(201);

    const amb = await signedUp(app);
    const g = await amb.post('/api/v1/communities', {
      name: `Group ${Math.random()}`,
      kind: 'user_group',
      region: 'NWE',
    });
    expect(g.status, g.text).toBe(201);
    const communityId = Number(g.body.id);
    await app.db
      .insertInto('ambassador_terms')
      .values({
        community_id: communityId,
        user_id: amb.userId,
        start_date: '2026-01-01',
        end_date: null,
        designated_by: null,
        ended_by: null,
        ended_at: null,
      })
      .execute();
    expect((await amb.post('/api/v1/events', eventBody({ kind: 'ambassador_meeting' }))).status).toBe(201);
    // A term that ended no longer counts.
    await app.db
      .updateTable('ambassador_terms')
      .set({ end_date: '2026-12-31' })
      .where('user_id', '=', amb.userId)
      .execute();
    expect((await amb.post('/api/v1/events', eventBody({ kind: 'ambassador_meeting' }))).status).toBe(403);
  });
});
