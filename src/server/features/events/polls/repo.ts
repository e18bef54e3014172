// What time polls read and write. Invitees are resolved when read: people named, the current members of named
// groups, and, when the poll asks them, every ambassador whose term is current (as the communities feature
// keeps them), so a group's newcomer is asked too.
import { sql } from 'kysely';
import type { Db } from '../../../db/connection';
import { currentTerm } from '../../communities';

export const findPoll = (db: Db, id: number) =>
  db.selectFrom('time_polls').selectAll().where('id', '=', id).executeTakeFirst();
export type PollRow = NonNullable<Awaited<ReturnType<typeof findPoll>>>;

export const slotsOf = (db: Db, pollId: number) =>
  db.selectFrom('time_poll_slots').selectAll().where('poll_id', '=', pollId).orderBy('slot').execute();

/** The ids of everyone the poll asks, as a subquery-free union (a few hundred at most). */
export async function inviteeIds(db: Db, poll: PollRow, today: string): Promise<number[]> {
  const named = db
    .selectFrom('time_poll_invitees')
    .select('user_id as id')
    .where('poll_id', '=', poll.id)
    .where('user_id', 'is not', null);
  let q = named.union(
    db
      .selectFrom('time_poll_invitees as i')
      .innerJoin('community_members as m', 'm.community_id', 'i.community_id')
      .select('m.user_id as id')
      .where('i.poll_id', '=', poll.id),
  );
  if (poll.invite_ambassadors)
    q = q.union(db.selectFrom('ambassador_terms as t').select('t.user_id as id').where(currentTerm('t', today)));
  const rows = await q.execute();
  return [...new Set(rows.map((r) => Number(r.id)))];
}

/** Whether one person is invited (the same three ways, one query). */
export async function isInvited(db: Db, poll: PollRow, userId: number, today: string): Promise<boolean> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .or([
          eb.exists(
            eb
              .selectFrom('time_poll_invitees')
              .select(sql`1`.as('one'))
              .where('poll_id', '=', poll.id)
              .where('user_id', '=', userId),
          ),
          eb.exists(
            eb
              .selectFrom('time_poll_invitees as i')
              .innerJoin('community_members as m', 'm.community_id', 'i.community_id')
              .select(sql`1`.as('one'))
              .where('i.poll_id', '=', poll.id)
              .where('m.user_id', '=', userId),
          ),
          poll.invite_ambassadors
            ? eb.exists(
                eb
                  .selectFrom('ambassador_terms as t')
                  .select(sql`1`.as('one'))
                  .where('t.user_id', '=', userId)
                  .where(currentTerm('t', today)),
              )
            : sql<boolean>`false`,
        ])
        .as('invited'),
    ])
    .executeTakeFirstOrThrow();
  return !!row.invited;
}

export const answersOf = (db: Db, pollId: number) =>
  db
    .selectFrom('time_poll_answers')
    .select(['user_id', 'slot', 'answer', 'timezone'])
    .where('poll_id', '=', pollId)
    .execute();

export const peopleByIds = (db: Db, ids: number[]) =>
  ids.length
    ? db
        .selectFrom('users')
        .select(['id', 'username', 'display_name', 'public_fields', 'time_zone'])
        .where('id', 'in', ids)
        .where('blocked_at', 'is', null)
        .execute()
    : Promise.resolve([]);

export const usersByKeys = (db: Db, keys: string[]) =>
  keys.length
    ? db.selectFrom('users').select(['id', 'username_key']).where('username_key', 'in', keys).execute()
    : Promise.resolve([]);

export const communitiesBySlugs = (db: Db, slugs: string[]) =>
  slugs.length
    ? db.selectFrom('communities').select(['id', 'slug']).where('slug', 'in', slugs).execute()
    : Promise.resolve([]);
