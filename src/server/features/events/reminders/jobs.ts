// Reminders and the moments events start and end. A daily job looks 48 hours ahead and queues, per occurrence,
// its 24-hour and 1-hour reminders and a job at its start and at its end; every job is keyed (by occurrence,
// moment and start time), so however many instances plan, each is queued once, and a moved occurrence gets
// jobs for its new time while the old ones find it moved and do nothing. The jobs at start and end advance the
// events' content version (and the worker the global one), so pages kept per day show "now on" and "ended" on
// time. A 24-hour reminder of an event marked `announce` is also posted on Telegram (`event_reminder`).
import type { Db } from '../../../db/connection';
import { contentChanged } from '../../../http/content-cache';
import type { Deps } from '../../../http/context';
import { enqueue, type JobContext } from '../../../jobs/queue';
import { notify } from '../../notifications';
import { announce } from '../../telegram';
import { eventSubject } from '../registrations/event-access';
import { instantToLocal } from '../time/zoned';

export const PLAN_JOB = 'events.plan';
export const REMINDER_JOB = 'events.reminder';
export const BOUNDARY_JOB = 'events.boundary';
export const PURGE_ANSWERS_JOB = 'events.purge-answers';

const HOUR = 3600_000;
const AHEAD_MS = 48 * HOUR;
export const REMINDERS = { '24h': 24 * HOUR, '1h': HOUR } as const;
type Which = keyof typeof REMINDERS;

/** Daily at 00:15 UTC. */
export const dailyAt0015 = (after: Date): Date => {
  const d = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), after.getUTCDate(), 0, 15));
  return d > after ? d : new Date(d.getTime() + 86400_000);
};

/** Queues the reminders and start and end jobs of the next 48 hours; answers how many were new. */
export async function planReminders(db: Db, now: Date): Promise<number> {
  const until = new Date(now.getTime() + AHEAD_MS);
  const rows = await db
    .selectFrom('event_occurrences as o')
    .innerJoin('events as e', 'e.id', 'o.event_id')
    .select(['o.id', 'o.starts_at', 'o.ends_at'])
    .where('o.cancelled', '=', false)
    .where('e.cancelled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('o.starts_at', '>', now), eb('o.starts_at', '<=', until)]),
        eb.and([eb('o.ends_at', '>', now), eb('o.ends_at', '<=', until)]),
      ]),
    )
    .execute();
  let queued = 0;
  const queue = async (kind: string, key: string, runAt: Date, payload: Record<string, unknown>) => {
    if (runAt.getTime() < now.getTime()) return;
    if (await enqueue(db, { kind, key: `${kind}:${key}`, runAt, payload }, now)) queued++;
  };
  for (const o of rows) {
    const start = o.starts_at.toISOString();
    for (const which of Object.keys(REMINDERS) as Which[])
      await queue(REMINDER_JOB, `${o.id}:${which}:${start}`, new Date(o.starts_at.getTime() - REMINDERS[which]), {
        occurrenceId: o.id,
        which,
        startsAt: start,
      });
    await queue(BOUNDARY_JOB, `${o.id}:start:${start}`, o.starts_at, { occurrenceId: o.id });
    await queue(BOUNDARY_JOB, `${o.id}:end:${o.ends_at.toISOString()}`, o.ends_at, { occurrenceId: o.id });
  }
  return queued;
}

/** Sends one reminder to the occurrence's registered people (per their settings), unless it moved or was cancelled. */
export async function sendReminder(
  db: Db,
  deps: Pick<Deps, 'config' | 'clock'>,
  payload: { occurrenceId: number; which: Which; startsAt: string },
): Promise<number> {
  const o = await db
    .selectFrom('event_occurrences as o')
    .innerJoin('events as e', 'e.id', 'o.event_id')
    .select(['o.id', 'o.occurrence', 'o.starts_at', 'o.cancelled', 'e.id as event_id', 'e.title', 'e.timezone'])
    .select(['e.announce', 'e.languages', 'e.cancelled_at'])
    .where('o.id', '=', payload.occurrenceId)
    .executeTakeFirst();
  if (!o || o.cancelled || o.cancelled_at || o.starts_at.toISOString() !== payload.startsAt) return 0;
  const people = await db
    .selectFrom('event_registrations')
    .select('user_id')
    .where('occurrence_id', '=', o.id)
    .where('status', '=', 'registered')
    .execute();
  const at = deps.clock.now();
  const subject = eventSubject({ id: o.event_id, title: o.title });
  const path = `${subject.link}?occurrence=${encodeURIComponent(o.occurrence)}`;
  return db.transaction().execute(async (trx) => {
    const told = await notify(trx, {
      type: `event.reminder.${payload.which}`,
      actorId: null,
      at,
      subject,
      link: path,
      people: { kind: 'event_reminder', ids: people.map((p) => p.user_id) },
    });
    if (payload.which === '24h' && o.announce) {
      const local = `${instantToLocal(o.starts_at, o.timezone).replace('T', ' ')} (${o.timezone})`;
      await announce(trx, deps, {
        event: 'event_reminder',
        subject: { type: 'event_occurrence', id: o.id },
        language: o.languages[0] ?? 'en',
        title: o.title,
        path,
        params: [local],
      });
    }
    return told.recipients;
  });
}

export const reminderJob = async (payload: Record<string, unknown>, job: JobContext) => {
  await sendReminder(job.db, job.deps, payload as { occurrenceId: number; which: Which; startsAt: string });
};

/** An occurrence starts or ends: pages showing events are read afresh (the worker also moves the global version). */
export const boundaryJob = async (_payload: Record<string, unknown>, job: JobContext) => {
  await contentChanged(job.db, 'events');
};

export const planJob = async (_payload: Record<string, unknown>, job: JobContext) => {
  await planReminders(job.db, job.deps.clock.now());
};

/** Deletes raw answers 90 days after an event's last occurrence ended (organizers keep no totals of them). */
export async function purgeOldAnswers(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - 90 * 24 * HOUR);
  const res = await db
    .deleteFrom('event_answers')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('event_occurrences as o')
            .select('o.id')
            .whereRef('o.event_id', '=', 'event_answers.event_id')
            .where('o.ends_at', '>', before),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

export const purgeJob = async (_payload: Record<string, unknown>, job: JobContext) => {
  await purgeOldAnswers(job.db, job.deps.clock.now());
};
