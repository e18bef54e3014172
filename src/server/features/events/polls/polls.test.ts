// Find a time through the API: making a poll (and its bad input), the grid's zones (public, shared by answering,
// or hidden) with night marked, who may answer, and picking a slot.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { timePollDetail } from '../../../../contracts/time-polls';
import { testApp } from '../../../testing/harness';
import { TestClient, signedUp } from '../../../testing/client';
import { makeCommunity } from '../calendar/testing';

type Person = Awaited<ReturnType<typeof signedUp>>;
let app: FastifyInstance;
let organizer: Person;

beforeAll(async () => {
  app = await testApp();
  organizer = await signedUp(app);
});

const slots = [
  { start: '2027-03-09T18:00', end: '2027-03-09T19:00' },
  { start: '2027-03-10T09:00', end: '2027-03-10T10:00' },
];

async function withZone(p: Person, zone: string, isPublic: boolean) {
  const res = await p.patch('/api/v1/me/profile', {
    timeZone: zone,
    publicFields: isPublic ? ['display_name', 'time_zone'] : ['display_name'],
  });
  expect(res.status).toBe(200);
  return p;
}

async function addMember(communityId: number, userId: number) {
  await app.db.insertInto('community_members').values({ community_id: communityId, user_id: userId }).execute();
}

async function addAmbassador(communityId: number, userId: number, start: string, end: string | null = null) {
  await app.db
    .insertInto('ambassador_terms')
    .values({ community_id: communityId, user_id: userId, start_date: start, end_date: end })
    .execute();
}

const newPoll = (by: Person, invitees: object, extra: object = {}) =>
  by.post('/api/v1/time-polls', { title: 'Next call', timezone: 'Europe/Berlin', slots, invitees, ...extra });

describe('making a poll', () => {
  it('refuses bad input, naming the field, and writes nothing', async () => {
    const before = await app.db
      .selectFrom('time_polls')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const invitees = { people: [organizer.username] };
    const many = Array.from({ length: 21 }, (_, i) => ({
      start: `2027-04-${String(i + 1).padStart(2, '0')}T10:00`,
      end: `2027-04-${String(i + 1).padStart(2, '0')}T11:00`,
    }));
    const cases: [object, string][] = [
      [{ slots: many }, 'slots'],
      [{ slots: [{ start: '2027-03-09T18:00', end: '2027-03-09T17:00' }] }, 'slots.0.end'],
      [{ slots: [{ start: '2027-02-30T18:00', end: '2027-03-01T19:00' }] }, 'slots.0.start'],
      [{ slots: [] }, 'slots'],
      [{ timezone: 'Mars/Olympus_Mons' }, 'timezone'],
      [{ title: '' }, 'title'],
      [{ invitees: {} }, 'invitees'],
      [{ invitees: { people: ['nobody-by-this-name-at-all'] } }, 'invitees.people.0'],
      [{ invitees: { communities: ['no-such-group-anywhere'] } }, 'invitees.communities.0'],
      [{ colour: 'blue' }, 'colour'],
    ];
    for (const [extra, field] of cases) {
      const res = await newPoll(organizer, invitees, extra);
      expect(res.status, field).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(
        res.body.errors.map((e: { field: string }) => e.field),
        JSON.stringify(extra),
      ).toContain(field);
    }
    const after = await app.db
      .selectFrom('time_polls')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('is for signed-in people only', async () => {
    const visitor = await new TestClient(app).start();
    expect((await newPoll(visitor as Person, { ambassadors: true })).status).toBe(401);
  });
});

describe('a poll’s grid', () => {
  it('shows each slot in each invitee’s zone when public or shared, night marked', async () => {
    const tonga = await withZone(await signedUp(app), 'Pacific/Tongatapu', true);
    const honolulu = await withZone(await signedUp(app), 'Pacific/Honolulu', false);
    const hidden = await withZone(await signedUp(app), 'Asia/Kolkata', false);
    const group = await makeCommunity(app);
    await addMember(group.id, hidden.userId);
    const created = await newPoll(organizer, {
      people: [tonga.username, honolulu.username],
      communities: [group.slug],
    });
    expect(created.status).toBe(201);
    const poll = timePollDetail.parse(created.body);
    expect(poll.slots.map((s) => s.start)).toEqual(['2027-03-09T18:00:00+01:00', '2027-03-10T09:00:00+01:00']);
    const row = (p: Person, d = poll) => d.invitees.find((i) => i.person.username === p.username);
    expect(row(tonga)?.timezone).toBe('Pacific/Tongatapu');
    expect(row(tonga)?.local).toEqual([
      { slot: 0, start: '2027-03-10T06:00:00+13:00', night: true },
      { slot: 1, start: '2027-03-10T21:00:00+13:00', night: false },
    ]);
    expect(row(honolulu)).toMatchObject({ timezone: null, local: null });
    expect(row(hidden)).toMatchObject({ timezone: null, local: null });
    expect(poll.can).toEqual({ answer: false, pick: true });

    // Answering and sharing one's zone shows it; the answers count per slot.
    const answered = await honolulu.put(`/api/v1/time-polls/${poll.id}/answers`, {
      answers: [
        { slot: 0, answer: 'yes' },
        { slot: 1, answer: 'no' },
      ],
      shareTimezone: true,
    });
    expect(answered.status).toBe(200);
    const after = timePollDetail.parse(answered.body);
    expect(row(honolulu, after)).toMatchObject({
      timezone: 'Pacific/Honolulu',
      answers: { '0': 'yes', '1': 'no' },
      local: [
        { slot: 0, start: '2027-03-09T07:00:00-10:00', night: false },
        { slot: 1, start: '2027-03-09T22:00:00-10:00', night: true },
      ],
    });
    expect(after.slots[0]).toMatchObject({ yes: 1, ifNeedBe: 0, no: 0 });
    expect(after.can).toEqual({ answer: true, pick: false });
    // A group's member answers without sharing: still hidden to others, shown to themselves.
    await hidden.put(`/api/v1/time-polls/${poll.id}/answers`, { answers: [{ slot: 1, answer: 'if_need_be' }] });
    const seen = timePollDetail.parse((await organizer.get(`/api/v1/time-polls/${poll.id}`)).body);
    expect(row(hidden, seen)).toMatchObject({ timezone: null, answers: { '1': 'if_need_be' } });
    expect(seen.slots[1]).toMatchObject({ yes: 0, ifNeedBe: 1, no: 1 });
    const own = timePollDetail.parse((await hidden.get(`/api/v1/time-polls/${poll.id}`)).body);
    expect(row(hidden, own)?.timezone).toBe('Asia/Kolkata');
  });

  it('is seen by the organizer and invitees only', async () => {
    const invitee = await signedUp(app);
    const stranger = await signedUp(app);
    const poll = (await newPoll(organizer, { people: [invitee.username] })).body;
    expect((await invitee.get(`/api/v1/time-polls/${poll.id}`)).status).toBe(200);
    expect((await stranger.get(`/api/v1/time-polls/${poll.id}`)).status).toBe(403);
    expect((await new TestClient(app).get(`/api/v1/time-polls/${poll.id}`)).status).toBe(401);
    expect((await organizer.get('/api/v1/time-polls/999999999')).status).toBe(404);
  });
});

describe('answering', () => {
  it('is for invitees only: people named, members of named groups, current ambassadors', async () => {
    const named = await signedUp(app);
    const member = await signedUp(app);
    const ambassador = await signedUp(app);
    const former = await signedUp(app);
    const stranger = await signedUp(app);
    const group = await makeCommunity(app);
    const other = await makeCommunity(app);
    await addMember(group.id, member.userId);
    await addAmbassador(other.id, ambassador.userId, '2020-01-01');
    await addAmbassador(other.id, former.userId, '2020-01-01', '2021-01-01');
    const poll = (await newPoll(organizer, { people: [named.username], communities: [group.slug], ambassadors: true }))
      .body;
    const answer = (p: Person, body: object = { answers: [{ slot: 0, answer: 'yes' }] }) =>
      p.put(`/api/v1/time-polls/${poll.id}/answers`, body);
    for (const p of [named, member, ambassador]) expect((await answer(p)).status, p.username).toBe(200);
    for (const p of [former, stranger, organizer]) expect((await answer(p)).status, p.username).toBe(403);
    const refused = await app.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'permission.refused')
      .where('actor_id', '=', stranger.userId)
      .execute();
    expect(refused.length).toBeGreaterThan(0);
    // Bad answers name their field.
    const bad: [object, string][] = [
      [{ answers: [{ slot: 7, answer: 'yes' }] }, 'answers.0.slot'],
      [{ answers: [{ slot: 0, answer: 'maybe' }] }, 'answers.0.answer'],
      [
        {
          answers: [
            { slot: 1, answer: 'yes' },
            { slot: 1, answer: 'no' },
          ],
        },
        'answers.1.slot',
      ],
      [{ answers: [] }, 'answers'],
    ];
    for (const [body, field] of bad) {
      const res = await answer(named, body);
      expect(res.status, field).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const mine = timePollDetail.parse((await named.get(`/api/v1/time-polls/${poll.id}`)).body);
    expect(mine.invitees.find((i) => i.person.username === named.username)?.answers).toEqual({ '0': 'yes' });
    expect(mine.invitees.map((i) => i.person.username)).not.toContain(former.username);
  });
});
