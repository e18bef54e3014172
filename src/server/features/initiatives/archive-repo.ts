// SQL for the archive of past initiatives (archived and discontinued): search words in the title, summary
// and the evaluation's lessons, filters, and keyset pages newest ended first. The search and the order use
// indexes: initiatives_archive_idx (0011) for the order, trigram indexes on the archive's titles and summaries
// and on the evaluations' texts for words (0013).
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/connection';
import type { ArchiveOutcome } from '../../../contracts/initiatives-archive';
import { notHidden } from '../moderation/visibility';

/** The archive's filters, checked by the service. */
export interface ArchiveFilters {
  /** Words that must each appear (anywhere, any case) in the title, summary, lessons or what they'd do differently. */
  words: string[];
  region?: string;
  language?: string;
  /** A group's id; -1 for a group that does not exist (nothing matches). */
  communityId?: number;
  skill?: string;
  year?: number;
  outcome?: ArchiveOutcome;
}

/** `%word%` for ILIKE, with LIKE's own characters taken literally. */
export const likeWord = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function archiveWhere(f: ArchiveFilters): RawBuilder<SqlBool> {
  // Initiatives hidden by moderation leave the archive and its downloads.
  const conds: RawBuilder<SqlBool>[] = [sql<SqlBool>`i.stage in ('archived', 'discontinued')`, sql<SqlBool>`i.ended_at is not null`, notHidden('initiative', 'i.id')];
  for (const w of f.words) {
    // Each side of the union is answered by its own trigram index (0013).
    conds.push(sql<SqlBool>`i.id in (
      select t.id from initiatives t where t.stage in ('archived', 'discontinued') and (t.title || ' ' || t.summary) ilike ${likeWord(w)}
      union
      select e.initiative_id from initiative_evaluations e where (e.lessons || ' ' || e.differently) ilike ${likeWord(w)})`);
  }
  if (f.region) conds.push(sql<SqlBool>`i.regions @> array[${f.region}]::text[]`);
  if (f.language) conds.push(sql<SqlBool>`i.languages @> array[${f.language}]::text[]`);
  if (f.communityId !== undefined) {
    conds.push(sql<SqlBool>`exists (select 1 from initiative_communities ic where ic.initiative_id = i.id and ic.community_id = ${f.communityId})`);
  }
  if (f.skill) {
    conds.push(sql<SqlBool>`(i.skills @> array[${f.skill}]::text[] or exists (select 1 from initiative_jobs j
      where j.initiative_id = i.id and j.skills @> array[${f.skill}]::text[]))`);
  }
  if (f.year !== undefined) {
    conds.push(sql<SqlBool>`i.ended_at >= ${`${f.year}-01-01T00:00:00Z`}::timestamptz and i.ended_at < ${`${f.year + 1}-01-01T00:00:00Z`}::timestamptz`);
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
  return sql<SqlBool>`(${sql.join(conds, sql` and `)})`;
}

/**
 * One page of the archive, newest ended first; `after` is [ended_at ISO, id] of the previous page's last.
 * With words to find, the planner is told to prefer the trigram indexes: it prices ILIKE on a whole table of
 * lessons as cheap and scans them all when a word is common (3.7 ms against 0.5 ms at 3,500 evaluations, and
 * growing with the archive), so the query runs in a transaction of its own with sequential scans off.
 */
export function listArchived(db: Db, f: ArchiveFilters, after: [string, number] | null, limit: number) {
  if (!f.words.length) return selectArchived(db, f, after, limit);
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    return selectArchived(trx, f, after, limit);
  });
}

function selectArchived(db: Db, f: ArchiveFilters, after: [string, number] | null, limit: number) {
  let q = db
    .selectFrom('initiatives as i')
    .leftJoin('initiative_evaluations as e', 'e.initiative_id', 'i.id')
    .select([
      'i.id',
      'i.title',
      'i.summary',
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
      'e.differently',
      'e.documentation',
      'e.outcomes',
      'e.reached',
      sql<number>`(select count(*) from initiative_signups s where s.initiative_id = i.id and s.status = 'accepted')`.as('people'),
    ])
    .where(archiveWhere(f));
  if (after) q = q.where(sql<SqlBool>`(i.ended_at, i.id) < (${new Date(after[0])}::timestamptz, ${after[1]}::bigint)`);
  return q.orderBy('i.ended_at', 'desc').orderBy('i.id', 'desc').limit(limit + 1).execute();
}

export type ArchivedRow = Awaited<ReturnType<typeof selectArchived>>[number];
