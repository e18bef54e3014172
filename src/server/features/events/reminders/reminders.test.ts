import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql, type KyselyPlugin } from 'kysely';
import { buildApp } from '../../../app';
import { openDatabase, type DatabaseHandle } from '../../../db/connection';
import { runDueJobs } from '../../../jobs/worker';
import { testApp, testConfig, testDatabase, testDbKind, testSchema } from '../../../testing/harness';
import { makeEvent, registrationsUrl, someone, told } from '../registrations/testing';
import { BOUNDARY_JOB, planReminders, purgeOldAnswers, REMINDER_JOB } from './jobs';

const HOUR = 3600_000;
const passThrough: KyselyPlugin = {
  transformQuery: (a) => a.node,
  transformResult: (a) => Promise.resolve(a.result),
};

const clock = { at: new Date(), now: () => clock.at };
let first: FastifyInstance;
let second: FastifyInstance;
let handle: DatabaseHandle | null = null;

beforeAll(async () => {
  await testApp();
  const { db } = await testDatabase();
  first = await buildApp({ pages: false, config: testConfig(), db, clock });
  // A second instance: its own connections on PostgreSQL, another handle on PGlite.
  if (testDbKind() === 'postgres')
    handle = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL!, schema: testSchema(), dataDir: null });
  second = await buildApp({ pages: false, config: testConfig(), db: handle?.db ?? db.withPlugin(passThrough), clock });
  await Promise.all([first.ready(), second.ready()]);
}, 120_000);

afterAll(async () => {
  await first.close();
  await second.close();
  await handle?.close();
});

const eventsVersion = async (app: FastifyInstance) =>
  String((await sql<{ v: string }>`select last_value as v from content_version_events_seq`.execute(app.db)).rows[0]!.v);

describe('reminders', () => {
  it('go out once, 24 hours and 1 hour before, to registered people, with two instances planning and running jobs', async () => {
    const now = new Date();
    clock.at = now;
    const start = new Date(Math.ceil((now.getTime() + 30 * HOUR) / 60_000) * 60_000);
    const org = await someone(first);
    const ev = await makeEvent(first, { createdBy: org.userId, capacity: 1, starts: [start], announce: true });
    const reg = await someone(first);
    const waiting = await someone(first);
    expect((await reg.post(registrationsUrl(ev), {})).body.status).toBe('registered');
    expect((await waiting.post(registrationsUrl(ev), {})).body.status).toBe('waiting');
    // The channel is connected and the reminder chosen: the 24-hour reminder of an `announce` event is posted.
    await first.db.deleteFrom('telegram_settings').execute();
    await first.db
      .insertInto('telegram_settings')
      .values({ id: 1, bot_token: '123:abc', chat_id: '@ldn', events: ['event_reminder'], updated_at: now })
      .execute();
    try {
      const [a, b] = await Promise.all([planReminders(first.db, now), planReminders(second.db, now)]);
      expect(a + b).toBeGreaterThanOrEqual(4);
      expect(await planReminders(second.db, now)).toBe(0);
      const occId = ev.occurrences[0]!.ids[0]!;
      const queued = await first.db
        .selectFrom('jobs')
        .select(['kind', 'run_at'])
        .where('key', 'like', `%:${occId}:%`)
        .orderBy('run_at')
        .execute();
      expect(queued.map((j) => [j.kind, j.run_at.getTime() - start.getTime()])).toEqual([
        [REMINDER_JOB, -24 * HOUR],
        [REMINDER_JOB, -HOUR],
        [BOUNDARY_JOB, 0],
        [BOUNDARY_JOB, HOUR],
      ]);
      const runBoth = async (at: Date) => {
        clock.at = at;
        await Promise.all([
          runDueJobs(first, { now: at, kinds: [REMINDER_JOB, BOUNDARY_JOB] }),
          runDueJobs(second, { now: at, kinds: [REMINDER_JOB, BOUNDARY_JOB] }),
        ]);
      };
      await runBoth(new Date(start.getTime() - 24 * HOUR + 60_000));
      expect(await told(first, reg.userId, 'event_reminder')).toHaveLength(1);
      expect(await told(first, waiting.userId, 'event_reminder')).toHaveLength(0);
      const posts = await first.db
        .selectFrom('telegram_posts')
        .select(['text', 'event'])
        .where('subject_type', '=', 'event_occurrence')
        .where('subject_id', '=', occId)
        .execute();
      expect(posts).toHaveLength(1);
      expect(posts[0]!.text).toContain(ev.title);
      await runBoth(new Date(start.getTime() - HOUR + 60_000));
      expect(await told(first, reg.userId, 'event_reminder')).toHaveLength(2);
      // The start and the end advance the events' content version.
      const before = await eventsVersion(first);
      await runBoth(new Date(start.getTime() + 60_000));
      expect(await eventsVersion(first)).not.toBe(before);
      expect(await told(first, reg.userId, 'event_reminder')).toHaveLength(2);
      await runBoth(new Date(start.getTime() + HOUR + 60_000));
      const left = await first.db.selectFrom('jobs').select('status').where('key', 'like', `%:${occId}:%`).execute();
      expect(left.map((j) => j.status)).toEqual(['done', 'done', 'done', 'done']);
    } finally {
      await first.db.deleteFrom('jobs').where('kind', '=', 'telegram.post').where('status', '=', 'queued').execute();
      await first.db.deleteFrom('telegram_settings').execute();
      clock.at = new Date();
    }
  }, 90_000);

  it('are not sent for an occurrence moved after they were queued (its new time has its own)', async () => {
    const now = new Date();
    clock.at = now;
    const start = new Date(Math.ceil((now.getTime() + 5 * HOUR) / 60_000) * 60_000);
    const org = await someone(first);
    const ev = await makeEvent(first, { createdBy: org.userId, starts: [start] });
    const reg = await someone(first);
    await reg.post(registrationsUrl(ev), {});
    await planReminders(first.db, now);
    const occId = ev.occurrences[0]!.ids[0]!;
    const moved = new Date(start.getTime() + 24 * HOUR);
    await first.db
      .updateTable('event_occurrences')
      .set({ starts_at: moved, ends_at: new Date(moved.getTime() + HOUR), moved: true })
      .where('id', '=', occId)
      .execute();
    const at = new Date(start.getTime() - HOUR + 60_000);
    clock.at = at;
    await runDueJobs(first, { now: at, kinds: [REMINDER_JOB] });
    expect(await told(first, reg.userId, 'event_reminder')).toHaveLength(0);
    expect(await planReminders(first.db, at)).toBeGreaterThanOrEqual(2);
    clock.at = new Date();
  });
});

describe('raw answers', () => {
  it('are deleted 90 days after the event’s last occurrence ended, not before', async () => {
    const now = new Date();
    const org = await someone(first);
    const ev = await makeEvent(first, { createdBy: org.userId, questions: ['confidence'] });
    const p = await someone(first);
    clock.at = now;
    expect((await p.post(registrationsUrl(ev), { answers: { confidence: 'confident' } })).status).toBe(201);
    const count = async () =>
      (await first.db.selectFrom('event_answers').select('user_id').where('event_id', '=', Number(ev.id)).execute())
        .length;
    const end = ev.occurrences[0]!.start.getTime() + HOUR;
    await purgeOldAnswers(first.db, new Date(end + 89 * 24 * HOUR));
    expect(await count()).toBe(1);
    await purgeOldAnswers(first.db, new Date(end + 91 * 24 * HOUR));
    expect(await count()).toBe(0);
  });
});
