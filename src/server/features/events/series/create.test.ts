import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { EventDetail, EventList } from '../../../../contracts/events';
import { testApp } from '../../../testing/harness';
import { TestClient, signedUp } from '../../../testing/client';
import { makeEvent } from '../testing';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp({ clock: { now: () => new Date('2027-01-15T12:00:00Z') } });
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
