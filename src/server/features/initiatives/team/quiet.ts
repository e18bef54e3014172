// Initiatives that survive turnover: once a day, a live initiative with no activity (no change by its team, no
// sign-up, no comment) for LDN_INITIATIVE_INACTIVE_MONTHS months is flagged as quiet and its followers are asked
// whether it still lives. Any activity clears the flag (../repo.ts touch); the check runs once across instances.
import { sql } from 'kysely';
import { contentChanged } from '../../../http/content-cache';
import type { Db } from '../../../db/connection';
import type { JobHandler } from '../../../jobs/queue';
import { tellFollowers } from '../notify';

export const QUIET_JOB = 'initiatives.quiet-check';
const DAY = 86400_000;
/** Daily at 05:00 UTC. */
export const daily = (after: Date): Date => {
  const d = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), after.getUTCDate(), 5));
  return d > after ? d : new Date(d.getTime() + DAY);
};

/** Flags the quiet initiatives and asks their followers; answers how many were flagged. */
export async function flagQuiet(db: Db, now: Date, months: number): Promise<number> {
  let flagged = 0;
  for (;;) {
    const rows = await db.transaction().execute(async (trx) => {
      const due = await sql<{ id: number; title: string }>`
        update initiatives i set quiet_since = ${now}::timestamptz
        where i.id in (
          select i2.id from initiatives i2
          where i2.stage in ('idea', 'recruiting', 'active', 'evaluating') and i2.quiet_since is null
            and i2.last_activity_at < ${now}::timestamptz - make_interval(months => ${months}::int)
            and not exists (select 1 from comments c where c.subject_type = 'initiative' and c.subject_id = i2.id
              and c.created_at >= ${now}::timestamptz - make_interval(months => ${months}::int))
          order by i2.last_activity_at limit 100
          for update skip locked
        )
        returning i.id, i.title`.execute(trx);
      for (const r of due.rows)
        await tellFollowers(trx, 'initiative_quiet', {
          initiative: { id: Number(r.id), title: r.title },
          actorId: null,
          at: now,
          anchor: 'quiet',
        });
      // Pages kept for anonymous visitors are rendered again (the content version moves, as on any change).
      if (due.rows.length) await contentChanged(trx);
      return due.rows;
    });
    flagged += rows.length;
    if (rows.length < 100) return flagged;
  }
}

/** The daily check (registered by index.ts as a schedule). */
export const quietJob: JobHandler = async (_payload, job) =>
  void (await flagQuiet(job.db, job.runAt, job.deps.config.initiatives.inactiveMonths));
