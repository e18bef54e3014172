import { describe, expect, it } from 'vitest';
import { secondInstance, testApp, testDbKind, unique } from '../testing/harness';
import { enqueue, registerJobHandler, registerSchedule } from './queue';
import { runDueJobs } from './worker';

const at = (iso: string) => new Date(iso);

describe('background jobs', () => {
  it('runs a queued job once, and a job queued twice under one key once', async () => {
    const app = await testApp();
    const kind = unique('job');
    const seen: unknown[] = [];
    registerJobHandler(kind, (payload) => {
      seen.push(payload.n);
      return Promise.resolve();
    });
    const key = unique('key');
    expect(await enqueue(app.db, { kind, payload: { n: 1 }, key })).toBe(true);
    expect(await enqueue(app.db, { kind, payload: { n: 2 }, key })).toBe(false);
    await enqueue(app.db, { kind, payload: { n: 3 } });
    expect(await runDueJobs(app, { kinds: [kind] })).toBe(2);
    expect(await runDueJobs(app, { kinds: [kind] })).toBe(0);
    expect(seen.sort()).toEqual([1, 3]);
  });

  it('waits for a job that is not yet due', async () => {
    const app = await testApp();
    const kind = unique('job');
    let runs = 0;
    registerJobHandler(kind, () => {
      runs++;
      return Promise.resolve();
    });
    await enqueue(app.db, { kind, runAt: at('2031-01-01T10:00:00Z') });
    await runDueJobs(app, { kinds: [kind], now: at('2031-01-01T09:59:59Z') });
    expect(runs).toBe(0);
    await runDueJobs(app, { kinds: [kind], now: at('2031-01-01T10:00:00Z') });
    expect(runs).toBe(1);
  });

  it('retries a failing job after its backoff, and keeps it as failed with the error after the last attempt', async () => {
    const app = await testApp();
    const kind = unique('job');
    let attempts = 0;
    registerJobHandler(
      kind,
      (_p, ctx) => {
        attempts = ctx.attempt;
        return Promise.reject(new Error(`refused on attempt ${ctx.attempt}`));
      },
      { maxAttempts: 3, backoffSeconds: (n) => 60 * n },
    );
    const start = at('2031-02-01T00:00:00Z');
    await enqueue(app.db, { kind, runAt: start }, start);
    await runDueJobs(app, { kinds: [kind], now: start });
    expect(attempts).toBe(1);
    await runDueJobs(app, { kinds: [kind], now: new Date(start.getTime() + 59_000) });
    expect(attempts).toBe(1); // backoff of the first attempt: 60 s
    await runDueJobs(app, { kinds: [kind], now: new Date(start.getTime() + 60_000) });
    expect(attempts).toBe(2);
    await runDueJobs(app, { kinds: [kind], now: new Date(start.getTime() + 181_000) });
    expect(attempts).toBe(3);
    await runDueJobs(app, { kinds: [kind], now: at('2032-01-01T00:00:00Z') });
    expect(attempts).toBe(3);
    const job = await app.db.selectFrom('jobs').selectAll().where('kind', '=', kind).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'failed', attempts: 3, last_error: 'refused on attempt 3' });
  });

  it('runs each occurrence of a schedule once and queues the next', async () => {
    const app = await testApp();
    const kind = unique('schedule');
    const ran: string[] = [];
    const hourly = (after: Date) => new Date((Math.floor(after.getTime() / 3600_000) + 1) * 3600_000);
    registerSchedule(kind, hourly, (_p, ctx) => {
      ran.push(ctx.runAt.toISOString());
      return Promise.resolve();
    });
    await runDueJobs(app, { kinds: [kind], now: at('2031-03-01T08:30:00Z') });
    await runDueJobs(app, { kinds: [kind], now: at('2031-03-01T08:30:00Z') });
    expect(ran).toEqual([]);
    await runDueJobs(app, { kinds: [kind], now: at('2031-03-01T09:00:00Z') });
    await runDueJobs(app, { kinds: [kind], now: at('2031-03-01T09:10:00Z') });
    expect(ran).toEqual(['2031-03-01T09:00:00.000Z']);
    await runDueJobs(app, { kinds: [kind], now: at('2031-03-01T10:00:00Z') });
    expect(ran).toEqual(['2031-03-01T09:00:00.000Z', '2031-03-01T10:00:00.000Z']);
  });

  // PGlite is one connection, so only a PostgreSQL server can show two instances racing for the same jobs.
  it.runIf(testDbKind() === 'postgres')(
    'with two app instances on one PostgreSQL, each job runs exactly once',
    async () => {
      const first = await testApp();
      const { app: second, close: closeSecond } = await secondInstance();
      try {
        const kind = unique('job');
        const runs = new Map<number, number>();
        registerJobHandler(kind, async (payload) => {
          const n = payload.n as number;
          runs.set(n, (runs.get(n) ?? 0) + 1);
          await new Promise((r) => setTimeout(r, 2));
        });
        for (let n = 0; n < 200; n++) await enqueue(first.db, { kind, payload: { n } });
        const [a, b] = await Promise.all([runDueJobs(first, { kinds: [kind] }), runDueJobs(second, { kinds: [kind] })]);
        expect(a + b).toBe(200);
        expect(a).toBeGreaterThan(0);
        expect(b).toBeGreaterThan(0);
        expect([...runs.values()].every((c) => c === 1)).toBe(true);
        expect(runs.size).toBe(200);
      } finally {
        await closeSecond();
      }
    },
  );
});
