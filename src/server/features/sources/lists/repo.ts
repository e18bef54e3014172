// SQL for reading lists: the lists with their owner or group and their count, a list's items in order, and the
// writes (the items replaced in one statement each way).
import { sql } from 'kysely';
import { markdownColumns, markdownInsert } from '../../../markdown/stored';
import type { Db } from '../../../db/connection';
import { KEPT_COUNTS } from '../list-item';
import { RECORD_COLUMNS } from '../records-of-rows';

/** Lists aliased `l`, with their owner, their group and how many sources they hold. */
const selectLists = (db: Db) =>
  db
    .selectFrom('reading_lists as l')
    .leftJoin('users as u', 'u.id', 'l.owner_id')
    .leftJoin('communities as c', 'c.id', 'l.community_id')
    .select([
      'l.id',
      'l.title',
      'l.description',
      'l.description_html',
      'l.html_version',
      'l.owner_id',
      'l.community_id',
      'l.revision',
      'l.updated_at',
      'u.username',
      'u.display_name',
      'u.public_fields',
      'c.slug as community_slug',
      'c.name as community_name',
      sql<number>`(select count(*) from reading_list_items i where i.list_id = l.id)::int`.as('count'),
    ]);

export type ListRow = Awaited<ReturnType<ReturnType<typeof selectLists>['executeTakeFirstOrThrow']>>;

export const findList = (db: Db, id: number) => selectLists(db).where('l.id', '=', id).executeTakeFirst();

/** Newest changed first, after the cursor; a person's or a group's only when asked. */
export function listLists(
  db: Db,
  f: { ownerId?: number; communityId?: number },
  after: [string, number] | null,
  limit: number,
) {
  let q = selectLists(db);
  if (f.ownerId !== undefined) q = q.where('l.owner_id', '=', f.ownerId);
  if (f.communityId !== undefined) q = q.where('l.community_id', '=', f.communityId);
  if (after) q = q.where(sql<boolean>`(l.updated_at, l.id) < (${after[0]}::timestamptz, ${after[1]})`);
  return q.orderBy('l.updated_at', 'desc').orderBy('l.id', 'desc').limit(limit).execute();
}

/** The list's sources in order, with each source's headline, record and kept counts. */
export const itemsOf = (db: Db, listId: number) =>
  db
    .selectFrom('reading_list_items as i')
    .innerJoin('sources as s', 's.id', 'i.source_id')
    .select(['i.note', 'i.note_html', 'i.html_version as note_version', 'i.position'])
    .select(['s.id', ...RECORD_COLUMNS, ...KEPT_COUNTS])
    .where('i.list_id', '=', listId)
    .orderBy('i.position')
    .execute();

export type ItemRow = Awaited<ReturnType<typeof itemsOf>>[number];

export const findUserId = async (db: Db, username: string) =>
  (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst())?.id;

export const findCommunity = (db: Db, slug: string) =>
  db.selectFrom('communities').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();

/** Which of these ids are sources. */
export async function existingSources(db: Db, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('sources').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => Number(r.id)));
}

export async function insertList(
  db: Db,
  v: { title: string; description: string; ownerId: number | null; communityId: number | null; by: number; at: Date },
): Promise<number> {
  const row = await db
    .insertInto('reading_lists')
    .values({
      title: v.title,
      description: v.description,
      ...markdownInsert({ description: v.description }),
      owner_id: v.ownerId,
      community_id: v.communityId,
      created_by: v.by,
      created_at: v.at,
      updated_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The list's revision, its row locked until the transaction ends (undefined when it is gone). */
export const lockList = async (db: Db, id: number) =>
  (await db.selectFrom('reading_lists').select('revision').where('id', '=', id).forUpdate().executeTakeFirst())
    ?.revision;

export const updateList = (db: Db, id: number, v: { title?: string; description?: string }, at: Date) =>
  db
    .updateTable('reading_lists')
    .set((eb) => ({
      ...v,
      ...markdownColumns({ description: v.description }),
      revision: eb('revision', '+', 1),
      updated_at: at,
    }))
    .where('id', '=', id)
    .execute();

/** Replaces the list's items by these, in this order. */
export async function replaceItems(db: Db, listId: number, items: { sourceId: number; note: string }[]) {
  await db.deleteFrom('reading_list_items').where('list_id', '=', listId).execute();
  if (items.length)
    await db
      .insertInto('reading_list_items')
      .values(
        items.map((it, position) => ({
          list_id: listId,
          source_id: it.sourceId,
          position,
          note: it.note,
          ...markdownInsert({ note: it.note }),
        })),
      )
      .execute();
}

export const deleteList = (db: Db, id: number) => db.deleteFrom('reading_lists').where('id', '=', id).execute();
