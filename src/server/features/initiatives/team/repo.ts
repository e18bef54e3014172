// SQL for the team: requests to become a lead (invitations and volunteers). Leads themselves are ../repo.ts.
import type { Db } from '../../../db/connection';

const selectRequests = (db: Db) =>
  db
    .selectFrom('initiative_lead_requests as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .select([
      'r.id',
      'r.initiative_id',
      'r.user_id',
      'r.kind',
      'r.message',
      'r.status',
      'r.created_at',
      'u.username',
      'u.display_name',
      'u.public_fields',
    ]);

export const findRequest = (db: Db, id: number) => selectRequests(db).where('r.id', '=', id).executeTakeFirst();
export type RequestRow = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

export const pendingRequests = (db: Db, initiativeId: number) =>
  selectRequests(db)
    .where('r.initiative_id', '=', initiativeId)
    .where('r.status', '=', 'pending')
    .orderBy('r.id')
    .limit(100)
    .execute();

/** A new request; null when the person already has an open one for this initiative. */
export async function insertRequest(
  db: Db,
  v: {
    initiativeId: number;
    userId: number;
    kind: 'invitation' | 'volunteer';
    message: string;
    askedBy: number;
    at: Date;
  },
) {
  const row = await db
    .insertInto('initiative_lead_requests')
    .values({
      initiative_id: v.initiativeId,
      user_id: v.userId,
      kind: v.kind,
      message: v.message,
      asked_by: v.askedBy,
      created_at: v.at,
      decided_at: null,
      decided_by: null,
    })
    .onConflict((oc) => oc.columns(['initiative_id', 'user_id']).where('status', '=', 'pending').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function decideRequest(
  db: Db,
  id: number,
  status: 'accepted' | 'declined' | 'withdrawn',
  by: number,
  at: Date,
): Promise<boolean> {
  const res = await db
    .updateTable('initiative_lead_requests')
    .set({ status, decided_by: by, decided_at: at })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
