// SQL for debates. A debate's page is two queries: the debate, then all its arguments with their support
// counts and whether the viewer supports each.
import { sql } from 'kysely';
import { markdownColumns, markdownInsert } from '../../markdown/stored';
import type { Db } from '../../db/connection';
import { notHidden } from '../moderation';

// Arguments hidden by moderation do not count.
const argumentCount = sql<number>`(select count(*) from debate_arguments da where da.debate_id = d.id and ${notHidden('argument', 'da.id')})`;

const selectDebates = (db: Db) =>
  db
    .selectFrom('debates as d')
    .leftJoin('users as o', 'o.id', 'd.opener_id')
    .leftJoin('users as cb', 'cb.id', 'd.closed_by')
    .leftJoin('moderation_hidden as h', (j) => j.on('h.subject_type', '=', 'debate').onRef('h.subject_id', '=', 'd.id'))
    .select([
      'd.id',
      'd.opener_id',
      'd.title',
      'd.framing',
      'd.framing_html',
      'd.conclusion_html',
      'd.html_version',
      'd.language',
      'd.status',
      'd.conclusion',
      'd.closed_at',
      'd.created_at',
      'o.username as opener_username',
      'o.display_name as opener_display_name',
      'o.public_fields as opener_public_fields',
      'cb.username as closer_username',
      'cb.display_name as closer_display_name',
      'cb.public_fields as closer_public_fields',
      'h.reason as hidden_reason',
      'h.automatic as hidden_automatic',
      argumentCount.as('argument_count'),
    ]);

export type DebateRow = Awaited<ReturnType<ReturnType<typeof selectDebates>['executeTakeFirstOrThrow']>>;

export const findDebate = (db: Db, id: number): Promise<DebateRow | undefined> =>
  selectDebates(db).where('d.id', '=', id).executeTakeFirst();

/** Open debates first, then newest first; `after` is [status, created_at ISO, id] of the previous page's last. Hidden ones leave the list. */
export function listDebates(db: Db, after: [string, string, number] | null, limit: number): Promise<DebateRow[]> {
  let q = selectDebates(db).where(notHidden('debate', 'd.id'));
  if (after)
    q = q.where(
      sql<boolean>`(d.status, d.created_at, d.id) < (${after[0]}, ${new Date(after[1])}::timestamptz, ${after[2]}::bigint)`,
    );
  return q
    .orderBy('d.status', 'desc')
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export const insertDebate = (
  db: Db,
  v: { openerId: number; title: string; framing: string; language: string; at: Date },
) =>
  db
    .insertInto('debates')
    .values({
      opener_id: v.openerId,
      title: v.title,
      framing: v.framing,
      ...markdownInsert({ framing: v.framing, conclusion: null }),
      language: v.language,
      created_at: v.at,
      conclusion: null,
      closed_by: null,
      closed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

export const closeDebate = (db: Db, id: number, v: { conclusion: string; by: number; at: Date }) =>
  db
    .updateTable('debates')
    .set({
      status: 'closed',
      conclusion: v.conclusion,
      ...markdownColumns({ conclusion: v.conclusion }),
      closed_by: v.by,
      closed_at: v.at,
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();

export function argumentsOf(db: Db, debateId: number, viewerId: number | null) {
  return db
    .selectFrom('debate_arguments as a')
    .leftJoin('users as u', 'u.id', 'a.author_id')
    .leftJoin('moderation_hidden as h', (j) =>
      j.on('h.subject_type', '=', 'argument').onRef('h.subject_id', '=', 'a.id'),
    )
    .select([
      'a.id',
      'a.author_id',
      'a.stance',
      'a.body',
      'a.body_html',
      'a.body_lead',
      'a.html_version',
      'a.created_at',
      'u.username as author_username',
      'u.display_name as author_display_name',
      'u.public_fields as author_public_fields',
      'h.reason as hidden_reason',
      'h.automatic as hidden_automatic',
      sql<number>`(select count(*) from argument_supports s where s.argument_id = a.id)`.as('supports'),
      sql<boolean>`exists (select 1 from argument_supports s where s.argument_id = a.id and s.user_id = ${viewerId ?? 0})`.as(
        'supported',
      ),
    ])
    .where('a.debate_id', '=', debateId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .limit(1000)
    .execute();
}

export type ArgumentRow = Awaited<ReturnType<typeof argumentsOf>>[number];

export const findArgument = (db: Db, id: number) =>
  db
    .selectFrom('debate_arguments as a')
    .innerJoin('debates as d', 'd.id', 'a.debate_id')
    .select([
      'a.id',
      'a.debate_id',
      'a.body',
      'a.body_lead',
      'a.html_version',
      'd.title as debate_title',
      'd.status as debate_status',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();

export const insertArgument = (
  db: Db,
  v: { debateId: number; authorId: number; stance: 'for' | 'against' | 'neutral'; body: string; at: Date },
) =>
  db
    .insertInto('debate_arguments')
    .values({
      debate_id: v.debateId,
      author_id: v.authorId,
      stance: v.stance,
      body: v.body,
      ...markdownInsert({ body: v.body }, ['body']),
      created_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

/** Adds a support; false when the person already supports the argument. */
export async function addSupport(db: Db, argumentId: number, userId: number): Promise<boolean> {
  const rows = await db
    .insertInto('argument_supports')
    .values({ argument_id: argumentId, user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .returning('argument_id')
    .execute();
  return rows.length > 0;
}

export async function removeSupport(db: Db, argumentId: number, userId: number): Promise<boolean> {
  const res = await db
    .deleteFrom('argument_supports')
    .where('argument_id', '=', argumentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function supportCount(db: Db, argumentId: number): Promise<number> {
  const row = await db
    .selectFrom('argument_supports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('argument_id', '=', argumentId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Who took part in a debate: its opener, its arguers, and who commented on it or replied under an argument (a
 * deleted comment no longer says who wrote it). */
export async function debateParticipants(db: Db, debateId: number): Promise<number[]> {
  const rows = await sql<{ id: number | null }>`
    select opener_id as id from debates where id = ${debateId}
    union select author_id from debate_arguments where debate_id = ${debateId}
    union select c.author_id from comments c
      where c.deleted_at is null and (
        (c.subject_type = 'debate' and c.subject_id = ${debateId})
        or (c.subject_type = 'argument' and c.subject_id in (select id from debate_arguments where debate_id = ${debateId})))
    limit 500`.execute(db);
  return rows.rows.flatMap((r) => (r.id === null ? [] : [Number(r.id)]));
}
