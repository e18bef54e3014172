// Accounts: sign up, log in, log out. Each use case checks who may do it first.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isUniqueViolation } from '../../db/errors';
import { audit } from '../../http/audit';
import { badRequest, conflict, HttpError } from '../../http/errors';
import { ensureSession, endSession, startUserSession } from '../../http/session';
import { usernameKey } from '../../../contracts/usernames';
import type { CurrentUser, Role } from '../../http/context';
import { isCommonPassword } from './common-passwords';
import { hashPassword, verifyPassword } from './passwords';
import { findUserByKey, insertUser, loadCurrentUser } from './repo';
import { presentCurrentUser } from './present';

export async function sessionAnswer(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
  // A personal token needs no CSRF token, and must not start a cookie session for the script using it.
  if (req.authVia === 'token') return { user: presentCurrentUser(req.user), csrfToken: '' };
  const session = await ensureSession(app, req, reply);
  return { user: presentCurrentUser(req.user), csrfToken: session.csrfToken };
}

export function checkNewPassword(password: string, username: string, field = 'password') {
  if (isCommonPassword(password) || password.toLowerCase() === username.toLowerCase()) {
    throw badRequest([{ field, message: 'accounts-password-common' }]);
  }
}

async function signedIn(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, userId: number) {
  const row = await loadCurrentUser(app.db, userId);
  const user: CurrentUser = {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles as Role[],
    timeZone: row.time_zone,
    uiLanguage: row.ui_language,
    suspendedUntil: row.suspended_until && row.suspended_until > app.deps.clock.now() ? row.suspended_until : null,
  };
  req.user = user;
  req.authVia = 'cookie';
  return { user: presentCurrentUser(user), csrfToken: req.session!.csrfToken };
}

export async function signUp(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, body: { username: string; password: string; email?: string }) {
  if (req.user) throw new HttpError(409, 'error-conflict', { detailKey: 'accounts-already-signed-in' });
  checkNewPassword(body.password, body.username);
  const passwordHash = await hashPassword(body.password);
  let userId: number;
  try {
    userId = await app.db.transaction().execute(async (trx) => {
      const { id } = await insertUser(trx, {
        username: body.username,
        usernameKey: usernameKey(body.username),
        email: body.email ?? null,
        passwordHash,
        uiLanguage: req.lang,
      });
      await audit(trx, { actorId: id, action: 'account.create', objectType: 'user', objectId: id, ip: req.ip });
      await startUserSession(app, req, reply, id, trx);
      return id;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('accounts-username-taken', 'username', [body.username]);
    throw err;
  }
  return signedIn(app, req, reply, userId);
}

export async function logIn(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, body: { username: string; password: string }) {
  const limiter = app.deps.rateLimiter;
  await limiter.check('login-failure', `ip:${req.ip}`);
  const row = await findUserByKey(app.db, usernameKey(body.username));
  const ok = await verifyPassword(row?.password_hash, body.password);
  if (!row || !ok || row.blocked_at) {
    await audit(app.db, { actorId: row?.id ?? null, action: 'account.login_failed', objectType: 'user', objectId: row?.id, details: { username: body.username.slice(0, 100) }, ip: req.ip });
    await limiter.consume('login-failure', `ip:${req.ip}`);
    throw new HttpError(401, 'accounts-login-failed', { detailKey: row?.blocked_at ? 'accounts-login-blocked' : 'accounts-login-failed-detail' });
  }
  await app.db.transaction().execute(async (trx) => {
    await startUserSession(app, req, reply, row.id, trx);
    await audit(trx, { actorId: row.id, action: 'account.login', objectType: 'user', objectId: row.id, ip: req.ip });
  });
  return signedIn(app, req, reply, row.id);
}

export async function logOut(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
  if (req.user) await audit(app.db, { actorId: req.user.id, action: 'account.logout', objectType: 'user', objectId: req.user.id, ip: req.ip });
  await endSession(app, req, reply);
}
