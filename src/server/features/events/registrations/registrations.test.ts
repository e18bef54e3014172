import { beforeAll, describe, expect, it } from 'vitest';
import { TestClient, type Answer } from '../../../testing/client';
import { testApp } from '../../../testing/harness';
import { admin, auditCount, group, makeEvent, registrationsUrl, someone, told } from './testing';
import { extendSeriesRegistrations } from './series';

const DAY = 86400_000;

// Migrating the worker's database takes a while on a busy machine.
beforeAll(() => testApp(), 120_000);

describe('registering for an occurrence', () => {
  it('registers, then puts people on the waiting list beyond the places; leaving promotes exactly the first waiting', async () => {
    const app = await testApp();
    const org = await someone(app);
    const ev = await makeEvent(app, { createdBy: org.userId, capacity: 2 });
    const people = [];
    for (let i = 0; i < 5; i++) people.push(await someone(app));
    const answers: Answer[] = [];
    for (const p of people) answers.push(await p.post(registrationsUrl(ev), {}));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(answers.map((a) => a.body.status)).toEqual(['registered', 'registered', 'waiting', 'waiting', 'waiting']);
    expect(answers[0]!.body).toMatchObject({ id: expect.stringMatching(/^\d+$/), series: null });
    expect(await auditCount(app, 'event.register', people[0]!.userId)).toBe(1);
    // Twice is a conflict.
    expect((await people[0]!.post(registrationsUrl(ev), {})).status).toBe(409);
    // The second registered leaves: the first waiting (the third) moves up, and only them; they are told.
    const del = await people[1]!.delete(`${registrationsUrl(ev)}/${answers[1]!.body.id}`);
    expect(del.status).toBe(204);
    const status = async (n: number) =>
      (
        await app.db
          .selectFrom('event_registrations')
          .select('status')
          .where('id', '=', Number(answers[n]!.body.id))
          .executeTakeFirst()
      )?.status;
    expect([await status(0), await status(1), await status(2), await status(3), await status(4)]).toEqual([
      'registered',
      undefined,
      'registered',
      'waiting',
      'waiting',
    ]);
    expect(await told(app, people[2]!.userId, 'event_place')).toHaveLength(1);
    expect(await told(app, people[3]!.userId, 'event_place')).toHaveLength(0);
    // A waiting person leaving frees no place.
    expect((await people[4]!.delete(`${registrationsUrl(ev)}/${answers[4]!.body.id}`)).status).toBe(204);
    expect(await status(3)).toBe('waiting');
    expect(await auditCount(app, 'event.registration.cancel', people[1]!.userId)).toBe(1);
  });

  it('lets organizers cancel anyone’s registration, and refuses others (403), strangers’ ids (404) and anonymous people (401)', async () => {
    const app = await testApp();
    const org = await someone(app);
    const coordinator = await someone(app);
    const g = await group(app, { coordinators: [coordinator.userId] });
    const ev = await makeEvent(app, { createdBy: org.userId, capacity: 1, communities: [g.id] });
    const a = await someone(app);
    const b = await someone(app);
    const c = await someone(app);
    const ra = (await a.post(registrationsUrl(ev), {})).body;
    const rb = (await b.post(registrationsUrl(ev), {})).body;
    expect(rb.status).toBe('waiting');
    expect((await c.delete(`${registrationsUrl(ev)}/${ra.id}`)).status).toBe(403);
    expect((await b.delete(`${registrationsUrl(ev)}/${ra.id}`)).status).toBe(403);
    expect((await (await new TestClient(app).start()).delete(`${registrationsUrl(ev)}/${ra.id}`)).status).toBe(401);
    expect((await a.delete(`${registrationsUrl(ev)}/999999999`)).status).toBe(404);
    expect((await a.delete(`${registrationsUrl(ev)}/abc`)).status).toBe(404);
    const other = await makeEvent(app, { createdBy: org.userId });
    expect((await a.delete(`${registrationsUrl(other)}/${ra.id}`)).status).toBe(404);
    // A coordinator of an organizing group manages it.
    expect((await coordinator.delete(`${registrationsUrl(ev)}/${ra.id}`)).status).toBe(204);
    expect(await told(app, b.userId, 'event_place')).toHaveLength(1);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const app = await testApp();
    const org = await someone(app);
    const ev = await makeEvent(app, { createdBy: org.userId, questions: ['affiliation'] });
    const p = await someone(app);
    const cases: [Record<string, unknown>, string][] = [
      [{ occurrence: '2090-13-01' }, 'occurrence'],
      [{ occurrence: '2090-01-01T10:00' }, 'occurrence'],
      [{ slot: 1 }, 'slot'],
      [{ slot: -1 }, 'slot'],
      [{ series: true }, 'series'],
      [{ private: 'yes' }, 'private'],
      [{ answers: { confidence: 'confident' } }, 'answers.confidence'],
      [{ answers: { affiliation: 'a_club' } }, 'answers.affiliation'],
      [{ answers: { colour: 'red' } }, 'answers.colour'],
      [{ extra: 1 }, 'extra'],
      [{ series: true, occurrence: ev.occurrences[0]!.occurrence }, 'series'],
    ];
    for (const [body, field] of cases) {
      const res = await p.post(registrationsUrl(ev), body);
      expect(res.status, `${JSON.stringify(body)}: ${res.text}`).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(
        res.body.errors.map((e: { field: string }) => e.field),
        JSON.stringify(body),
      ).toContain(field);
    }
    const rows = await app.db
      .selectFrom('event_registrations')
      .select('id')
      .where('event_id', '=', Number(ev.id))
      .execute();
    expect(rows).toHaveLength(0);
    expect((await p.post('/api/v1/events/99999999/registrations', {})).status).toBe(404);
    expect((await (await new TestClient(app).start()).post(registrationsUrl(ev), {})).status).toBe(401);
  });

  it('refuses registrations when closed, past the closing time, started, or cancelled (409 with a clear problem)', async () => {
    const app = await testApp();
    const org = await someone(app);
    const p = await someone(app);
    const closed = await makeEvent(app, { createdBy: org.userId, registrationOpen: false });
    const res = await p.post(registrationsUrl(closed), {});
    expect(res.status).toBe(409);
    expect(res.body.detail).toBe('Registration for this event is closed.');
    const past = await makeEvent(app, { createdBy: org.userId, closesAt: new Date(Date.now() - 1000) });
    expect((await p.post(registrationsUrl(past), {})).body.detail).toMatch(/^Registration closed at \d{4}-/);
    const started = await makeEvent(app, { createdBy: org.userId, starts: [new Date(Date.now() - 60_000)] });
    const s = await p.post(registrationsUrl(started), { occurrence: started.occurrences[0]!.occurrence });
    expect(s.status).toBe(409);
    expect(s.body.errors[0].field).toBe('occurrence');
    expect((await p.post(registrationsUrl(started), {})).status).toBe(409);
    const cancelled = await makeEvent(app, { createdBy: org.userId });
    await app.db
      .updateTable('events')
      .set({ cancelled_at: new Date(), cancel_reason: 'x' })
      .where('id', '=', Number(cancelled.id))
      .execute();
    expect((await p.post(registrationsUrl(cancelled), {})).status).toBe(409);
    const occCancelled = await makeEvent(app, { createdBy: org.userId });
    await app.db
      .updateTable('event_occurrences')
      .set({ cancelled: true })
      .where('event_id', '=', Number(occCancelled.id))
      .execute();
    expect(
      (await p.post(registrationsUrl(occCancelled), { occurrence: occCancelled.occurrences[0]!.occurrence })).status,
    ).toBe(409);
    expect(
      await app.db.selectFrom('event_registrations').select('id').where('user_id', '=', p.userId).execute(),
    ).toHaveLength(0);
  });

  it('takes places per slot, and answers only totals to organizers', async () => {
    const app = await testApp();
    const org = await someone(app);
    const ev = await makeEvent(app, {
      createdBy: org.userId,
      capacity: 1,
      extraSlots: 1,
      questions: ['affiliation', 'confidence'],
    });
    const a = await someone(app);
    const b = await someone(app);
    const c = await someone(app);
    expect((await a.post(registrationsUrl(ev), { slot: 0, answers: { affiliation: 'affiliate' } })).body.status).toBe(
      'registered',
    );
    expect(
      (
        await b.post(registrationsUrl(ev), {
          slot: 1,
          private: true,
          answers: { affiliation: 'affiliate', confidence: 'confident' },
        })
      ).body.status,
    ).toBe('registered');
    expect((await c.post(registrationsUrl(ev), { slot: 1, answers: { affiliation: 'none' } })).body.status).toBe(
      'waiting',
    );
    const list = await org.get(registrationsUrl(ev));
    expect(list.status).toBe(200);
    expect(list.headers['cache-control']).toBe('private, no-store');
    expect(
      list.body.items.map((i: { person: { username: string }; slot: number; status: string; private: boolean }) => [
        i.person.username,
        i.slot,
        i.status,
        i.private,
      ]),
    ).toEqual([
      [a.username, 0, 'registered', false],
      [b.username, 1, 'registered', true],
      [c.username, 1, 'waiting', false],
    ]);
    expect(list.body.answerTotals).toEqual({ affiliation: { affiliate: 2, none: 1 }, confidence: { confident: 1 } });
    expect(JSON.stringify(list.body)).not.toContain('"answers"');
    // Strangers, registrants and anonymous people may not read them.
    expect((await a.get(registrationsUrl(ev))).status).toBe(403);
    expect((await new TestClient(app).get(registrationsUrl(ev))).status).toBe(401);
    // Admins may.
    expect((await (await admin(app)).get(registrationsUrl(ev))).status).toBe(200);
  });
});

describe('privacy of registrants', () => {
  it('shows a private registrant in the detail answer only to the person and the organizers; others read "and N more"', async () => {
    const app = await testApp();
    const org = await someone(app);
    const ev = await makeEvent(app, { createdBy: org.userId });
    const open = await someone(app);
    const hidden = await someone(app);
    const stranger = await someone(app);
    await open.post(registrationsUrl(ev), {});
    await hidden.post(registrationsUrl(ev), { private: true });
    const detail = async (c: TestClient) => {
      const res = await c.get(`/api/v1/events/${ev.id}`);
      expect(res.status, res.text).toBe(200);
      return res;
    };
    const names = (res: { body: { occurrence: { registrants: { username: string }[] } } }) =>
      res.body.occurrence.registrants.map((r) => r.username);
    for (const viewer of [stranger, open, new TestClient(app)]) {
      const res = await detail(viewer);
      expect(names(res)).toEqual([open.username]);
      expect(res.body.occurrence.moreRegistrants).toBe(1);
      expect(res.body.occurrence.places).toMatchObject({ taken: 2, waiting: 0 });
      expect(res.text).not.toContain(hidden.username);
      expect(res.text).not.toContain('meet.example.org');
    }
    const self = await detail(hidden);
    expect(names(self).sort()).toEqual([open.username, hidden.username].sort());
    expect(self.body.occurrence.mine).toMatchObject({ status: 'registered', private: true });
    const organizer = await detail(org);
    expect(organizer.body.occurrence.moreRegistrants).toBe(0);
    expect(organizer.text).not.toContain('meet.example.org');
    // Nor in the list of occurrences.
    const list = await stranger.get('/api/v1/events');
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(hidden.username);
  });
});

describe('series registrations', () => {
  it('registers for every future occurrence, each with its own place, and extends to occurrences made later', async () => {
    const app = await testApp();
    const org = await someone(app);
    const now = Date.now();
    const ev = await makeEvent(app, {
      createdBy: org.userId,
      capacity: 1,
      rrule: 'FREQ=WEEKLY;COUNT=5',
      starts: [new Date(now - 7 * DAY), new Date(now + 7 * DAY), new Date(now + 14 * DAY)],
    });
    const first = await someone(app);
    // The first taker of the second occurrence fills it.
    await first.post(registrationsUrl(ev), { occurrence: ev.occurrences[1]!.occurrence });
    const fan = await someone(app);
    const res = await fan.post(registrationsUrl(ev), { series: true, private: true });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ status: 'waiting', series: expect.stringMatching(/^\d+$/) });
    const rows = async () =>
      app.db
        .selectFrom('event_registrations as r')
        .innerJoin('event_occurrences as o', 'o.id', 'r.occurrence_id')
        .select(['o.occurrence', 'r.status', 'r.private'])
        .where('r.user_id', '=', fan.userId)
        .orderBy('o.starts_at')
        .execute();
    expect(await rows()).toEqual([
      { occurrence: ev.occurrences[1]!.occurrence, status: 'waiting', private: true },
      { occurrence: ev.occurrences[2]!.occurrence, status: 'registered', private: true },
    ]);
    expect((await fan.post(registrationsUrl(ev), { series: true })).status).toBe(409);
    // The daily extension adds an occurrence; the series gains a row for it.
    const later = new Date(now + 21 * DAY);
    await app.db
      .insertInto('event_occurrences')
      .values({
        event_id: Number(ev.id),
        occurrence: later.toISOString().slice(0, 16),
        slot: 0,
        starts_at: later,
        ends_at: new Date(later.getTime() + 3600_000),
      })
      .execute();
    expect(await extendSeriesRegistrations(app.db, Number(ev.id), new Date())).toBe(1);
    expect(await extendSeriesRegistrations(app.db, Number(ev.id), new Date())).toBe(0);
    expect(await rows()).toHaveLength(3);
    // Leaving the series (from any of its rows) takes every future row away.
    const mine = await app.db
      .selectFrom('event_registrations')
      .select('id')
      .where('user_id', '=', fan.userId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect((await fan.delete(`${registrationsUrl(ev)}/${mine.id}?series=true`)).status).toBe(204);
    expect(await rows()).toEqual([]);
    expect(
      await app.db.selectFrom('event_series_registrations').select('id').where('user_id', '=', fan.userId).execute(),
    ).toEqual([]);
  });
});
