import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import { membershipFilter } from '../communities';
import type { MarkFirstStepsBody } from './schema';

/** Everything the steps are judged by, in one query: the profile, a group, the marks. */
export const firstStepsOf = (db: Db, userId: number) =>
  db
    .selectFrom('users as u')
    .leftJoin('first_steps as f', 'f.user_id', 'u.id')
    .select((eb) => [
      'u.region',
      'u.languages',
      'u.interests',
      'f.telegram_done_at',
      'f.guides_done_at',
      'f.dismissed_at',
      // Membership is the communities feature's to say (a group of any kind).
      sql<boolean>`${membershipFilter(eb as unknown as Parameters<typeof membershipFilter>[0], {})}`.as('member'),
    ])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();

export type FirstStepsRow = Awaited<ReturnType<typeof firstStepsOf>>;

/** Sets the marks given (true: now, false: cleared) and leaves the others as they are. */
export async function saveMarks(db: Db, userId: number, marks: MarkFirstStepsBody, now: Date): Promise<void> {
  const at = (v: boolean | undefined) => (v === undefined ? undefined : v ? now : null);
  const changes = {
    telegram_done_at: at(marks.telegram),
    guides_done_at: at(marks.guides),
    dismissed_at: at(marks.dismissed),
    updated_at: now,
  };
  await db
    .insertInto('first_steps')
    .values({ user_id: userId, ...changes })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(changes))
    .execute();
}
