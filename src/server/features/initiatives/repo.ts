// SQL for initiatives themselves: one initiative or several (as every list reads them), their groups, leads and
// supporters. The board's lists, counts and filters' choices are board/repo.ts; the archive's, archive/repo.ts.
import { sql } from 'kysely';
import { SIGNUP_STAGES } from '../../../contracts/initiatives';
import type { Db } from '../../db/connection';
import { personRefColumns } from '../people';

/**
 * The call's state on a day (UTC date): none, open or closed. Open only while the initiative is recruiting or
 * active, before the deadline's day is over and while a place is left (an idea, an evaluated, archived or
 * discontinued initiative takes no sign-ups, whatever its call says).
 */
export const callState = (today: string) =>
  sql<'none' | 'open' | 'closed'>`(select case when c.closed_at is null and c.deadline >= ${today}::date
      and i.stage in (${sql.join(SIGNUP_STAGES.map((s) => sql.lit(s)))}) then 'open' else 'closed' end
    from initiative_calls c where c.initiative_id = i.id)`;

const openPlaces = sql<number>`(select coalesce(sum(greatest(j.places - (select count(*) from initiative_signups s
    where s.job_id = j.id and s.status = 'accepted'), 0)), 0) from initiative_jobs j where j.initiative_id = i.id)`;

/** Initiatives aliased `i` with what every list and page shows of them, on a day (calls close after their deadline's day). */
export const selectInitiatives = (db: Db, today: string) =>
  db
    .selectFrom('initiatives as i')
    .leftJoin('users as a', 'a.id', 'i.author_id')
    .leftJoin('moderation_hidden as h', (j) =>
      j.on('h.subject_type', '=', 'initiative').onRef('h.subject_id', '=', 'i.id'),
    )
    .select([
      'a.username as author_username',
      'a.display_name as author_display_name',
      'a.public_fields as author_public_fields',
      'i.id',
      'i.author_id',
      'i.title',
      'i.summary',
      'i.problem',
      'i.audience',
      'i.summary_html',
      'i.summary_lead',
      'i.problem_html',
      'i.audience_html',
      'i.html_version',
      'i.languages',
      'i.regions',
      'i.skills',
      'i.stage',
      'i.phase',
      'i.seeking_lead',
      'i.quiet_since',
      'i.last_activity_at',
      'i.ended_at',
      'i.outcome',
      'i.created_at',
      'h.reason as hidden_reason',
      'h.automatic as hidden_automatic',
      sql<number>`(select count(*) from initiative_supporters s where s.initiative_id = i.id)`.as('supporters'),
      callState(today).as('call_state'),
      openPlaces.as('open_places'),
    ]);

export type InitiativeRow = Awaited<ReturnType<ReturnType<typeof selectInitiatives>['executeTakeFirstOrThrow']>>;

export const findInitiative = (db: Db, id: number, today: string): Promise<InitiativeRow | undefined> =>
  selectInitiatives(db, today).where('i.id', '=', id).executeTakeFirst();

/** Several initiatives by id, in no particular order. */
export const findInitiatives = (db: Db, ids: number[], today: string): Promise<InitiativeRow[]> =>
  ids.length ? selectInitiatives(db, today).where('i.id', 'in', ids).execute() : Promise.resolve([]);

// --- groups, leads, supporters

export const communitiesOf = (db: Db, ids: number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('initiative_communities as ic')
        .innerJoin('communities as c', 'c.id', 'ic.community_id')
        .select(['ic.initiative_id', 'c.id', 'c.slug', 'c.name'])
        .where('ic.initiative_id', 'in', ids)
        .orderBy('c.name_key')
        .execute();

export const leadsOf = (db: Db, ids: number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('initiative_leads as l')
        .innerJoin('users as u', 'u.id', 'l.user_id')
        .select(['l.initiative_id', 'l.user_id', ...personRefColumns('u')])
        .where('l.initiative_id', 'in', ids)
        .orderBy('l.since')
        .orderBy('l.user_id')
        .execute();

export async function isLead(db: Db, initiativeId: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('initiative_leads')
    .select('user_id')
    .where('initiative_id', '=', initiativeId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return !!row;
}

export const leadIds = async (db: Db, initiativeId: number): Promise<number[]> =>
  (await db.selectFrom('initiative_leads').select('user_id').where('initiative_id', '=', initiativeId).execute()).map(
    (r) => r.user_id,
  );

export async function addLead(db: Db, initiativeId: number, userId: number, at: Date): Promise<void> {
  await db
    .insertInto('initiative_leads')
    .values({ initiative_id: initiativeId, user_id: userId, since: at })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function removeLead(db: Db, initiativeId: number, userId: number): Promise<boolean> {
  const res = await db
    .deleteFrom('initiative_leads')
    .where('initiative_id', '=', initiativeId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** Community ids by slug; answers the slugs not found too. */
export async function communityIds(db: Db, slugs: string[]): Promise<{ ids: Map<string, number>; missing: string[] }> {
  const rows = slugs.length
    ? await db.selectFrom('communities').select(['id', 'slug']).where('slug', 'in', slugs).execute()
    : [];
  const ids = new Map(rows.map((r) => [r.slug, r.id]));
  return { ids, missing: slugs.filter((s) => !ids.has(s)) };
}

export async function setCommunities(db: Db, initiativeId: number, ids: number[]): Promise<void> {
  await db.deleteFrom('initiative_communities').where('initiative_id', '=', initiativeId).execute();
  if (ids.length)
    await db
      .insertInto('initiative_communities')
      .values(ids.map((community_id) => ({ initiative_id: initiativeId, community_id })))
      .execute();
}

export async function addSupporter(db: Db, initiativeId: number, userId: number, at: Date): Promise<boolean> {
  const rows = await db
    .insertInto('initiative_supporters')
    .values({ initiative_id: initiativeId, user_id: userId, created_at: at })
    .onConflict((oc) => oc.doNothing())
    .returning('user_id')
    .execute();
  return rows.length > 0;
}

export async function removeSupporter(db: Db, initiativeId: number, userId: number): Promise<boolean> {
  const res = await db
    .deleteFrom('initiative_supporters')
    .where('initiative_id', '=', initiativeId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function supports(db: Db, initiativeId: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('initiative_supporters')
    .select('user_id')
    .where('initiative_id', '=', initiativeId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return !!row;
}

/** Something happened: the initiative is alive (clears the inactivity flag). */
export async function touch(db: Db, id: number, at: Date): Promise<void> {
  await db
    .updateTable('initiatives')
    .set({ last_activity_at: at, quiet_since: null, updated_at: at })
    .where('id', '=', id)
    .execute();
}
