import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { EventDetail, EventList, EventListItem } from '../../../../contracts/events';
import { encodeCursor } from '../../../http/pagination';
import { TestClient, signedUp } from '../../../testing/client';
import { group } from '../../documents/amendments/testing';
import { eventsApp, makeEvent } from '../testing';

let app: FastifyInstance;
beforeAll(async () => {
  app = await eventsApp();
});

/** Every page of a list, following `next`. */
async function all(c: TestClient, query: string): Promise<EventListItem[]> {
  const items: EventListItem[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const res: { status: number; body: EventList; text: string } = await c.get<EventList>(
      `/api/v1/events?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.status, res.text).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.next;
    if (!cursor) break;
  }
  return items;
}

describe('the list of events', () => {
  it('pages through occurrences and slots by start with a cursor', async () => {
    const c = await signedUp(app);
    const e = await makeEvent(c, {
      title: 'Paged',
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=MO,TH' },
      start: '2027-06-07T10:00',
      end: '2027-06-07T11:00',
      slots: [{ start: '2027-06-07T22:00', end: '2027-06-07T23:00' }],
      languages: ['eo'],
    });
    const items = (await all(c, 'from=2027-06-07&to=2027-06-20&language=eo&limit=3')).filter((i) => i.eventId === e.id);
    expect(items.map((i) => `${i.occurrence}/${i.slot}`)).toEqual([
      '2027-06-07T10:00/0',
      '2027-06-07T10:00/1',
      '2027-06-10T10:00/0',
      '2027-06-10T10:00/1',
      '2027-06-14T10:00/0',
      '2027-06-14T10:00/1',
      '2027-06-17T10:00/0',
      '2027-06-17T10:00/1',
    ]);
    expect(items[1]).toMatchObject({
      start: '2027-06-07T22:00:00+02:00',
      end: '2027-06-07T23:00:00+02:00',
      timezone: 'Europe/Berlin',
      title: 'Paged',
      kind: 'training',
      mode: 'online',
      languages: ['eo'],
      cancelled: false,
    });
    const starts = items.map((i) => Date.parse(i.start));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('answers a malformed cursor, a bad date or a bad zone with a 400 naming it', async () => {
    const anon = await new TestClient(app).start();
    for (const [query, field] of [
      ['cursor=garbage', 'cursor'],
      ['cursor=' + encodeCursor(['not a time', 1]), 'cursor'],
      ['cursor=' + encodeCursor([1, 'x']), 'cursor'],
      ['cursor=' + encodeCursor(['2027-01-01T00:00:00.000Z']), 'cursor'],
      ['from=2027-02-30', 'from'],
      ['from=2027-03-10&to=2027-03-09', 'to'],
      ['timezone=Mars/Olympus', 'timezone'],
      ['kind=party', 'kind'],
      ['region=Atlantis', 'region'],
    ]) {
      const res = await anon.get(`/api/v1/events?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.errors[0].field, query).toBe(field);
    }
  });

  it('reads from today for 90 days by default', async () => {
    const c = await signedUp(app);
    const soon = await makeEvent(c, { title: 'Soon', start: '2027-01-20T10:00', end: '2027-01-20T11:00' });
    const late = await makeEvent(c, { title: 'Late', start: '2027-04-20T10:00', end: '2027-04-20T11:00' });
    const ids = (await all(c, 'limit=100')).map((i) => i.eventId);
    expect(ids).toContain(soon.id);
    expect(ids).not.toContain(late.id);
  });

  it('filters by kind, mode, language, group and region, and counts places', async () => {
    const c = await signedUp(app);
    const g = await group(app);
    const day = '2027-08-03';
    const base = { start: `${day}T10:00`, end: `${day}T11:00` };
    const byGroup = await makeEvent(g.coordinator, {
      ...base,
      kind: 'workshop',
      mode: 'hybrid',
      address: 'Rue 1',
      languages: ['fr'],
      organizers: { communities: [g.slug] },
      capacity: 2,
    });
    const other = await makeEvent(c, { ...base, kind: 'other', languages: ['de'] });
    // A person showing their region publicly on their profile puts their events in it.
    const shown = await signedUp(app);
    await app.db
      .updateTable('users')
      .set({ region: 'SA', public_fields: ['region'] })
      .where('id', '=', shown.userId)
      .execute();
    const bySA = await makeEvent(shown, { ...base, languages: ['hi'] });
    const hidden = await signedUp(app);
    await app.db
      .updateTable('users')
      .set({ region: 'SA', public_fields: [] })
      .where('id', '=', hidden.userId)
      .execute();
    const byHidden = await makeEvent(hidden, { ...base, languages: ['hi'] });

    const [occ] = await app.db
      .selectFrom('event_occurrences')
      .select('id')
      .where('event_id', '=', Number(byGroup.id))
      .execute();
    for (const [status, n] of [
      ['registered', 2],
      ['waiting', 1],
    ] as const)
      for (let i = 0; i < n; i++)
        await app.db
          .insertInto('event_registrations')
          .values({
            occurrence_id: occ!.id,
            event_id: Number(byGroup.id),
            user_id: (await signedUp(app)).userId,
            status,
            series_id: null,
            created_at: new Date(),
          })
          .execute();

    const ids = async (q: string) => (await all(c, `from=${day}&to=${day}&limit=100&${q}`)).map((i) => i.eventId);
    const mine = [byGroup.id, other.id, bySA.id, byHidden.id];
    const only = async (q: string) => (await ids(q)).filter((id) => mine.includes(id));
    expect(await only('kind=workshop')).toEqual([byGroup.id]);
    expect(await only('mode=hybrid')).toEqual([byGroup.id]);
    expect(await only('language=de')).toEqual([other.id]);
    expect(await only(`community=${g.slug}`)).toEqual([byGroup.id]);
    expect(await only('region=NWE')).toEqual([byGroup.id]);
    expect(await only('region=SA')).toEqual([bySA.id]);
    const item = (await all(c, `from=${day}&to=${day}&limit=100&community=${g.slug}`))[0];
    expect(item?.places).toEqual({ capacity: 2, taken: 2, waiting: 1 });
  });
});

describe('one event', () => {
  it('shows public registrants to everyone, private ones only to themselves and organizers', async () => {
    const org = await signedUp(app);
    const e = await makeEvent(org, {
      speakers: [{ name: 'Ada External', affiliation: 'Somewhere', link: 'https://example.org' }],
      agenda: [{ title: 'Welcome', minutes: 10 }],
      chatUrl: 'https://chat.example.org/room',
    });
    const [occ] = await app.db
      .selectFrom('event_occurrences')
      .select('id')
      .where('event_id', '=', Number(e.id))
      .execute();
    const pub = await signedUp(app);
    const priv = await signedUp(app);
    for (const [p, isPrivate] of [
      [pub, false],
      [priv, true],
    ] as const)
      await app.db
        .insertInto('event_registrations')
        .values({
          occurrence_id: occ!.id,
          event_id: Number(e.id),
          user_id: p.userId,
          status: 'registered',
          private: isPrivate,
          series_id: null,
          created_at: new Date(),
        })
        .execute();
    const seen = async (c: TestClient) => {
      const res = await c.get<EventDetail>(`/api/v1/events/${e.id}`);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain('meet.example.org');
      return res.body.occurrence!;
    };
    const anon = await new TestClient(app).start();
    expect(await seen(anon)).toMatchObject({
      registrants: [{ username: pub.username }],
      moreRegistrants: 1,
      mine: null,
    });
    expect(await seen(pub)).toMatchObject({ registrants: [{ username: pub.username }], moreRegistrants: 1 });
    const own = await seen(priv);
    expect(own.registrants.map((r) => r.username)).toEqual([pub.username, priv.username]);
    expect(own).toMatchObject({ moreRegistrants: 0, mine: { status: 'registered', private: true } });
    expect((await seen(org)).registrants.map((r) => r.username)).toEqual([pub.username, priv.username]);

    const d = (await anon.get<EventDetail>(`/api/v1/events/${e.id}`)).body;
    expect(d).toMatchObject({
      descriptionHtml: expect.stringContaining('<strong>good</strong>'),
      speakers: [{ person: null, name: 'Ada External', affiliation: 'Somewhere', link: 'https://example.org' }],
      agenda: [{ title: 'Welcome', minutes: 10 }],
      chatUrl: 'https://chat.example.org/room',
      hasMeetingLink: true,
      initiatives: [],
      createdBy: { username: org.username },
    });
  });

  it("keeps the anonymous visitors' answer only until someone registers or the event changes", async () => {
    const org = await signedUp(app);
    const e = await makeEvent(org);
    const anon = await new TestClient(app).start();
    const read = async () => (await anon.get<EventDetail>(`/api/v1/events/${e.id}`)).body;
    expect((await read()).occurrence).toMatchObject({ registrants: [], places: { taken: 0 } });
    const guest = await signedUp(app);
    expect((await guest.post(`/api/v1/events/${e.id}/registrations`, {})).status).toBe(201);
    expect((await read()).occurrence).toMatchObject({
      registrants: [{ username: guest.username }],
      places: { taken: 1 },
    });
    expect((await org.patch(`/api/v1/events/${e.id}`, { title: 'Renamed for everyone' })).status).toBe(200);
    expect((await read()).title).toBe('Renamed for everyone');
    // The guest's own answer still says it is theirs: it is never the one kept for anonymous visitors.
    const own = (await guest.get<EventDetail>(`/api/v1/events/${e.id}`)).body;
    expect(own.occurrence?.mine).toMatchObject({ status: 'registered' });
    expect((await read()).occurrence?.mine).toBeNull();
  });

  it('answers 404 for a missing event or occurrence', async () => {
    const c = await signedUp(app);
    const e = await makeEvent(c);
    expect((await c.get('/api/v1/events/999999999')).status).toBe(404);
    expect((await c.get('/api/v1/events/abc')).status).toBe(404);
    expect((await c.get(`/api/v1/events/${e.id}?occurrence=2027-03-10T18:00`)).status).toBe(404);
    expect((await c.get(`/api/v1/events/${e.id}?occurrence=nonsense`)).status).toBe(400);
  });
});
