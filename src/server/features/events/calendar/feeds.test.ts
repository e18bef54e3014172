// The feeds read by a real iCalendar library: ical.js 2 parses each one and expands its RRULE, EXDATE,
// RECURRENCE-ID and VTIMEZONE, and what it finds is exactly the platform's stored occurrences (a monthly 2TU
// 18:00 Berlin series across both daylight-saving changes; a weekly one with a moved and a cancelled meeting).
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../../../testing/harness';
import { TestClient, signedUp } from '../../../testing/client';
import { escapeText, foldLine } from './ics';
import { cancelOccurrence, insertEvent, makeCommunity, moveOccurrence, register } from './testing';

let app: FastifyInstance;
const anon = () => new TestClient(app);

beforeAll(async () => {
  app = await testApp();
});

/** Every start and end ical.js finds in a calendar, as ISO instants, up to `until`. */
function expand(text: string, until: string): { start: string; end: string; uid: string }[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const vevents = cal.getAllSubcomponents('vevent');
  const masters = vevents.filter((v) => !v.hasProperty('recurrence-id'));
  const out: { start: string; end: string; uid: string }[] = [];
  const limit = ICAL.Time.fromJSDate(new Date(until), true);
  for (const m of masters) {
    const event = new ICAL.Event(m);
    for (const ex of vevents.filter(
      (v) => v.hasProperty('recurrence-id') && v.getFirstPropertyValue('uid') === event.uid,
    ))
      event.relateException(ex);
    if (m.getFirstPropertyValue('status') === 'CANCELLED') continue;
    const it = event.iterator();
    for (let next = it.next(); next && next.compare(limit) < 0; next = it.next()) {
      const d = event.getOccurrenceDetails(next);
      out.push({
        start: d.startDate.toJSDate().toISOString(),
        end: d.endDate.toJSDate().toISOString(),
        uid: event.uid,
      });
      if (!event.isRecurring()) break;
    }
  }
  return out.sort((a, b) => a.start.localeCompare(b.start));
}

async function stored(eventId: number) {
  const rows = await app.db
    .selectFrom('event_occurrences')
    .select(['starts_at', 'ends_at', 'slot'])
    .where('event_id', '=', eventId)
    .where('cancelled', '=', false)
    .orderBy('starts_at')
    .execute();
  return rows.map((r) => ({ start: r.starts_at.toISOString(), end: r.ends_at.toISOString() }));
}

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('iCalendar text', () => {
  it('escapes commas, semicolons, backslashes and newlines', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
  });

  it('folds lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'اجتماع السفراء '.repeat(12)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(octets(p)).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
  });
});

describe('an event’s calendar', () => {
  it('gives a monthly 2TU 18:00 Berlin series as stored, across daylight saving', async () => {
    const id = await insertEvent(app, {
      title: 'Ambassadors, monthly; second Tuesday',
      description: 'Agenda:\n1. News, plans\n2. Questions',
      timezone: 'Europe/Berlin',
      start: '2027-01-12T18:00',
      end: '2027-01-12T19:30',
      rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=12',
    });
    const res = await anon().get(`/events/${id}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(res.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of res.text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(res.text).toContain('SUMMARY:Ambassadors\\, monthly\\; second Tuesday');
    expect(res.text).toContain('DTSTART;TZID=Europe/Berlin:20270112T180000');
    expect(res.text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin');
    const found = expand(res.text, '2028-06-01T00:00:00Z');
    const rows = await stored(id);
    expect(rows).toHaveLength(12);
    expect(found.map(({ start, end }) => ({ start, end }))).toEqual(rows);
    // 18:00 in Berlin in winter (UTC+1) and in summer (UTC+2).
    expect(found[0]?.start).toBe('2027-01-12T17:00:00.000Z');
    expect(found[5]?.start).toBe('2027-06-08T16:00:00.000Z');
    expect(found[10]?.start).toBe('2027-11-09T17:00:00.000Z');
  });

  it('gives a weekly series with one meeting moved and one cancelled', async () => {
    const id = await insertEvent(app, {
      timezone: 'America/New_York',
      start: '2027-03-02T09:00',
      end: '2027-03-02T10:00',
      rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270427',
      address: 'Room 4, Main St. 1; New York',
    });
    await moveOccurrence(app, id, '2027-03-16T09:00', '2027-03-17T14:30', '2027-03-17T15:30', 'America/New_York');
    await cancelOccurrence(app, id, '2027-04-06T09:00');
    const res = await anon().get(`/events/${id}.ics`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('EXDATE;TZID=America/New_York:20270406T090000');
    expect(res.text).toContain('RECURRENCE-ID;TZID=America/New_York:20270316T090000');
    expect(res.text).toContain('LOCATION:Room 4\\, Main St. 1\\; New York');
    // A date UNTIL is written as the instant it stands for (the end of that day there).
    expect(res.text).toContain('UNTIL=20270428T035900Z');
    const found = expand(res.text, '2028-01-01T00:00:00Z');
    const rows = await stored(id);
    expect(rows).toHaveLength(8);
    expect(found.map(({ start, end }) => ({ start, end }))).toEqual(rows);
    expect(found.map((f) => f.start)).toContain('2027-03-17T18:30:00.000Z');
  });

  it('gives paired slots as their own series, and a single event', async () => {
    const id = await insertEvent(app, {
      timezone: 'Europe/Berlin',
      start: '2027-03-09T08:00',
      end: '2027-03-09T09:00',
      slots: [{ start: '2027-03-09T20:00', end: '2027-03-09T21:00' }],
      rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=4',
    });
    await cancelOccurrence(app, id, '2027-05-11T08:00');
    const found = expand((await anon().get(`/events/${id}.ics`)).text, '2028-01-01T00:00:00Z');
    expect(found.map(({ start, end }) => ({ start, end }))).toEqual(await stored(id));
    expect(new Set(found.map((f) => f.uid)).size).toBe(2);
    const single = await insertEvent(app, {
      timezone: 'Asia/Kolkata',
      start: '2027-02-01T10:00',
      end: '2027-02-01T11:30',
    });
    const one = expand((await anon().get(`/events/${single}.ics`)).text, '2028-01-01T00:00:00Z');
    expect(one).toEqual([
      { start: '2027-02-01T04:30:00.000Z', end: '2027-02-01T06:00:00.000Z', uid: expect.any(String) },
    ]);
  });

  it('is a 404 for an event that does not exist', async () => {
    expect((await anon().get('/events/999999999.ics')).status).toBe(404);
    expect((await anon().get('/events/abc.ics')).status).toBe(404);
  });
});

describe('the feeds', () => {
  it('list upcoming events and a group’s, never people or meeting links', async () => {
    const group = await makeCommunity(app);
    const person = await signedUp(app);
    const mine = await insertEvent(app, {
      title: 'Group call',
      timezone: 'UTC',
      start: '2027-05-01T12:00',
      end: '2027-05-01T13:00',
      meetingUrl: 'https://meet.example.org/secret-room',
      communityId: group.id,
    });
    const other = await insertEvent(app, {
      title: 'Elsewhere',
      timezone: 'UTC',
      start: '2027-05-02T12:00',
      end: '2027-05-02T13:00',
    });
    await register(app, mine, person.userId, { occurrence: '2027-05-01T12:00', private: true });
    const all = await anon().get('/events/feed.ics');
    expect(all.status).toBe(200);
    expect(all.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(all.text).toContain(`UID:event-${mine}@`);
    expect(all.text).toContain(`UID:event-${other}@`);
    const groupFeed = await anon().get(`/communities/${group.slug}/events.ics`);
    expect(groupFeed.text).toContain(`UID:event-${mine}@`);
    expect(groupFeed.text).not.toContain(`UID:event-${other}@`);
    for (const text of [all.text, groupFeed.text, (await anon().get(`/events/${mine}.ics`)).text]) {
      expect(text).not.toContain('ATTENDEE');
      expect(text).not.toContain(person.username);
      expect(text).not.toContain('meet.example.org');
    }
    expect((await anon().get('/communities/no-such-group-here/events.ics')).status).toBe(404);
  });
});

describe('a private calendar address', () => {
  it('lists one’s registrations; a new address voids the old one', async () => {
    const person = await signedUp(app);
    const series = await insertEvent(app, {
      title: 'My series',
      timezone: 'Europe/Berlin',
      start: '2027-01-12T18:00',
      end: '2027-01-12T19:00',
      rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=3',
    });
    const once = await insertEvent(app, {
      title: 'One of a series',
      timezone: 'UTC',
      start: '2027-01-04T10:00',
      end: '2027-01-04T11:00',
      rrule: 'FREQ=WEEKLY;COUNT=5',
      meetingUrl: 'https://meet.example.org/private',
    });
    const notMine = await insertEvent(app, {
      title: 'Not mine',
      timezone: 'UTC',
      start: '2027-01-05T10:00',
      end: '2027-01-05T11:00',
    });
    await register(app, series, person.userId, { private: true });
    await register(app, once, person.userId, { occurrence: '2027-01-11T10:00' });
    const first = await person.post('/api/v1/me/calendar-token');
    expect(first.status).toBe(201);
    const url = new URL(first.body.url as string);
    expect(url.pathname).toMatch(/^\/calendar\/[A-Za-z0-9_-]{40,}\.ics$/);
    const token = url.pathname.slice('/calendar/'.length, -'.ics'.length);
    const stored = await app.db
      .selectFrom('calendar_tokens')
      .selectAll()
      .where('user_id', '=', person.userId)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).not.toContain(token);
    const feed = await anon().get(url.pathname);
    expect(feed.status).toBe(200);
    expect(feed.headers['cache-control']).toContain('private');
    expect(feed.text).toContain('SUMMARY:My series');
    expect(feed.text).toContain('SUMMARY:One of a series');
    expect(feed.text).not.toContain('Not mine');
    expect(feed.text).not.toContain('meet.example.org');
    const found = expand(feed.text, '2028-01-01T00:00:00Z');
    expect(found.map((f) => f.start)).toEqual([
      '2027-01-11T10:00:00.000Z',
      '2027-01-12T17:00:00.000Z',
      '2027-02-09T17:00:00.000Z',
      '2027-03-09T17:00:00.000Z',
    ]);
    expect(notMine).toBeGreaterThan(0);
    const second = await person.post('/api/v1/me/calendar-token');
    expect(second.body.url).not.toBe(first.body.url);
    expect((await anon().get(url.pathname)).status).toBe(404);
    expect((await anon().get(new URL(second.body.url as string).pathname)).status).toBe(200);
    expect((await anon().get('/calendar/not-a-real-token-at-all-0000.ics')).status).toBe(404);
  });

  it('is made only for a signed-in person', async () => {
    const visitor = await new TestClient(app).start();
    expect((await visitor.post('/api/v1/me/calendar-token')).status).toBe(401);
  });
});
