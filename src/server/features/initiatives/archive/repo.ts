// SQL for the archive of past initiatives (archived and discontinued): search words in the title, summary
// and the evaluation's lessons, filters, and keyset pages newest ended first. The search and the order use
// indexes: initiatives_archive_idx (0011) for the order, trigram indexes on the archive's titles and summaries
// and on the evaluations' texts for words (0013).
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ArchiveOutcome } from '../../../../contracts/initiatives-archive';
import type { Db } from '../../../db/connection';
import { notHidden } from '../../moderation';
import { likeWord, sharedConds, type SharedFilters } from '../filters';

/** The archive's filters, checked by the service. */
export interface ArchiveFilters extends SharedFilters {
  /** Words that must each appear (anywhere, any case) in the title, summary, lessons or what they'd do differently. */
  words: string[];
  year?: number;
  outcome?: ArchiveOutcome;
}

/** What every page of the archive with these filters holds, words aside, after the cursor `after`. */
function baseConds(f: ArchiveFilters, after: [string, number] | null): RawBuilder<SqlBool>[] {
  // Initiatives hidden by moderation leave the archive and its downloads.
  const conds: RawBuilder<SqlBool>[] = [
    sql<SqlBool>`i.stage in ('archived', 'discontinued')`,
    sql<SqlBool>`i.ended_at is not null`,
    notHidden('initiative', 'i.id'),
  ];
  if (after) conds.push(sql<SqlBool>`(i.ended_at, i.id) < (${new Date(after[0])}::timestamptz, ${after[1]}::bigint)`);
  conds.push(...sharedConds(f));
  if (f.year !== undefined) {
    conds.push(
      sql<SqlBool>`i.ended_at >= ${`${f.year}-01-01T00:00:00Z`}::timestamptz and i.ended_at < ${`${f.year + 1}-01-01T00:00:00Z`}::timestamptz`,
    );
  }
  switch (f.outcome) {
    case undefined:
      break;
    case 'completed':
      conds.push(sql<SqlBool>`i.stage = 'archived'`);
      break;
    case 'discontinued':
      conds.push(sql<SqlBool>`i.stage = 'discontinued'`);
      break;
    case 'not_evaluated':
      conds.push(sql<SqlBool>`not exists (select 1 from initiative_evaluations e where e.initiative_id = i.id)`);
      break;
    default:
      // The evaluation's overall result, kept on the initiative when it is evaluated.
      conds.push(sql<SqlBool>`i.outcome = ${f.outcome}`);
  }
  return conds;
}

const and = (conds: RawBuilder<SqlBool>[]) => sql<SqlBool>`(${sql.join(conds, sql` and `)})`;

/** Trigram indexes find words of three characters or more; shorter ones are read row by row. */
const indexable = (w: string) => [...w].length >= 3;

/** Each word in the title and summary or in the lessons, found through the trigram indexes (0013, 0015). */
const indexedWords = (words: string[]) =>
  words.map((w) => sql<SqlBool>`i.id in (select initiative_archive_word_ids(${likeWord(w)}))`);

/** Each word in the title and summary or in the lessons, read row by row (of the initiatives aliased `alias`). */
const rowWords = (words: string[], alias: 'w' | 'i') =>
  words.map(
    (w) => sql<SqlBool>`((${sql.ref(`${alias}.title`)} || ' ' || ${sql.ref(`${alias}.summary`)}) ilike ${likeWord(w)}
      or coalesce((select e.lessons || ' ' || e.differently from initiative_evaluations e where e.initiative_id = ${sql.ref(`${alias}.id`)}), '') ilike ${likeWord(w)})`,
  );

/** How many of the newest ended initiatives (with the filters) are read row by row before the indexes are asked. */
const WALK = 400;

/**
 * One page of the archive, newest ended first; `after` is [ended_at ISO, id] of the previous page's last.
 * With words, two ways. A common word fills a page within the newest few hundred initiatives: reading them in
 * order and stopping at a full page costs the same whatever the archive's size. A rare one does not: then the
 * trigram indexes find every match and the newest are taken, which costs as much as there are matches (the
 * lookup is a function with sequential scans off, migrations/0015: the planner misprices ILIKE on lessons).
 */
export async function listArchived(
  db: Db,
  f: ArchiveFilters,
  after: [string, number] | null,
  limit: number,
  walk = WALK,
) {
  const base = baseConds(f, after);
  if (!f.words.length) return selectArchived(db, and(base), limit);
  const walked = await selectArchived(
    db,
    sql<SqlBool>`i.id in (select w.id from (
      select i.id, i.ended_at, i.title, i.summary from initiatives i where ${and(base)} order by i.ended_at desc, i.id desc limit ${walk}
    ) w where ${and(rowWords(f.words, 'w'))} order by w.ended_at desc, w.id desc limit ${limit + 1})`,
    limit,
  );
  if (walked.length > limit) return walked;
  // Fewer than `walk` initiatives from here on (a late page, narrow filters): the walk read them all, and what it
  // found is the whole answer.
  const seen = await sql<{
    n: number;
  }>`select count(*)::int as n from (select 1 from initiatives i where ${and(base)} limit ${walk}) x`.execute(db);
  if (Number(seen.rows[0]?.n ?? 0) < walk) return walked;
  const long = f.words.filter(indexable);
  return selectArchived(
    db,
    and([
      ...base,
      ...indexedWords(long),
      ...rowWords(
        f.words.filter((w) => !indexable(w)),
        'i',
      ),
    ]),
    limit,
  );
}

function selectArchived(db: Db, where: RawBuilder<SqlBool>, limit: number) {
  return db
    .selectFrom('initiatives as i')
    .leftJoin('initiative_evaluations as e', 'e.initiative_id', 'i.id')
    .select([
      'i.id',
      'i.title',
      'i.summary',
      'i.summary_lead',
      'i.html_version',
      'i.problem',
      'i.audience',
      'i.languages',
      'i.regions',
      'i.skills',
      'i.stage',
      'i.outcome',
      'i.created_at',
      'i.ended_at',
      'e.lessons',
      'e.lessons_lead',
      'e.html_version as lessons_version',
      'e.differently',
      'e.documentation',
      'e.outcomes',
      'e.reached',
      sql<number>`(select count(*) from initiative_signups s where s.initiative_id = i.id and s.status = 'accepted')`.as(
        'people',
      ),
      // Its groups and leads in the same statement: a page of the archive is one query.
      sql<
        { slug: string; name: string }[]
      >`(select coalesce(json_agg(json_build_object('slug', c.slug, 'name', c.name) order by c.name_key), '[]'::json)
        from initiative_communities ic join communities c on c.id = ic.community_id where ic.initiative_id = i.id)`.as(
        'communities',
      ),
      sql<
        { username: string; display_name: string | null; public_fields: string[] }[]
      >`(select coalesce(json_agg(json_build_object('username', u.username, 'display_name', u.display_name, 'public_fields', u.public_fields) order by l.since, l.user_id), '[]'::json)
        from initiative_leads l join users u on u.id = l.user_id where l.initiative_id = i.id)`.as('leads'),
    ])
    .where(where)
    .orderBy('i.ended_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export type ArchivedRow = Awaited<ReturnType<typeof selectArchived>>[number];
