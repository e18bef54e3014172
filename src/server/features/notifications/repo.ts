// SQL for follows, notifications and notification settings. Lists are keyset-paged by id, newest first.
import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import { DEFAULT_EMAIL, KINDS, type Frequency, type Kind } from './kinds';

export interface Subject {
  type: string;
  id: number;
}

// --- follows

export const findFollow = (db: Db, userId: number, s: Subject) =>
  db
    .selectFrom('follows')
    .select(['id', 'user_id', 'subject_type', 'subject_id', 'created_at'])
    .where('user_id', '=', userId)
    .where('subject_type', '=', s.type)
    .where('subject_id', '=', s.id)
    .executeTakeFirst();

export type FollowRow = NonNullable<Awaited<ReturnType<typeof findFollow>>>;

export const findFollowById = (db: Db, id: number) =>
  db
    .selectFrom('follows')
    .select(['id', 'user_id', 'subject_type', 'subject_id', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();

/** Inserts the follow unless it exists; answers the row and whether it is new. */
export async function insertFollow(
  db: Db,
  userId: number,
  s: Subject,
  at: Date,
): Promise<{ row: FollowRow; created: boolean }> {
  const inserted = await db
    .insertInto('follows')
    .values({ user_id: userId, subject_type: s.type, subject_id: s.id, created_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'subject_type', 'subject_id']).doNothing())
    .returning(['id', 'user_id', 'subject_type', 'subject_id', 'created_at'])
    .executeTakeFirst();
  if (inserted) return { row: inserted, created: true };
  return { row: (await findFollow(db, userId, s))!, created: false };
}

export const deleteFollow = (db: Db, id: number) => db.deleteFrom('follows').where('id', '=', id).execute();

export function listFollows(db: Db, userId: number, subject: Subject | null, afterId: number | null, limit: number) {
  let q = db
    .selectFrom('follows')
    .select(['id', 'user_id', 'subject_type', 'subject_id', 'created_at'])
    .where('user_id', '=', userId);
  if (subject) q = q.where('subject_type', '=', subject.type).where('subject_id', '=', subject.id);
  if (afterId !== null) q = q.where('id', '<', afterId);
  return q
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}

// --- notifications

export function listNotifications(db: Db, userId: number, afterId: number | null, limit: number) {
  let q = db
    .selectFrom('notifications as n')
    .innerJoin('notification_events as e', 'e.id', 'n.event_id')
    .leftJoin('users as a', 'a.id', 'e.actor_id')
    .select([
      'n.id',
      'n.kind',
      'n.created_at',
      'n.read_at',
      'e.subject_type',
      'e.subject_id',
      'e.subject_title',
      'e.subject_link',
      'e.object_type',
      'e.object_id',
      'e.object_title',
      'e.link',
      'a.username as actor_username',
      'a.display_name as actor_display_name',
      'a.public_fields as actor_public_fields',
    ])
    .where('n.user_id', '=', userId);
  if (afterId !== null) q = q.where('n.id', '<', afterId);
  return q
    .orderBy('n.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>[number];

export async function unreadCount(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the person's own notifications read; ids of anyone else's are left alone. */
export async function markRead(
  db: Db,
  userId: number,
  which: { ids: number[] } | { upTo: number | null },
  at: Date,
): Promise<number> {
  let q = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if ('ids' in which) {
    if (which.ids.length === 0) return 0;
    q = q.where('id', 'in', which.ids);
  } else if (which.upTo !== null) q = q.where('id', '<=', which.upTo);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

// --- settings

export async function settingsOf(db: Db, userId: number): Promise<Record<Kind, Frequency>> {
  const rows = await db
    .selectFrom('notification_settings')
    .select(['kind', 'email'])
    .where('user_id', '=', userId)
    .execute();
  const out = { ...DEFAULT_EMAIL };
  for (const r of rows) if ((KINDS as readonly string[]).includes(r.kind)) out[r.kind as Kind] = r.email as Frequency;
  return out;
}

export async function saveSettings(db: Db, userId: number, email: Partial<Record<Kind, Frequency>>): Promise<void> {
  const values = Object.entries(email).map(([kind, freq]) => ({ user_id: userId, kind, email: freq as string }));
  if (values.length === 0) return;
  await db
    .insertInto('notification_settings')
    .values(values)
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ email: (eb) => eb.ref('excluded.email') }))
    .execute();
}

/** The e-mail frequency of notification `n` for its person, in SQL: their choice, else the default of the kind. */
export const effectiveFrequency = sql<Frequency>`coalesce(s.email, case n.kind ${sql.join(
  KINDS.map((k) => sql`when ${sql.lit(k)} then ${sql.lit(DEFAULT_EMAIL[k])}`),
  sql` `,
)} else 'never' end)`;

export const hasEmail = async (db: Db, userId: number) =>
  !!(await db
    .selectFrom('users')
    .select('email')
    .where('id', '=', userId)
    .where('email', 'is not', null)
    .executeTakeFirst());
