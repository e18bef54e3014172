// SQL for an initiative's sources: its links with each source's headline and who added it.
import type { Db } from '../../../db/connection';
import { RECORD_COLUMNS } from '../records-of-rows';

/** The initiative's sources, in the order they were added. */
export const linksOf = (db: Db, initiativeId: number) =>
  db
    .selectFrom('initiative_sources as l')
    .innerJoin('sources as s', 's.id', 'l.source_id')
    .leftJoin('users as u', 'u.id', 'l.added_by')
    .select([
      'l.source_id',
      'l.note',
      'l.created_at',
      ...RECORD_COLUMNS,
      'u.username',
      'u.display_name',
      'u.public_fields',
    ])
    .where('l.initiative_id', '=', initiativeId)
    .orderBy('l.created_at')
    .orderBy('l.source_id')
    .execute();

export type LinkRow = Awaited<ReturnType<typeof linksOf>>[number];

export const sourceExists = async (db: Db, id: number) =>
  !!(await db.selectFrom('sources').select('id').where('id', '=', id).executeTakeFirst());

/** Adds the link; false when the initiative already names the source (the primary key decides). */
export async function insertLink(
  db: Db,
  v: { initiativeId: number; sourceId: number; note: string; addedBy: number; at: Date },
): Promise<boolean> {
  const row = await db
    .insertInto('initiative_sources')
    .values({
      initiative_id: v.initiativeId,
      source_id: v.sourceId,
      note: v.note,
      added_by: v.addedBy,
      created_at: v.at,
    })
    .onConflict((oc) => oc.columns(['initiative_id', 'source_id']).doNothing())
    .returning('source_id')
    .executeTakeFirst();
  return !!row;
}

/** Removes the link; false when there was none. */
export async function deleteLink(db: Db, initiativeId: number, sourceId: number): Promise<boolean> {
  const r = await db
    .deleteFrom('initiative_sources')
    .where('initiative_id', '=', initiativeId)
    .where('source_id', '=', sourceId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
