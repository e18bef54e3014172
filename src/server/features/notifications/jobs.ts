// Notification e-mail as background jobs: the immediate mails of one event, and the daily and weekly digests on
// a schedule. A mail is marked sent right after the server took it, so a retried job sends only what is left.
import { registerJobHandler, registerSchedule, type JobContext } from '../../jobs/queue';
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
async function sendEach(ctx: JobContext, mails: { rows: MailRow[]; mail: MailText }[]): Promise<void> {
  const failed: string[] = [];
  for (const { rows, mail } of mails) {
    try {
      await ctx.deps.mailer.send({ to: rows[0].email!, subject: mail.subject, text: mail.text });
    } catch (err) {
      failed.push(err instanceof Error ? err.message : String(err));
      continue;
    }
    await markMailed(ctx.db, rows.map((r) => r.id), ctx.deps.clock.now());
  }
  if (failed.length) throw new Error(`${failed.length} notification mail(s) not sent: ${failed[0]}`);
}

export async function sendImmediate(ctx: JobContext, eventId: number): Promise<void> {
  const rows = await immediateOf(ctx.db, eventId);
  await sendEach(ctx, rows.map((r) => ({ rows: [r], mail: immediateMail(r, ctx.deps.config.baseUrl) })));
}

/** The digest of every person waiting for one, of notifications created up to `until` (the occurrence's time). */
export async function sendDigests(ctx: JobContext, frequency: 'daily' | 'weekly', until: Date): Promise<void> {
  const since = new Date(until.getTime() - DIGEST_LOOKBACK_DAYS * DAY);
  let after = 0;
  const failures: string[] = [];
  for (;;) {
    const people = await digestRecipients(ctx.db, frequency, since, until, after, PEOPLE_PER_BATCH);
    if (people.length === 0) break;
    after = people[people.length - 1];
    const rows = await digestRows(ctx.db, frequency, people, since, until);
    const byPerson = new Map<number, MailRow[]>();
    for (const r of rows) {
      const list = byPerson.get(r.user_id) ?? [];
      list.push(r);
      byPerson.set(r.user_id, list);
    }
    try {
      await sendEach(ctx, [...byPerson.values()].map((list) => ({ rows: list, mail: digestMail(list, frequency, ctx.deps.config.baseUrl) })));
    } catch (err) {
      failures.push(err instanceof Error ? err.message : String(err));
    }
  }
  if (failures.length) throw new Error(failures.join('; '));
}

registerJobHandler(EMAIL_JOB, (payload, ctx) => sendImmediate(ctx, Number(payload.eventId)), { maxAttempts: 8 });
registerSchedule(DAILY_DIGEST, nextDaily, (_payload, ctx) => sendDigests(ctx, 'daily', ctx.runAt));
registerSchedule(WEEKLY_DIGEST, nextWeekly, (_payload, ctx) => sendDigests(ctx, 'weekly', ctx.runAt));
