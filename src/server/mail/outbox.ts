// Reading the outbox (mail kept when SMTP_URL is not set), newest first, with keyset cursors.
import type { Db } from '../db/connection';

export interface OutboxRow {
  id: number;
  recipient: string;
  subject: string;
  body_text: string;
  created_at: Date;
}

/** One page of the outbox after the (created_at, id) of the last row seen; `limit + 1` rows to tell if more follow. */
export async function listOutbox(
  db: Db,
  after: { createdAt: Date; id: number } | null,
  limit: number,
): Promise<OutboxRow[]> {
  let q = db.selectFrom('mail_outbox').select(['id', 'recipient', 'subject', 'body_text', 'created_at']);
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
      ]),
    );
  }
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}
