// SQL for e-mail: the notifications still to mail (unread, not mailed, to people with an address, of kinds the
// person wants at this frequency), and marking them mailed so they are never sent twice.
import type { Db } from '../../db/connection';
import type { Frequency } from './kinds';
import { effectiveFrequency } from './repo';

const pending = (db: Db, frequency: Frequency) =>
  db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .leftJoin('notification_settings as s', (j) =>
      j.onRef('s.user_id', '=', 'n.user_id').onRef('s.kind', '=', 'n.kind'),
    )
    .where('n.mailed_at', 'is', null)
    .where('n.read_at', 'is', null)
    .where('u.email', 'is not', null)
    .where(effectiveFrequency, '=', frequency);

const selectMail = (db: Db, frequency: Frequency) =>
  pending(db, frequency)
    .innerJoin('notification_events as e', 'e.id', 'n.event_id')
    .leftJoin('users as a', 'a.id', 'e.actor_id')
    .select([
      'n.id',
      'n.user_id',
      'n.kind',
      'n.created_at',
      'u.email',
      'u.username',
      'u.display_name',
      'u.ui_language',
      'u.time_zone',
      'e.subject_type',
      'e.subject_id',
      'e.subject_title',
      'e.subject_link',
      'e.object_type',
      'e.object_title',
      'e.link',
      'a.username as actor_username',
      'a.display_name as actor_display_name',
      'a.public_fields as actor_public_fields',
    ]);

export type MailRow = Awaited<ReturnType<ReturnType<typeof selectMail>['execute']>>[number];

/** The notifications of one event that their people want at once. */
export const immediateOf = (db: Db, eventId: number) =>
  selectMail(db, 'immediately').where('n.event_id', '=', eventId).orderBy('n.id').execute();

/** The next people (after `afterUserId`) with notifications waiting for this digest, created in (since, until]. */
export async function digestRecipients(
  db: Db,
  frequency: Frequency,
  since: Date,
  until: Date,
  afterUserId: number,
  limit: number,
): Promise<number[]> {
  const rows = await pending(db, frequency)
    .select('n.user_id')
    .distinct()
    .where('n.created_at', '>', since)
    .where('n.created_at', '<=', until)
    .where('n.user_id', '>', afterUserId)
    .orderBy('n.user_id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.user_id);
}

/** Their waiting notifications, by person, newest first. */
export const digestRows = (db: Db, frequency: Frequency, userIds: number[], since: Date, until: Date) =>
  selectMail(db, frequency)
    .where('n.user_id', 'in', userIds)
    .where('n.created_at', '>', since)
    .where('n.created_at', '<=', until)
    .orderBy('n.user_id')
    .orderBy('n.id', 'desc')
    .execute();

export async function markMailed(db: Db, ids: number[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('notifications')
    .set({ mailed_at: at })
    .where('id', 'in', ids)
    .where('mailed_at', 'is', null)
    .execute();
}
