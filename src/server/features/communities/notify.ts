// What groups tell people, through the notifications feature, inside the transaction of the change (never the
// person who made it): a member designated an ambassador (`ambassador_designated`) and an ambassador whose term
// ended (`ambassador_ended`: ended by a coordinator, by leaving or losing the group, by the group losing its
// partnership, or by its end date passing, told by a daily job); a group's coordinators when it became a partner
// (`partner_marked`) or stopped being one (`partner_unmarked`).
import type { Db } from '../../db/connection';
import type { JobHandler } from '../../jobs/queue';
import { notify, type Kind } from '../notifications';
import { todayUtc } from './roles';
import * as repo from './repo';

interface Group {
  id: number;
  slug: string;
  name: string;
}

const subjectOf = (g: Group) => ({
  type: 'community',
  id: g.id,
  title: g.name,
  link: `/communities/${encodeURIComponent(g.slug)}`,
});

function tell(db: Db, kind: Kind, g: Group, ids: number[], actorId: number | null, at: Date, termId?: number) {
  const subject = subjectOf(g);
  return notify(db, {
    type: `community.${kind}`,
    actorId,
    at,
    subject,
    object: termId === undefined ? null : { type: 'ambassador_term', id: termId },
    link: kind.startsWith('ambassador') ? `${subject.link}#ambassadors` : subject.link,
    people: { kind, ids },
  });
}

/** A member was designated an ambassador of the group: they are told. */
export const notifyDesignated = (db: Db, g: Group, userId: number, termId: number, actorId: number, at: Date) =>
  tell(db, 'ambassador_designated', g, [userId], actorId, at, termId);

/** Ambassador terms ended by someone's action: each ambassador is told (unless they did it themself). */
export async function notifyTermsEnded(
  db: Db,
  g: Group,
  terms: { id: number; user_id: number }[],
  actorId: number | null,
  at: Date,
): Promise<void> {
  for (const t of terms) await tell(db, 'ambassador_ended', g, [t.user_id], actorId, at, t.id);
}

/** The group became a partner, or stopped being one: its coordinators are told. */
export async function notifyPartnerChange(db: Db, g: Group, partner: boolean, actorId: number, at: Date) {
  await tell(db, partner ? 'partner_marked' : 'partner_unmarked', g, await repo.coordinatorIds(db, g.id), actorId, at);
}

/** The daily job that tells ambassadors whose term reached its end date. */
export const TERM_ENDS_JOB = 'communities.term-ends';
/** Terms that ended this many days ago or fewer are told (a job missed for a few days still tells them). */
const LOOK_BACK_DAYS = 7;

export const dailyAt0030 = (after: Date): Date => {
  const d = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), after.getUTCDate(), 0, 30));
  return d > after ? d : new Date(d.getTime() + 86400_000);
};

/**
 * Terms whose last day has passed on their own (nobody ended them) and whose ambassador was not told yet: each
 * ambassador is told once, whenever the job runs.
 */
export const termEndsJob: JobHandler = async (_payload, job) => {
  const at = job.runAt;
  const today = todayUtc(at);
  const rows = await job.db
    .selectFrom('ambassador_terms as t')
    .innerJoin('communities as c', 'c.id', 't.community_id')
    .select(['t.id', 't.user_id', 'c.id as community_id', 'c.slug', 'c.name'])
    .where('t.ended_at', 'is', null)
    .where('t.end_date', '<', today)
    .where('t.end_date', '>=', todayUtc(new Date(at.getTime() - LOOK_BACK_DAYS * 86400_000)))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('notification_events as e')
            .select('e.id')
            .where('e.type', '=', 'community.ambassador_ended')
            .where('e.object_type', '=', 'ambassador_term')
            .whereRef('e.object_id', '=', 't.id'),
        ),
      ),
    )
    .orderBy('t.id')
    .execute();
  for (const r of rows) {
    await notifyTermsEnded(job.db, { id: r.community_id, slug: r.slug, name: r.name }, [r], null, at);
  }
};
