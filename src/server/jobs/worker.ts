// Runs due jobs. Claiming uses FOR UPDATE SKIP LOCKED and a lease, so with several app instances on one
// PostgreSQL each job is taken by one worker; a worker that dies mid-job loses its lease and another takes
// the job over. A handler that throws is retried with its backoff, then the job is kept as 'failed' with the
// error for admins to see.
import { sql } from 'kysely';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Updateable } from 'kysely';
import type { Db } from '../db/connection';
import type { JobsTable } from './tables';
import type { Deps } from '../http/context';
import { contentChanged } from '../http/content-cache';
import { ensureCatchUps, enqueueNextOccurrence, handlerOf, registeredKinds, scheduleOf, scheduledKinds } from './queue';

const LEASE_SECONDS = 300;
const KEEP_FINISHED_DAYS = 14;

interface WorkerEnv {
  db: Db;
  deps: Deps;
  log: FastifyBaseLogger;
}

interface ClaimedJob {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
  run_at: Date;
}

async function claim(db: Db, now: Date, kinds: string[], limit: number): Promise<ClaimedJob[]> {
  if (kinds.length === 0) return [];
  const lease = new Date(now.getTime() + LEASE_SECONDS * 1000);
  const result = await sql<ClaimedJob>`
    update jobs set status = 'running', attempts = attempts + 1, locked_until = ${lease}
    where id in (
      select id from jobs
      where kind in (${sql.join(kinds)}) and run_at <= ${now}
        and (status = 'queued' or (status = 'running' and locked_until < ${now}))
      order by run_at, id
      limit ${limit}
      for update skip locked
    )
    returning id, kind, payload, attempts, max_attempts, run_at`.execute(db);
  return result.rows;
}

async function runOne(env: WorkerEnv, job: ClaimedJob, now: Date): Promise<void> {
  const registered = handlerOf(job.kind);
  if (!registered) return;
  // Only the claim that is still ours may finish the job (a lapsed lease may have been taken over).
  const finish = (set: Updateable<JobsTable>) =>
    env.db.updateTable('jobs').set(set).where('id', '=', job.id).where('attempts', '=', job.attempts).execute();
  try {
    await registered.handler(job.payload, {
      db: env.db,
      deps: env.deps,
      log: env.log,
      attempt: job.attempts,
      jobId: job.id,
      runAt: job.run_at,
    });
    await finish({ status: 'done', finished_at: env.deps.clock.now(), locked_until: null, last_error: null });
    // What it changed (a call closed, a post sent, a reminder) may show on kept pages: they are rendered afresh.
    await contentChanged(env.db);
    if (scheduleOf(job.kind)) await enqueueNextOccurrence(env.db, job.kind, job.run_at);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const last = job.attempts >= job.max_attempts;
    env.log.warn(
      { job: job.id, kind: job.kind, attempt: job.attempts, err: message },
      last ? 'job failed for good' : 'job failed, will retry',
    );
    const retryAt = new Date(now.getTime() + registered.backoffSeconds(job.attempts) * 1000);
    await finish(
      last
        ? {
            status: 'failed',
            finished_at: env.deps.clock.now(),
            locked_until: null,
            last_error: message.slice(0, 2000),
          }
        : { status: 'queued', run_at: retryAt, locked_until: null, last_error: message.slice(0, 2000) },
    );
    // A schedule goes on even when one occurrence failed for good.
    if (last && scheduleOf(job.kind)) await enqueueNextOccurrence(env.db, job.kind, job.run_at);
  }
}

/** Queues the next occurrence of every schedule (start-up; duplicates are ignored by key). */
export async function ensureSchedules(db: Db, now: Date): Promise<void> {
  for (const kind of scheduledKinds()) await enqueueNextOccurrence(db, kind, now);
}

/** Runs every job due at `now` (default: the app's clock) until none is left; answers how many ran. */
export async function runDueJobs(
  app: FastifyInstance,
  options: { now?: Date; kinds?: string[] } = {},
): Promise<number> {
  const env = { db: app.db, deps: app.deps, log: app.log };
  const now = options.now ?? app.deps.clock.now();
  const kinds = options.kinds ?? registeredKinds();
  await ensureSchedules(env.db, now);
  let ran = 0;
  for (;;) {
    const jobs = await claim(env.db, now, kinds, 20);
    if (jobs.length === 0) return ran;
    for (const job of jobs) await runOne(env, job, now);
    ran += jobs.length;
  }
}

export interface JobWorker {
  stop(): Promise<void>;
}

/** Polls for due jobs every `pollMs` until stopped; one batch at a time. */
export function startJobWorker(app: FastifyInstance, pollMs = Number(process.env.LDN_JOB_POLL_MS ?? 1000)): JobWorker {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  let ticks = 0;
  const tick = async () => {
    const now = app.deps.clock.now();
    if (ticks++ % 600 === 0) {
      await ensureSchedules(app.db, now);
      await ensureCatchUps(app.db, now);
      const before = new Date(now.getTime() - KEEP_FINISHED_DAYS * 86400_000);
      await app.db
        .deleteFrom('jobs')
        .where('status', 'in', ['done', 'failed'])
        .where('finished_at', '<', before)
        .execute();
    }
    const env = { db: app.db, deps: app.deps, log: app.log };
    for (let batch = 0; batch < 10 && !stopped; batch++) {
      const jobs = await claim(env.db, now, registeredKinds(), 10);
      if (jobs.length === 0) break;
      for (const job of jobs) await runOne(env, job, now);
    }
  };
  const timer = setInterval(() => {
    if (busy || stopped) return; // a long batch is not joined by a second one
    busy = true;
    running = tick()
      .catch((err: unknown) => app.log.error({ err }, 'job worker tick failed'))
      .finally(() => {
        busy = false;
      });
  }, pollMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
