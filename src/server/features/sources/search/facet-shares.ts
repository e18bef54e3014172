// Each filter value's share of the sources, as the planner's statistics know it (pg_stats on sources.facets), so
// the search can tell a rare combination of filters before reading a single source: when the next sources in
// order would hold fewer matches than a page, the facets index is asked at once instead of walking them first.
// The statistics are read at most once every ten minutes per database handle; where there are none (no ANALYZE
// yet, as on a fresh embedded database), nothing is known and the search walks as before.
import { sql } from 'kysely';
import type { Db } from '../../../db/connection';

const FRESH_MS = 10 * 60_000;

interface Shares {
  at: number;
  /** null: no statistics. */
  of: Map<string, number> | null;
  /** The share assumed for a value the statistics do not list (half the least listed, as PostgreSQL assumes). */
  unlisted: number;
}

const kept = new WeakMap<Db, Shares>();

async function read(db: Db): Promise<Shares> {
  const { rows } = await sql<{ elems: string[] | null; freqs: number[] | null }>`
    select most_common_elems::text::text[] as elems, most_common_elem_freqs as freqs from pg_stats
    where schemaname = current_schema() and tablename = 'sources' and attname = 'facets'`.execute(db);
  const row = rows[0];
  if (!row?.elems || !row.freqs) return { at: Date.now(), of: null, unlisted: 0 };
  const of = new Map(row.elems.map((e, i) => [e, Number(row.freqs![i])]));
  // After the elements' own frequencies come the least and the greatest of them, then the share of nulls.
  const least = Number(row.freqs[row.elems.length] ?? 0);
  return { at: Date.now(), of, unlisted: least / 2 };
}

/**
 * The expected share of sources having every one of `facets` (the product of their shares, as if independent),
 * or null when the statistics say nothing.
 */
export async function expectedShare(db: Db, facets: string[], now = Date.now()): Promise<number | null> {
  let shares = kept.get(db);
  if (!shares || now - shares.at > FRESH_MS) {
    shares = await read(db);
    kept.set(db, shares);
  }
  const of = shares.of;
  if (!of) return null;
  return facets.reduce((p, f) => p * (of.get(f) ?? shares.unlisted), 1);
}
