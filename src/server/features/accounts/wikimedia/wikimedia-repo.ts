// SQL for "Log in with Wikimedia": authorization states, and accounts keyed on the Wikimedia central id (sub).
import type { Db } from '../../../db/connection';
import { usernameKey } from '../../../../contracts/usernames';
import { nameSkeleton } from '../../../text/skeleton';

export const insertState = (
  db: Db,
  v: { stateHash: string; sessionId: number; verifier: string; linkUserId: number | null; now: Date; expiresAt: Date },
) =>
  db
    .insertInto('oauth_states')
    .values({
      state_hash: v.stateHash,
      session_id: v.sessionId,
      code_verifier: v.verifier,
      link_user_id: v.linkUserId,
      created_at: v.now,
      expires_at: v.expiresAt,
    })
    .execute();

export const deleteExpiredStates = (db: Db, now: Date) =>
  db.deleteFrom('oauth_states').where('expires_at', '<', now).execute();

/** Takes a state once: the row is deleted as it is read, so a replayed callback finds nothing. */
export const takeState = (db: Db, stateHash: string, sessionId: number) =>
  db
    .deleteFrom('oauth_states')
    .where('state_hash', '=', stateHash)
    .where('session_id', '=', sessionId)
    .returning(['code_verifier', 'link_user_id', 'expires_at'])
    .executeTakeFirst();

const accountColumns = [
  'id',
  'username',
  'username_key',
  'display_name',
  'wikimedia_sub',
  'wikimedia_username',
  'username_from_wikimedia',
  'blocked_at',
] as const;

export const findBySub = (db: Db, sub: string) =>
  db.selectFrom('users').select(accountColumns).where('wikimedia_sub', '=', sub).executeTakeFirst();

export const findById = (db: Db, id: number) =>
  db.selectFrom('users').select(accountColumns).where('id', '=', id).executeTakeFirstOrThrow();

export type LinkedAccount = Awaited<ReturnType<typeof findById>>;

/** Which of these usernames someone other than `exceptUserId` has, or has one looking like it (text/skeleton.ts). */
export async function takenNames(db: Db, names: string[], exceptUserId: number | null): Promise<Set<string>> {
  const keys = names.map(usernameKey);
  const skeletons = names.map(nameSkeleton);
  let q = db
    .selectFrom('users')
    .select(['username_key', 'username_skeleton'])
    .where((eb) => eb.or([eb('username_key', 'in', keys), eb('username_skeleton', 'in', skeletons)]));
  if (exceptUserId != null) q = q.where('id', '<>', exceptUserId);
  const rows = await q.execute();
  const takenKeys = new Set(rows.map((r) => r.username_key));
  const takenSkeletons = new Set(rows.map((r) => r.username_skeleton));
  return new Set(names.filter((_, i) => takenKeys.has(keys[i] ?? '') || takenSkeletons.has(skeletons[i] ?? '')));
}

export const insertWikimediaUser = (
  db: Db,
  v: {
    username: string;
    usernameKey: string;
    sub: string;
    wikimediaUsername: string;
    /** False when the person chose another username here (theirs was taken): a rename on Wikimedia leaves it. */
    fromWikimedia: boolean;
    uiLanguage: string | null;
    now: Date;
  },
) =>
  db
    .insertInto('users')
    .values({
      username: v.username,
      username_key: v.usernameKey,
      username_skeleton: nameSkeleton(v.username),
      display_name: v.username,
      email: null,
      password_hash: null,
      wikimedia_sub: v.sub,
      wikimedia_username: v.wikimediaUsername,
      username_from_wikimedia: v.fromWikimedia,
      ui_language: v.uiLanguage,
      created_at: v.now,
      updated_at: v.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

export const linkWikimedia = (db: Db, userId: number, sub: string, wikimediaUsername: string, now: Date) =>
  db
    .updateTable('users')
    .set({ wikimedia_sub: sub, wikimedia_username: wikimediaUsername, updated_at: now })
    .where('id', '=', userId)
    .execute();

export const setWikimediaUsername = (db: Db, userId: number, wikimediaUsername: string, now: Date) =>
  db
    .updateTable('users')
    .set({ wikimedia_username: wikimediaUsername, updated_at: now })
    .where('id', '=', userId)
    .execute();

/** Renames a person, keeping the old name's key so that old /people/ links can redirect. */
export async function renameUser(
  db: Db,
  v: { userId: number; oldKey: string; username: string; usernameKey: string; displayName: string; now: Date },
) {
  await db
    .updateTable('users')
    .set({
      username: v.username,
      username_key: v.usernameKey,
      username_skeleton: nameSkeleton(v.username),
      display_name: v.displayName,
      updated_at: v.now,
    })
    .where('id', '=', v.userId)
    .execute();
  await db
    .insertInto('username_history')
    .values({ username_key: v.oldKey, user_id: v.userId, changed_at: v.now })
    .onConflict((oc) => oc.column('username_key').doUpdateSet({ user_id: v.userId, changed_at: v.now }))
    .execute();
  // A name someone takes back is theirs again, not a redirect.
  await db.deleteFrom('username_history').where('username_key', '=', v.usernameKey).execute();
}

/** Keeps a Wikimedia sign-up whose username is taken here until its browser session chooses another. */
export const holdSignup = (
  db: Db,
  v: { sessionId: number; sub: string; wikimediaUsername: string; blocked: boolean; expiresAt: Date },
) =>
  db
    .insertInto('wikimedia_signups')
    .values({
      session_id: v.sessionId,
      sub: v.sub,
      wikimedia_username: v.wikimediaUsername,
      wikimedia_blocked: v.blocked,
      expires_at: v.expiresAt,
    })
    .onConflict((oc) =>
      oc.column('session_id').doUpdateSet({
        sub: v.sub,
        wikimedia_username: v.wikimediaUsername,
        wikimedia_blocked: v.blocked,
        expires_at: v.expiresAt,
      }),
    )
    .execute();

/** The session's Wikimedia sign-up waiting for a username, if it has not expired. */
export const findSignup = (db: Db, sessionId: number, now: Date) =>
  db
    .selectFrom('wikimedia_signups')
    .select(['sub', 'wikimedia_username', 'wikimedia_blocked'])
    .where('session_id', '=', sessionId)
    .where('expires_at', '>', now)
    .executeTakeFirst();

export const dropSignup = (db: Db, sessionId: number) =>
  db.deleteFrom('wikimedia_signups').where('session_id', '=', sessionId).execute();

export const deleteExpiredSignups = (db: Db, now: Date) =>
  db.deleteFrom('wikimedia_signups').where('expires_at', '<', now).execute();
