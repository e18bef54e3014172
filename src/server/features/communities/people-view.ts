// What the people feature shows of someone's groups and terms, and the directory filters that depend on
// groups. People ask through these functions, never by reading the communities tables themselves.
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/connection';
import type { Database } from '../../db/tables';

/** Whether a term is current on `today`: started, and not yet past its end date. */
export const currentTerm = (alias: string, today: string) =>
  sql<SqlBool>`(${sql.ref(`${alias}.start_date`)} <= ${today} and (${sql.ref(`${alias}.end_date`)} is null or ${sql.ref(`${alias}.end_date`)} >= ${today}))`;

/** The groups of several people at once (one query for a whole page of the directory). */
export function groupsOfPeople(db: Db, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('community_members as m')
    .innerJoin('communities as c', 'c.id', 'm.community_id')
    .select(['m.user_id', 'm.role', 'm.joined_at', 'c.slug', 'c.name', 'c.kind', 'c.is_partner'])
    .where('m.user_id', 'in', userIds)
    .orderBy('c.name_key')
    .execute();
}

/** Ambassador terms of several people; with `today`, only the current ones. */
export function termsOfPeople(db: Db, userIds: number[], today?: string) {
  if (userIds.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('ambassador_terms as t')
    .innerJoin('communities as c', 'c.id', 't.community_id')
    .select(['t.user_id', 't.start_date', 't.end_date', 'c.slug', 'c.name'])
    .where('t.user_id', 'in', userIds);
  if (today) q = q.where(currentTerm('t', today));
  return q.orderBy('t.start_date', 'desc').orderBy('t.id', 'desc').execute();
}

type UsersEb = ExpressionBuilder<Database & { u: Database['users'] }, 'u'>;

/** "Member of a group of this kind / of a partner group (or of none, with partner false)". */
export function membershipFilter(eb: UsersEb, opts: { kind?: string; partner?: boolean }): Expression<SqlBool> {
  const groups = (partnerOnly: boolean) => {
    let sub = eb
      .selectFrom('community_members as fm')
      .innerJoin('communities as fc', 'fc.id', 'fm.community_id')
      .select(sql`1`.as('one'))
      .whereRef('fm.user_id', '=', 'u.id');
    if (opts.kind) sub = sub.where('fc.kind', '=', opts.kind);
    if (partnerOnly) sub = sub.where('fc.is_partner', '=', true);
    return sub;
  };
  if (opts.partner === false) {
    // Not a member of any partner group (restricted to the kind when one is given).
    const parts: Expression<SqlBool>[] = [eb.not(eb.exists(groups(true)))];
    if (opts.kind) parts.push(eb.exists(groups(false)));
    return eb.and(parts);
  }
  return eb.exists(groups(opts.partner === true));
}

/** "Has an ambassador term current today" (or has none, with `is` false). */
export function ambassadorFilter(eb: UsersEb, is: boolean, today: string): Expression<SqlBool> {
  const sub = eb
    .selectFrom('ambassador_terms as ft')
    .select(sql`1`.as('one'))
    .whereRef('ft.user_id', '=', 'u.id')
    .where(currentTerm('ft', today));
  return is ? eb.exists(sub) : eb.not(eb.exists(sub));
}
