// SQL for Community Updates. Groups are read here by slug only (id, slug, name): a tiny read of the
// communities table, so this feature does not wait on the communities service.
import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import { markdownColumns, leadColumns, markdownInsert } from '../../markdown/stored';
import { notHidden } from '../moderation';

export interface CommunityRef {
  id: number;
  slug: string;
  name: string;
}

export const findCommunityBySlug = (db: Db, slug: string): Promise<CommunityRef | undefined> =>
  db.selectFrom('communities').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();

/** Groups by id, ordered by name (the groups a person may post for). */
export const communitiesByIds = (db: Db, ids: number[]) =>
  ids.length === 0
    ? Promise.resolve([] as CommunityRef[])
    : db
        .selectFrom('communities')
        .select(['id', 'slug', 'name'])
        .where('id', 'in', ids)
        .orderBy('name')
        .orderBy('id')
        .execute();

export const allCommunities = (db: Db, limit: number) =>
  db.selectFrom('communities').select(['id', 'slug', 'name']).orderBy('name').orderBy('id').limit(limit).execute();

const updateColumns = [
  'u.id',
  'u.title',
  'u.body',
  'u.body_html',
  'u.body_lead',
  'u.html_version',
  'u.language',
  'u.is_demo',
  'u.published_at',
  'u.updated_at',
  'u.author_id',
  'c.slug as community_slug',
  'c.name as community_name',
  'a.username as author_username',
  'a.display_name as author_display_name',
  'a.public_fields as author_public_fields',
  'h.reason as hidden_reason',
  'h.automatic as hidden_automatic',
] as const;

const selectUpdates = (db: Db) =>
  db
    .selectFrom('updates as u')
    .innerJoin('communities as c', 'c.id', 'u.community_id')
    .leftJoin('users as a', 'a.id', 'u.author_id')
    .leftJoin('moderation_hidden as h', (j) => j.on('h.subject_type', '=', 'update').onRef('h.subject_id', '=', 'u.id'))
    .select(updateColumns);

export type UpdateRow = Awaited<ReturnType<ReturnType<typeof selectUpdates>['executeTakeFirstOrThrow']>>;

export const findUpdate = (db: Db, id: number): Promise<UpdateRow | undefined> =>
  selectUpdates(db).where('u.id', '=', id).executeTakeFirst();

export interface UpdateFilters {
  community?: string;
  language?: string;
  /** Sort key of the last item of the previous page: [published_at ISO, id]. */
  after?: [string, number] | null;
  limit: number;
}

/** Newest first; takes limit+1 rows so the caller knows whether there is a next page. Hidden ones leave the list and the feed. */
export function listUpdates(db: Db, f: UpdateFilters): Promise<UpdateRow[]> {
  let q = selectUpdates(db).where(notHidden('update', 'u.id'));
  if (f.community) q = q.where('c.slug', '=', f.community);
  if (f.language) q = q.where('u.language', '=', f.language);
  if (f.after) {
    const [at, id] = f.after;
    q = q.where(sql<boolean>`(u.published_at, u.id) < (${new Date(at)}::timestamptz, ${id}::bigint)`);
  }
  return q
    .orderBy('u.published_at', 'desc')
    .orderBy('u.id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

export const insertUpdate = (
  db: Db,
  v: {
    communityId: number;
    authorId: number;
    title: string;
    body: string;
    language: string;
    at: Date;
    isDemo?: boolean;
  },
) =>
  db
    .insertInto('updates')
    .values({
      community_id: v.communityId,
      author_id: v.authorId,
      title: v.title,
      body: v.body,
      ...markdownInsert({ body: v.body }, ['body']),
      language: v.language,
      is_demo: v.isDemo ?? false,
      published_at: v.at,
      updated_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

export const changeUpdate = (db: Db, id: number, v: { title?: string; body?: string; language?: string; at: Date }) =>
  db
    .updateTable('updates')
    .set({
      ...(v.title !== undefined ? { title: v.title } : {}),
      ...(v.body !== undefined
        ? { body: v.body, ...markdownColumns({ body: v.body }), ...leadColumns({ body: v.body }) }
        : {}),
      ...(v.language !== undefined ? { language: v.language } : {}),
      updated_at: v.at,
    })
    .where('id', '=', id)
    .execute();

export const deleteUpdate = (db: Db, id: number) => db.deleteFrom('updates').where('id', '=', id).execute();

/** The groups and languages that have updates, for the list's filters. */
export async function updateFacets(db: Db) {
  const [communities, languages] = await Promise.all([
    db
      .selectFrom('communities as c')
      .select(['c.slug', 'c.name'])
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('updates as u')
            .select(sql`1`.as('one'))
            .whereRef('u.community_id', '=', 'c.id')
            .where(notHidden('update', 'u.id')),
        ),
      )
      .orderBy('c.name')
      .limit(500)
      .execute(),
    db
      .selectFrom('updates')
      .select('language')
      .where(notHidden('update', 'updates.id'))
      .distinct()
      .orderBy('language')
      .limit(500)
      .execute(),
  ]);
  return { communities, languages: languages.map((r) => r.language) };
}
