// SQL for the signed-in person's own settings: password, sessions and personal API tokens.
import type { Db } from '../../../db/connection';

export const findPasswordHash = (db: Db, userId: number) =>
  db.selectFrom('users').select(['password_hash', 'username']).where('id', '=', userId).executeTakeFirstOrThrow();

export const findAccount = (db: Db, userId: number) =>
  db
    .selectFrom('users')
    .select(['id', 'username', 'email', 'password_hash', 'wikimedia_username'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();

export async function setPasswordEndingOtherSessions(
  db: Db,
  userId: number,
  passwordHash: string,
  keepSessionId: number | null,
  now: Date,
) {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: now })
    .where('id', '=', userId)
    .execute();
  let del = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSessionId != null) del = del.where('id', '<>', keepSessionId);
  const res = await del.executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Live sessions of a person (not past their idle or absolute limit), newest first. */
export function listSessions(
  db: Db,
  userId: number,
  opts: { idleSince: Date; createdSince: Date; beforeId: number | null; limit: number },
) {
  let q = db
    .selectFrom('sessions')
    .select(['id', 'user_agent', 'ip', 'created_at', 'last_seen_at'])
    .where('user_id', '=', userId)
    .where('last_seen_at', '>', opts.idleSince)
    .where('created_at', '>', opts.createdSince);
  if (opts.beforeId != null) q = q.where('id', '<', opts.beforeId);
  return q
    .orderBy('id', 'desc')
    .limit(opts.limit + 1)
    .execute();
}

export const deleteOwnSession = (db: Db, userId: number, sessionId: number) =>
  db.deleteFrom('sessions').where('id', '=', sessionId).where('user_id', '=', userId).executeTakeFirst();

export function listTokens(db: Db, userId: number, opts: { beforeId: number | null; limit: number }) {
  let q = db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (opts.beforeId != null) q = q.where('id', '<', opts.beforeId);
  return q
    .orderBy('id', 'desc')
    .limit(opts.limit + 1)
    .execute();
}

export const insertToken = (db: Db, v: { userId: number; name: string; tokenHash: string; now: Date }) =>
  db
    .insertInto('api_tokens')
    .values({ user_id: v.userId, name: v.name, token_hash: v.tokenHash, created_at: v.now })
    .returning(['id', 'name', 'created_at', 'last_used_at'])
    .executeTakeFirstOrThrow();

export const revokeOwnToken = (db: Db, userId: number, tokenId: number, now: Date) =>
  db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name'])
    .executeTakeFirst();

/** Revokes every live token of the person (a password change): answers those it revoked. */
export const revokeAllTokens = (db: Db, userId: number, now: Date) =>
  db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name'])
    .execute();
