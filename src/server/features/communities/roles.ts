// A person's roles in groups: coordinator and (current) ambassador. Other features ask through these
// functions, never by reading the communities tables themselves.
import { sql } from 'kysely';
import type { Db } from '../../db/connection';

export interface CommunityRoles {
  member: boolean;
  coordinator: boolean;
  /** An ambassador term of this group that is current today. */
  ambassador: boolean;
}

/** Today's date in UTC as 'YYYY-MM-DD': terms are calendar dates. */
export const todayUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/** Whether an ambassador term is current on `today`: started, and not yet past its end date. */
export const isCurrentTerm = (t: { start_date: string; end_date: string | null }, today: string): boolean =>
  t.start_date <= today && (t.end_date === null || t.end_date >= today);

export async function rolesInCommunity(
  db: Db,
  userId: number,
  communityId: number,
  today = todayUtc(),
): Promise<CommunityRoles> {
  const row = await db
    .selectFrom('communities as c')
    .select((eb) => [
      eb
        .selectFrom('community_members as m')
        .select('m.role')
        .whereRef('m.community_id', '=', 'c.id')
        .where('m.user_id', '=', userId)
        .as('role'),
      eb
        .exists(
          eb
            .selectFrom('ambassador_terms as t')
            .select(sql`1`.as('one'))
            .whereRef('t.community_id', '=', 'c.id')
            .where('t.user_id', '=', userId)
            .where('t.start_date', '<=', today)
            .where((w) => w.or([w('t.end_date', 'is', null), w('t.end_date', '>=', today)])),
        )
        .as('ambassador'),
    ])
    .where('c.id', '=', communityId)
    .executeTakeFirst();
  return { member: !!row?.role, coordinator: row?.role === 'coordinator', ambassador: !!row?.ambassador };
}

/** Ids of the groups where the person is a coordinator or a current ambassador (who may post updates for them). */
export async function communitiesLedBy(db: Db, userId: number, today = todayUtc()): Promise<number[]> {
  const rows = await db
    .selectFrom('community_members')
    .select('community_id')
    .where('user_id', '=', userId)
    .where('role', '=', 'coordinator')
    .union(
      db
        .selectFrom('ambassador_terms')
        .select('community_id')
        .where('user_id', '=', userId)
        .where('start_date', '<=', today)
        .where((w) => w.or([w('end_date', 'is', null), w('end_date', '>=', today)])),
    )
    .execute();
  return rows.map((r) => r.community_id);
}

/** Whether `coordinatorId` coordinates a group that `personId` is a member of or holds an ambassador term in. */
export async function coordinatesGroupOf(db: Db, coordinatorId: number, personId: number): Promise<boolean> {
  const row = await db
    .selectFrom('community_members as c')
    .select('c.community_id')
    .where('c.user_id', '=', coordinatorId)
    .where('c.role', '=', 'coordinator')
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('community_members as m')
            .select(sql`1`.as('one'))
            .whereRef('m.community_id', '=', 'c.community_id')
            .where('m.user_id', '=', personId),
        ),
        eb.exists(
          eb
            .selectFrom('ambassador_terms as t')
            .select(sql`1`.as('one'))
            .whereRef('t.community_id', '=', 'c.community_id')
            .where('t.user_id', '=', personId),
        ),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/** Every ambassador term of a group (past ones too), by its slug; null when there is no such group. */
export async function ambassadorTermsOfGroup(
  db: Db,
  slug: string,
): Promise<{ user_id: number; start_date: string; end_date: string | null }[] | null> {
  const group = await db.selectFrom('communities').select('id').where('slug', '=', slug).executeTakeFirst();
  if (!group) return null;
  return db
    .selectFrom('ambassador_terms')
    .select(['user_id', 'start_date', 'end_date'])
    .where('community_id', '=', group.id)
    .execute();
}
