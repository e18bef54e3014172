// Accounts: sign up, log in, log out. Each use case checks who may do it first. Sessions belong to HTTP: a use
// case answers whom to sign in, and the route (routes.ts, http.ts) starts or ends the session.
import { isUniqueViolation } from '../../db/errors';
import { audit } from '../../http/audit';
import type { Db } from '../../db/connection';
import type { Ctx, CurrentUser, Role } from '../../http/context';
import { badRequest, conflict, HttpError } from '../../http/errors';
import { usernameKey } from '../../../contracts/usernames';
import { guessablePasswordMessage } from './common-passwords';
import { checkAccountLoginLimit, recordLoginFailure, recordLoginSuccess } from './login-limits';
import { hashPassword, verifyPassword } from './passwords';
import { maySignUp } from './policy';
import { findLookAlike, findUserByKey, insertUser, loadCurrentUser } from './repo';
import type { LogInBody, SignUpBody } from './schema';

/**
 * Refuses (409, naming the other) a username someone else has regardless of letter case, or one that looks like
 * theirs: the same confusable skeleton ("Nеwcomer" with a Cyrillic "е" for "Newcomer"). The answer's `looksLike`
 * gives the other username to scripts.
 */
export async function ensureUsernameFree(db: Db, username: string, exceptUserId: number | null = null) {
  const key = usernameKey(username);
  const other = await findLookAlike(db, username, key, exceptUserId);
  if (!other) return;
  if (other.username_key === key) throw conflict('accounts-username-taken', 'username', [username]);
  throw conflict('accounts-username-looks-like', 'username', [username, other.username], {
    looksLike: other.username,
  });
}

/** Creates the account and answers its id, for the route to sign the new person in. */
export async function signUp(ctx: Ctx, body: SignUpBody): Promise<number> {
  if (!maySignUp(ctx.actor)) throw new HttpError(409, 'error-conflict', { detailKey: 'accounts-already-signed-in' });
  const weak = guessablePasswordMessage(body.password, body.username);
  if (weak) throw badRequest([{ field: 'password', message: weak }]);
  await ensureUsernameFree(ctx.db, body.username);
  const passwordHash = await hashPassword(body.password);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const { id } = await insertUser(trx, {
        username: body.username,
        usernameKey: usernameKey(body.username),
        email: body.email ?? null,
        passwordHash,
        uiLanguage: ctx.lang,
      });
      await audit(trx, {
        actorId: id,
        action: 'account.create',
        objectType: 'user',
        objectId: id,
        ip: ctx.ip ?? undefined,
      });
      return id;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('accounts-username-taken', 'username', [body.username]);
    throw err;
  }
}

/**
 * Checks the password and answers whom to sign in. An account past its limit of failures waits (429) before its
 * password is checked; a blocked account is named as such only to someone who knows its password.
 */
export async function logIn(ctx: Ctx, body: LogInBody): Promise<number> {
  const row = await findUserByKey(ctx.db, usernameKey(body.username));
  if (row) await checkAccountLoginLimit(ctx, row.id);
  const ok = await verifyPassword(row?.password_hash, body.password);
  if (!row || !ok) {
    await audit(ctx.db, {
      actorId: row?.id ?? null,
      action: 'account.login_failed',
      objectType: 'user',
      objectId: row?.id,
      details: { username: body.username.slice(0, 100) },
      ip: ctx.ip ?? undefined,
    });
    await recordLoginFailure(ctx, row?.id ?? null);
    throw new HttpError(401, 'accounts-login-failed', { detailKey: 'accounts-login-failed-detail' });
  }
  if (row.blocked_at) {
    await audit(ctx.db, {
      actorId: row.id,
      action: 'account.login_failed',
      objectType: 'user',
      objectId: row.id,
      details: { username: body.username.slice(0, 100), blocked: true },
      ip: ctx.ip ?? undefined,
    });
    throw new HttpError(401, 'accounts-login-failed', { detailKey: 'accounts-login-blocked' });
  }
  await recordLoginSuccess(ctx, row.id);
  await audit(ctx.db, {
    actorId: row.id,
    action: 'account.login',
    objectType: 'user',
    objectId: row.id,
    ip: ctx.ip ?? undefined,
  });
  return row.id;
}

/** Records the log-out; the route ends the session. */
export async function logOut(ctx: Ctx): Promise<void> {
  if (ctx.actor)
    await audit(ctx.db, {
      actorId: ctx.actor.id,
      action: 'account.logout',
      objectType: 'user',
      objectId: ctx.actor.id,
      ip: ctx.ip ?? undefined,
    });
}

/** The person just signed in, as later requests will see them. */
export async function signedInUser(ctx: Ctx, userId: number): Promise<CurrentUser> {
  const row = await loadCurrentUser(ctx.db, userId);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles as Role[],
    timeZone: row.time_zone,
    uiLanguage: row.ui_language,
    suspendedUntil: row.suspended_until && row.suspended_until > ctx.now ? row.suspended_until : null,
  };
}
