import { describe, expect, it } from 'vitest';
import { buildApp } from '../../../app';
import { openDatabase } from '../../../db/connection';
import { testApp, testConfig, testDbKind, testSchema, unique } from '../../../testing/harness';
import { TestClient } from '../../../testing/client';
import { runDueJobs } from '../../../jobs/worker';
import { DEADLINE_JOB } from './service';
import {
  auditCount,
  clockedApp,
  freshSchedule,
  idea,
  notificationsOf,
  openCall,
  someone,
  staff,
  type Person,
} from '../testing';

const signUp = (p: Person, id: string, jobId: string, message?: string) =>
  p.post(`/api/v1/initiatives/${id}/jobs/${jobId}/signups`, message ? { message } : {});

describe('opening a call', () => {
  it('opens the call of an idea (moving it to recruiting), with jobs, places and the deadline defaulting to the start', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const i = await idea(lead);
    const call = await openCall(lead, i.id, { deadline: undefined });
    expect(call).toMatchObject({
      status: 'open',
      deadline: '2090-01-10',
      start: '2090-01-10',
      goals: ['Train ten new organizers', 'Write a guidebook'],
      waiting: 0,
    });
    expect(call.jobs.map((j) => [j.title, j.places, j.filled, j.open])).toEqual([
      ['Mentor', 2, 0, 2],
      ['Translator', 1, 0, 1],
    ]);
    const view = (await lead.get(`/api/v1/initiatives/${i.id}`)).body;
    expect(view).toMatchObject({ stage: 'recruiting', call: 'open', openPlaces: 3 });
    // Updating keeps jobs named by id and their sign-ups.
    const other = await someone(app);
    await signUp(other, i.id, call.jobs[0]!.id);
    const updated = await lead.put(`/api/v1/initiatives/${i.id}/call`, {
      goals: ['Train twelve'],
      jobs: [{ id: call.jobs[0]!.id, title: 'Mentor', description: 'Weekly', places: 3 }],
      start: '2090-01-10',
      end: '2090-02-01',
    });
    expect(updated.status).toBe(200);
    expect(updated.body.jobs).toMatchObject([{ id: call.jobs[0]!.id, places: 3, waiting: 1 }]);
    expect(await auditCount(app, 'initiative.call.open', lead.userId)).toBe(1);
    expect(await auditCount(app, 'initiative.call.update', lead.userId)).toBe(1);
  });

  it('refuses bad calls clearly and writes nothing; only leads open calls', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const other = await someone(app);
    const i = await idea(lead);
    const good = {
      goals: ['A goal'],
      jobs: [{ title: 'Job', description: 'Do it', places: 1 }],
      start: '2090-01-01',
      end: '2090-02-01',
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, goals: [] }, 'goals'],
      [{ ...good, jobs: [] }, 'jobs'],
      [{ ...good, jobs: [{ title: 'Job', description: 'x', places: 0 }] }, 'jobs.0.places'],
      [{ ...good, jobs: [{ title: '', description: 'x', places: 1 }] }, 'jobs.0.title'],
      [{ ...good, jobs: [{ title: 'J', description: 'x', places: 1, skills: ['juggling'] }] }, 'jobs.0.skills.0'],
      [{ ...good, jobs: [{ id: '999999', title: 'J', description: 'x', places: 1 }] }, 'jobs.0.id'],
      [{ ...good, start: '2090-02-30' }, 'start'],
      [{ ...good, end: '2089-12-31' }, 'end'],
      [{ ...good, deadline: '2090-03-01' }, 'deadline'],
      [{ ...good, extra: true }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const res = await lead.put(`/api/v1/initiatives/${i.id}/call`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(
        res.body.errors.map((e: { field: string }) => e.field),
        JSON.stringify(body),
      ).toContain(field);
    }
    expect((await other.put(`/api/v1/initiatives/${i.id}/call`, good)).status).toBe(403);
    expect(
      (await new TestClient(app).start().then((c) => c.put(`/api/v1/initiatives/${i.id}/call`, good))).status,
    ).toBe(401);
    const view = (await lead.get(`/api/v1/initiatives/${i.id}`)).body;
    expect(view).toMatchObject({ stage: 'idea', call: 'none', callDetail: null });
    const jobs = await app.db
      .selectFrom('initiative_jobs')
      .select('id')
      .where('initiative_id', '=', Number(i.id))
      .execute();
    expect(jobs).toHaveLength(0);
  });
});

describe('signing up and accepting', () => {
  it('fills places on acceptance, keeps the others waiting, refuses a full job with 409 and tells people', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const i = await idea(lead);
    const call = await openCall(lead, i.id);
    const translator = call.jobs[1]!;
    const [a, b, c] = [await someone(app), await someone(app), await someone(app)];
    const sa = await signUp(a, i.id, translator.id, 'I translate into Spanish.');
    expect(sa.status).toBe(201);
    expect(sa.body).toMatchObject({ status: 'pending', jobId: translator.id, message: 'I translate into Spanish.' });
    expect((await signUp(a, i.id, translator.id)).status).toBe(409);
    expect((await notificationsOf(lead)).filter((n) => n.kind === 'new_signup')).toHaveLength(1);
    const sb = (await signUp(b, i.id, translator.id)).body;
    const general = await c.post(`/api/v1/initiatives/${i.id}/signups`, { message: 'I can help with anything.' });
    expect(general.body).toMatchObject({ jobId: null, status: 'pending' });
    // Leads only.
    expect((await b.post(`/api/v1/initiatives/${i.id}/signups/${sa.body.id}/accept`)).status).toBe(403);
    expect((await b.get(`/api/v1/initiatives/${i.id}/signups`)).status).toBe(403);
    expect((await a.get(`/api/v1/initiatives/${i.id}`)).body.waitingList).toEqual([]);
    const waiting = (await lead.get(`/api/v1/initiatives/${i.id}`)).body.waitingList;
    expect(waiting.map((s: { person: { username: string } }) => s.person.username)).toEqual([
      a.username,
      b.username,
      c.username,
    ]);

    const accepted = await lead.post(`/api/v1/initiatives/${i.id}/signups/${sa.body.id}/accept`);
    expect(accepted.body.status).toBe('accepted');
    expect((await lead.post(`/api/v1/initiatives/${i.id}/signups/${sa.body.id}/accept`)).status).toBe(409);
    const full = await lead.post(`/api/v1/initiatives/${i.id}/signups/${sb.id}/accept`);
    expect(full.status).toBe(409);
    const view = (await new TestClient(app).get(`/api/v1/initiatives/${i.id}`)).body;
    expect(view.callDetail.jobs[1]).toMatchObject({
      filled: 1,
      open: 0,
      waiting: 1,
      accepted: [{ username: a.username }],
    });
    expect(view.callDetail.waiting).toBe(1);
    expect((await notificationsOf(a)).map((n) => n.kind)).toContain('signup_answered');
    // General help has no places to fill.
    expect((await lead.post(`/api/v1/initiatives/${i.id}/signups/${general.body.id}/accept`)).status).toBe(200);
    expect((await lead.get(`/api/v1/initiatives/${i.id}`)).body.callDetail.helpers).toEqual([
      { username: c.username, displayName: c.username },
    ]);
    // The person can withdraw, freeing the place; others may not withdraw it.
    expect((await b.delete(`/api/v1/initiatives/${i.id}/signups/${sa.body.id}`)).status).toBe(403);
    expect((await a.delete(`/api/v1/initiatives/${i.id}/signups/${sa.body.id}`)).status).toBe(204);
    expect((await lead.post(`/api/v1/initiatives/${i.id}/signups/${sb.id}/accept`)).status).toBe(200);
    const declined = await lead.post(`/api/v1/initiatives/${i.id}/signups/${general.body.id}/decline`);
    expect(declined.status).toBe(409);
    expect(await auditCount(app, 'initiative.signup.accept', lead.userId)).toBe(3);
  });

  it('closes the call when every job is full and tells the people still waiting', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const i = await idea(lead);
    const call = await lead.put(`/api/v1/initiatives/${i.id}/call`, {
      goals: ['One goal'],
      jobs: [{ title: 'Only job', description: 'x', places: 1 }],
      start: '2090-01-01',
      end: '2090-02-01',
    });
    const jobId = call.body.jobs[0].id;
    const [a, b] = [await someone(app), await someone(app)];
    const sa = (await signUp(a, i.id, jobId)).body;
    await signUp(b, i.id, jobId);
    await lead.post(`/api/v1/initiatives/${i.id}/signups/${sa.id}/accept`);
    const view = (await b.get(`/api/v1/initiatives/${i.id}`)).body;
    expect(view).toMatchObject({
      call: 'closed',
      callDetail: { status: 'closed', closedReason: 'full' },
      can: { signUp: false },
    });
    expect((await notificationsOf(b)).filter((n) => n.kind === 'call_closed')).toHaveLength(1);
    expect((await notificationsOf(a)).filter((n) => n.kind === 'call_closed')).toHaveLength(0);
    const late = await someone(app);
    expect((await signUp(late, i.id, jobId)).status).toBe(409);
    // Changing the text of a full call keeps it closed without telling the waiting again.
    const edited = await lead.put(`/api/v1/initiatives/${i.id}/call`, {
      goals: ['One goal, reworded'],
      jobs: [{ id: jobId, title: 'Only job', description: 'x', places: 1 }],
      start: '2090-01-01',
      end: '2090-02-01',
    });
    expect(edited.body).toMatchObject({ status: 'closed', closedReason: 'full' });
    expect((await notificationsOf(b)).filter((n) => n.kind === 'call_closed')).toHaveLength(1);
    // One more place opens it again.
    const more = await lead.put(`/api/v1/initiatives/${i.id}/call`, {
      goals: ['One goal'],
      jobs: [{ id: jobId, title: 'Only job', description: 'x', places: 2 }],
      start: '2090-01-01',
      end: '2090-02-01',
    });
    expect(more.body).toMatchObject({ status: 'open', closedReason: null });
  });

  it('closes the call after its deadline, at read and by the daily check that tells the people waiting', async () => {
    const { app, clock } = await clockedApp(new Date('2031-05-01T10:00:00Z'));
    try {
      const lead = await someone(app);
      const waiting = await someone(app);
      const i = await idea(lead);
      const call = await openCall(lead, i.id, { start: '2031-05-03', deadline: '2031-05-02', end: '2031-07-01' });
      await signUp(waiting, i.id, call.jobs[0]!.id);
      clock.at = new Date('2031-05-02T23:59:00Z');
      expect((await waiting.get(`/api/v1/initiatives/${i.id}`)).body.call).toBe('open');
      // Past the deadline's day the call reads as closed at once…
      clock.at = new Date('2031-05-03T00:10:00Z');
      expect((await waiting.get(`/api/v1/initiatives/${i.id}`)).body).toMatchObject({
        call: 'closed',
        callDetail: { status: 'closed', closedReason: 'deadline' },
      });
      expect((await signUp(await someone(app), i.id, call.jobs[1]!.id)).status).toBe(409);
      // …and the check after midnight (UTC) closes it for good and tells the people waiting, once.
      await freshSchedule(app, DEADLINE_JOB);
      clock.at = new Date('2031-05-03T00:00:00Z');
      await runDueJobs(app, { kinds: [DEADLINE_JOB] });
      await runDueJobs(app, { now: new Date('2031-05-03T00:05:00Z'), kinds: [DEADLINE_JOB] });
      const row = await app.db
        .selectFrom('initiative_calls')
        .select(['closed_reason'])
        .where('initiative_id', '=', Number(i.id))
        .executeTakeFirstOrThrow();
      expect(row.closed_reason).toBe('deadline');
      expect((await notificationsOf(waiting)).filter((n) => n.kind === 'call_closed')).toHaveLength(1);
      await runDueJobs(app, { now: new Date('2031-05-04T00:05:00Z'), kinds: [DEADLINE_JOB] });
      expect((await notificationsOf(waiting)).filter((n) => n.kind === 'call_closed')).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it('lets an admin or moderator step in to accept; refuses places below the accepted', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const i = await idea(lead);
    const call = await openCall(lead, i.id);
    const p = await someone(app);
    const s = (await signUp(p, i.id, call.jobs[0]!.id)).body;
    const mod = await staff(app, 'moderator');
    expect((await mod.post(`/api/v1/initiatives/${i.id}/signups/${s.id}/accept`)).status).toBe(200);
    const lowered = await lead.put(`/api/v1/initiatives/${i.id}/call`, {
      goals: ['g'],
      jobs: [
        { id: call.jobs[0]!.id, title: 'Mentor', description: 'x', places: 1 },
        { id: call.jobs[1]!.id, title: 'T', description: 'x', places: 1 },
      ],
      start: '2090-01-10',
      end: '2090-06-30',
    });
    expect(lowered.status).toBe(200);
    const removed = await lead.put(`/api/v1/initiatives/${i.id}/call`, {
      goals: ['g'],
      jobs: [{ id: call.jobs[1]!.id, title: 'T', description: 'x', places: 1 }],
      start: '2090-01-10',
      end: '2090-06-30',
    });
    expect(removed.status).toBe(409);
    expect((await lead.get(`/api/v1/initiatives/${i.id}`)).body.callDetail.jobs).toHaveLength(2);
  });
});

// PGlite is one connection, so only a PostgreSQL server can show acceptances racing for the last places.
describe.runIf(testDbKind() === 'postgres')('concurrent acceptances on PostgreSQL', () => {
  it('never fills a job beyond its places, whichever of two leads on two app instances accepts', async () => {
    const first = await testApp();
    const secondHandle = await openDatabase({
      databaseUrl: process.env.TEST_DATABASE_URL!,
      schema: testSchema(),
      dataDir: null,
    });
    const second = await buildApp({ pages: false, config: testConfig(), db: secondHandle.db });
    try {
      const lead = await someone(first);
      const coLead = await someone(first);
      const i = await idea(lead);
      const inv = await lead.post(`/api/v1/initiatives/${i.id}/invitations`, { username: coLead.username });
      expect((await coLead.post(`/api/v1/initiatives/${i.id}/lead-requests/${inv.body.id}/accept`)).status).toBe(200);
      const call = await lead.put(`/api/v1/initiatives/${i.id}/call`, {
        goals: ['g'],
        jobs: [{ title: 'Facilitator', description: 'x', places: 3 }],
        start: '2090-01-01',
        end: '2090-02-01',
      });
      const jobId = call.body.jobs[0].id;
      const people = await Promise.all(Array.from({ length: 12 }, () => someone(first, 'race')));
      const signups: string[] = [];
      for (const p of people) signups.push((await signUp(p, i.id, jobId)).body.id);
      // The co-lead's session works on the second instance too (sessions live in the database).
      const onSecond = Object.assign(new TestClient(second), { cookies: coLead.cookies, csrf: coLead.csrf });
      const answers = await Promise.all(
        signups.map((id, n) =>
          (n % 2 === 0 ? lead : onSecond).post(`/api/v1/initiatives/${i.id}/signups/${id}/accept`),
        ),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(3);
      expect(statuses.filter((s) => s === 409)).toHaveLength(9);
      const accepted = await first.db
        .selectFrom('initiative_signups')
        .select('id')
        .where('job_id', '=', Number(jobId))
        .where('status', '=', 'accepted')
        .execute();
      expect(accepted).toHaveLength(3);
      const view = (await lead.get(`/api/v1/initiatives/${i.id}`)).body;
      expect(view.callDetail.jobs[0]).toMatchObject({ filled: 3, open: 0, waiting: 9 });
      expect(view.callDetail.status).toBe('closed');
    } finally {
      await second.close();
      await secondHandle.close();
    }
  }, 60_000);

  it('accepts the same sign-up once when two requests race', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const i = await idea(lead);
    const call = await openCall(lead, i.id);
    const p = await someone(app, unique('twice'));
    const s = (await signUp(p, i.id, call.jobs[0]!.id)).body;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => lead.post(`/api/v1/initiatives/${i.id}/signups/${s.id}/accept`)),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(5);
  });
});
