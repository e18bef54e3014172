// Group names no one can spoof: a new name (a group registered or renamed) is refused when another group has it
// regardless of letter case, or one that looks like it (the same confusable skeleton, text/skeleton.ts).
import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import { conflict } from '../../http/errors';
import { nameSkeleton } from '../../text/skeleton';
import { nameKey } from './slug';

/** The columns a group's name decides: its key (uniqueness regardless of case) and its skeleton (look-alikes). */
export const nameColumns = (name: string) => ({ name, name_key: nameKey(name), name_skeleton: nameSkeleton(name) });

/** Refuses (409, naming the other group) a name another group has or that looks like another group's. */
export async function ensureGroupNameFree(db: Db, name: string, exceptId: number | null = null): Promise<void> {
  const { name_key: key, name_skeleton: skeleton } = nameColumns(name);
  let q = db
    .selectFrom('communities')
    .select(['name', 'name_key', 'slug'])
    .where((eb) => eb.or([eb('name_key', '=', key), eb('name_skeleton', '=', skeleton)]));
  if (exceptId !== null) q = q.where('id', '<>', exceptId);
  const other = await q
    .orderBy(sql`name_key = ${key}`, 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!other) return;
  if (other.name_key === key) throw conflict('communities-name-taken', 'name', [name]);
  throw conflict('communities-name-looks-like', 'name', [name, other.name], {
    looksLike: { name: other.name, slug: other.slug },
  });
}

/** Fills the skeletons still empty (groups from before migrations/0027, or written by tools): idempotent. */
export async function fillGroupNameSkeletons(db: Db): Promise<number> {
  const rows = await db.selectFrom('communities').select(['id', 'name']).where('name_skeleton', 'is', null).execute();
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map((r) => sql`(${r.id}::bigint, ${nameSkeleton(r.name)})`);
    await sql`update communities set name_skeleton = v.s from (values ${sql.join(values)}) as v(id, s)
      where communities.id = v.id`.execute(db);
  }
  return rows.length;
}
