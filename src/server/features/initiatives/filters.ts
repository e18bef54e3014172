// The filters the board and the archive share: region, language, group and skill. Checked once from a query
// (a malformed value is a field error naming its parameter; a group that does not exist matches nothing), and
// written once as SQL conditions on initiatives aliased `i`.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { isMediaWikiLanguage } from '../../../contracts/mediawiki-languages';
import { isRegion } from '../../../contracts/regions';
import { isSkill } from '../../../contracts/skills';
import type { Db } from '../../db/connection';
import type { FieldError } from '../../http/errors';

export interface SharedFilters {
  region?: string;
  language?: string;
  /** A group's id; -1 for a group that does not exist (nothing matches). */
  communityId?: number;
  skill?: string;
}

export interface SharedQuery {
  region?: string;
  language?: string;
  community?: string;
  skill?: string;
}

/** `%word%` for ILIKE, with LIKE's own characters taken literally. */
export const likeWord = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Region, language and skill from a query; each malformed one adds a field error. */
export function checkSharedFilters(q: SharedQuery, errors: FieldError[]): Omit<SharedFilters, 'communityId'> {
  const f: SharedFilters = {};
  if (q.region) {
    if (isRegion(q.region)) f.region = q.region;
    else errors.push({ field: 'region', message: 'validation-invalid-choice' });
  }
  if (q.language) {
    if (isMediaWikiLanguage(q.language)) f.language = q.language;
    else errors.push({ field: 'language', message: 'initiatives-language-unknown' });
  }
  if (q.skill) {
    if (isSkill(q.skill)) f.skill = q.skill;
    else errors.push({ field: 'skill', message: 'validation-invalid-choice' });
  }
  return f;
}

/** The group filter: its id, or -1 when no group has that address. Read after the other checks passed. */
export async function communityFilter(db: Db, slug: string | undefined): Promise<Pick<SharedFilters, 'communityId'>> {
  if (!slug) return {};
  const row = await db.selectFrom('communities').select('id').where('slug', '=', slug).executeTakeFirst();
  return { communityId: row?.id ?? -1 };
}

/** The shared filters as conditions on `initiatives i`. */
export function sharedConds(f: SharedFilters): RawBuilder<SqlBool>[] {
  const conds: RawBuilder<SqlBool>[] = [];
  if (f.region) conds.push(sql<SqlBool>`i.regions @> array[${f.region}]::text[]`);
  if (f.language) conds.push(sql<SqlBool>`i.languages @> array[${f.language}]::text[]`);
  if (f.communityId !== undefined) {
    conds.push(
      sql<SqlBool>`exists (select 1 from initiative_communities ic where ic.initiative_id = i.id and ic.community_id = ${f.communityId})`,
    );
  }
  if (f.skill) {
    // Its own skills, or those its call's jobs ask for.
    conds.push(sql<SqlBool>`(i.skills @> array[${f.skill}]::text[] or exists (select 1 from initiative_jobs j
      where j.initiative_id = i.id and j.skills @> array[${f.skill}]::text[]))`);
  }
  return conds;
}
