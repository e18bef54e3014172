// Background jobs: what a request wants done later (a mail, a Telegram post, a digest) is written to the
// `jobs` table in the request's own transaction, so it is queued exactly when the change commits and survives
// a restart. The worker (worker.ts) runs each due job once across every app instance.
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/connection';
import type { Deps } from '../http/context';

export interface JobContext {
  db: Db;
  deps: Deps;
  log: FastifyBaseLogger;
  /** 1 on the first attempt. */
  attempt: number;
  jobId: number;
  /** When the job was due (for schedules: the occurrence it stands for). */
  runAt: Date;
}

export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>;

export interface JobOptions {
  maxAttempts?: number;
  /** Seconds to wait before the next attempt after attempt number `attempt` failed. */
  backoffSeconds?: (attempt: number) => number;
}

interface Registered extends Required<JobOptions> {
  handler: JobHandler;
}

/** 30 s, 1 min, 2 min, … doubling, at most 6 hours. */
export const defaultBackoff = (attempt: number): number => Math.min(30 * 2 ** (attempt - 1), 6 * 3600);

const handlers = new Map<string, Registered>();
const schedules = new Map<string, (after: Date) => Date>();
const catchUps = new Map<string, (db: Db) => Promise<boolean>>();

/** Registers what runs a kind of job; features call it when their module loads. */
export function registerJobHandler(kind: string, handler: JobHandler, options: JobOptions = {}): void {
  handlers.set(kind, {
    handler,
    maxAttempts: options.maxAttempts ?? 8,
    backoffSeconds: options.backoffSeconds ?? defaultBackoff,
  });
}

/**
 * A recurring job: `next(after)` gives the first occurrence strictly after a moment. Each occurrence is a job
 * keyed by its time, so however many instances run, it is queued and run once; the next one is queued when
 * it finishes (and at start-up).
 */
export function registerSchedule(
  kind: string,
  next: (after: Date) => Date,
  handler: JobHandler,
  options: JobOptions = {},
): void {
  schedules.set(kind, next);
  registerJobHandler(kind, handler, options);
}

/**
 * A job queued when there is work for it: checked when a worker starts and every ten minutes after (for work
 * that appears without a request asking for it, such as rows a new version of the code must redo).
 */
export function registerCatchUp(
  kind: string,
  needed: (db: Db) => Promise<boolean>,
  handler: JobHandler,
  options: JobOptions = {},
): void {
  catchUps.set(kind, needed);
  registerJobHandler(kind, handler, options);
}

/** Queues each catch-up job that has work, once per ten minutes whoever asks (several processes). */
export async function ensureCatchUps(db: Db, now: Date): Promise<void> {
  const period = new Date(Math.floor(now.getTime() / 600_000) * 600_000).toISOString();
  for (const [kind, needed] of catchUps)
    if (await needed(db)) await enqueue(db, { kind, key: `catch-up:${kind}:${period}` }, now);
}

export const registeredKinds = (): string[] => [...handlers.keys()];
export const handlerOf = (kind: string): Registered | undefined => handlers.get(kind);
export const scheduleOf = (kind: string): ((after: Date) => Date) | undefined => schedules.get(kind);
export const scheduledKinds = (): string[] => [...schedules.keys()];

export interface NewJob {
  kind: string;
  payload?: Record<string, unknown>;
  /** When it may run; now when left out. */
  runAt?: Date;
  /** A job with the same key is queued once (the first one stays). */
  key?: string;
  maxAttempts?: number;
}

/** Queues a job in the given transaction (or database); answers whether it was new. */
export async function enqueue(db: Db, job: NewJob, now: Date = new Date()): Promise<boolean> {
  const row = await db
    .insertInto('jobs')
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? {}),
      key: job.key ?? null,
      run_at: job.runAt ?? now,
      max_attempts: job.maxAttempts ?? handlers.get(job.kind)?.maxAttempts ?? 8,
      created_at: now,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return !!row;
}

/** Queues the next occurrence of a schedule after a moment (once, whoever asks). */
export async function enqueueNextOccurrence(db: Db, kind: string, after: Date): Promise<void> {
  const next = schedules.get(kind);
  if (!next) return;
  const runAt = next(after);
  await enqueue(db, { kind, runAt, key: `schedule:${kind}:${runAt.toISOString()}` }, after);
}
