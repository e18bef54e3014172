// Notification e-mail as background jobs: the immediate mails of one event, and the daily and weekly digests on
// a schedule. A mail is marked sent right after the server took it, so a retried job sends only what is left.
// The jobs run the use cases below with the system's context (no actor), the digest's moment being the
// occurrence the schedule stands for.
import type { Ctx } from '../../http/context';
import { systemCtx } from '../../http/ctx';
import { registerJobHandler, registerSchedule } from '../../jobs/queue';
import { DAILY_DIGEST, EMAIL_JOB, WEEKLY_DIGEST } from './kinds';
import { digestMail, immediateMail, type MailText } from './mail';
import { digestRecipients, digestRows, immediateOf, markMailed, type MailRow } from './mail-repo';

const DAY = 86400_000;
/** Digests run at this hour (UTC); weekly ones on Mondays. */
export const DIGEST_HOUR_UTC = 6;
/** Older waiting notifications are left out of digests (someone who adds an address gets no backlog). */
const DIGEST_LOOKBACK_DAYS = 30;
const PEOPLE_PER_BATCH = 100;

export function nextDaily(after: Date): Date {
  const d = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), after.getUTCDate(), DIGEST_HOUR_UTC));
  return d > after ? d : new Date(d.getTime() + DAY);
}

export function nextWeekly(after: Date): Date {
  let d = nextDaily(after);
  while (d.getUTCDay() !== 1) d = new Date(d.getTime() + DAY);
  return d;
}

/** Sends one mail per person; a failure is logged and the job retried for those left, after the others went out. */
async function sendEach(ctx: Ctx, mails: { rows: MailRow[]; mail: MailText }[]): Promise<void> {
  const failed: string[] = [];
  for (const { rows, mail } of mails) {
    // Every row of one mail is the same person's, and only people with an address are selected.
    const to = rows[0]?.email;
    if (!to) continue;
    try {
      await ctx.deps.mailer.send({ to, subject: mail.subject, text: mail.text });
    } catch (err) {
      failed.push(err instanceof Error ? err.message : String(err));
      continue;
    }
    // The moment the server took it, not when the job was due.
    await markMailed(
      ctx.db,
      rows.map((r) => r.id),
      ctx.deps.clock.now(),
    );
  }
  if (failed.length) throw new Error(`${failed.length} notification mail(s) not sent: ${failed[0]}`);
}

/** The mails of one event to the people who want them at once. Run by the system (a job), never by a person. */
export async function sendImmediate(ctx: Ctx, eventId: number): Promise<void> {
  const rows = await immediateOf(ctx.db, eventId);
  await sendEach(
    ctx,
    rows.map((r) => ({ rows: [r], mail: immediateMail(r, ctx.config.baseUrl) })),
  );
}

/**
 * The digest of every person waiting for one, of notifications created up to `ctx.now` (the occurrence's time).
 * Run by the system (a scheduled job), never by a person.
 */
export async function sendDigests(ctx: Ctx, frequency: 'daily' | 'weekly'): Promise<void> {
  const until = ctx.now;
  const since = new Date(until.getTime() - DIGEST_LOOKBACK_DAYS * DAY);
  let after = 0;
  const failures: string[] = [];
  for (;;) {
    const people = await digestRecipients(ctx.db, frequency, since, until, after, PEOPLE_PER_BATCH);
    const last = people.at(-1);
    if (last === undefined) break;
    after = last;
    const rows = await digestRows(ctx.db, frequency, people, since, until);
    const byPerson = new Map<number, MailRow[]>();
    for (const r of rows) {
      const list = byPerson.get(r.user_id) ?? [];
      list.push(r);
      byPerson.set(r.user_id, list);
    }
    try {
      await sendEach(
        ctx,
        [...byPerson.values()].map((list) => ({ rows: list, mail: digestMail(list, frequency, ctx.config.baseUrl) })),
      );
    } catch (err) {
      failures.push(err instanceof Error ? err.message : String(err));
    }
  }
  if (failures.length) throw new Error(failures.join('; '));
}

/** The e-mail job and the two digest schedules. */
export function registerMailJobs(): void {
  registerJobHandler(
    EMAIL_JOB,
    (payload, job) => sendImmediate(systemCtx(job.deps, job.db, { now: job.runAt }), Number(payload.eventId)),
    { maxAttempts: 8 },
  );
  registerSchedule(DAILY_DIGEST, nextDaily, (_payload, job) =>
    sendDigests(systemCtx(job.deps, job.db, { now: job.runAt }), 'daily'),
  );
  registerSchedule(WEEKLY_DIGEST, nextWeekly, (_payload, job) =>
    sendDigests(systemCtx(job.deps, job.db, { now: job.runAt }), 'weekly'),
  );
}
