// SQL for the Telegram settings (one row) and the posts.
import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import type { TelegramPostStatus } from './tables';

export const settingsRow = (db: Db) =>
  db
    .selectFrom('telegram_settings')
    .select(['bot_token', 'chat_id', 'events', 'updated_at'])
    .where('id', '=', 1)
    .executeTakeFirst();

export type SettingsRow = NonNullable<Awaited<ReturnType<typeof settingsRow>>>;

/** Saves the fields given (undefined keeps the saved value, null forgets it). */
export async function saveSettings(
  db: Db,
  v: { botToken?: string | null; chatId?: string | null; events?: string[] | null; by: number; at: Date },
): Promise<void> {
  const changes = {
    ...(v.botToken !== undefined ? { bot_token: v.botToken } : {}),
    ...(v.chatId !== undefined ? { chat_id: v.chatId } : {}),
    ...(v.events !== undefined ? { events: v.events } : {}),
    updated_by: v.by,
    updated_at: v.at,
  };
  await db
    .insertInto('telegram_settings')
    .values({ id: 1, bot_token: null, chat_id: null, events: null, ...changes })
    .onConflict((oc) => oc.column('id').doUpdateSet(changes))
    .execute();
}

/** Inserts a post unless one exists for the same event and item; answers the new post's id, or null. */
export async function insertPost(
  db: Db,
  v: { event: string; subjectType: string; subjectId: number; language: string; text: string; link: string; at: Date },
): Promise<number | null> {
  const row = await db
    .insertInto('telegram_posts')
    .values({
      event: v.event,
      subject_type: v.subjectType,
      subject_id: v.subjectId,
      language: v.language,
      text: v.text,
      link: v.link,
      last_error: null,
      telegram_message_id: null,
      created_at: v.at,
      sent_at: null,
    })
    .onConflict((oc) => oc.columns(['event', 'subject_type', 'subject_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

const postColumns = [
  'id',
  'event',
  'subject_type',
  'subject_id',
  'language',
  'text',
  'link',
  'status',
  'attempts',
  'last_error',
  'telegram_message_id',
  'created_at',
  'sent_at',
] as const;

export const findPost = (db: Db, id: number) =>
  db.selectFrom('telegram_posts').select(postColumns).where('id', '=', id).executeTakeFirst();

export type PostRow = NonNullable<Awaited<ReturnType<typeof findPost>>>;

/** Newest first; `after` is [created_at ISO, id] of the previous page's last post. Takes limit+1 rows. */
export function listPosts(
  db: Db,
  f: { status?: TelegramPostStatus; after: [string, number] | null; limit: number },
): Promise<PostRow[]> {
  let q = db.selectFrom('telegram_posts').select(postColumns);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.after)
    q = q.where(sql<boolean>`(created_at, id) < (${new Date(f.after[0])}::timestamptz, ${f.after[1]}::bigint)`);
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

export const markSent = (db: Db, id: number, v: { messageId: number; attempts: number; at: Date }) =>
  db
    .updateTable('telegram_posts')
    .set({ status: 'sent', telegram_message_id: v.messageId, attempts: v.attempts, sent_at: v.at })
    .where('id', '=', id)
    .where('status', '!=', 'sent')
    .execute();

/** Records a failed attempt; the last one leaves the post failed. */
export const recordFailure = (db: Db, id: number, v: { error: string; attempts: number; final: boolean }) =>
  db
    .updateTable('telegram_posts')
    .set({ last_error: v.error, attempts: v.attempts, ...(v.final ? { status: 'failed' as const } : {}) })
    .where('id', '=', id)
    .where('status', '!=', 'sent')
    .execute();

/** The note on a post held back while its item is hidden by moderation (it stays queued). */
export const HELD_NOTE = 'held back: the moderators hid the item; it is sent when they show it again';

export const holdPost = (db: Db, id: number) =>
  db
    .updateTable('telegram_posts')
    .set({ last_error: HELD_NOTE })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();

/** Posts of an item held back while it was hidden. */
export const heldPosts = async (db: Db, s: { type: string; id: number }): Promise<number[]> =>
  (
    await db
      .selectFrom('telegram_posts')
      .select('id')
      .where('subject_type', '=', s.type)
      .where('subject_id', '=', s.id)
      .where('status', '=', 'queued')
      .where('last_error', '=', HELD_NOTE)
      .execute()
  ).map((r) => r.id);

/** Puts a failed post back in the queue; false when it was not failed (already retried, or sent). */
export async function requeuePost(db: Db, id: number): Promise<boolean> {
  const res = await db
    .updateTable('telegram_posts')
    .set({ status: 'queued', attempts: 0 })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
