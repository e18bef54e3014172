// The signed-in person's own settings: change the password, list and end sessions, personal API tokens.
// Each use case starts with its permission check; every change is audited in the same transaction.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../../http/audit';
import type { CurrentUser } from '../../../http/context';
import { badRequest, forbidden, notFound, type FieldError } from '../../../http/errors';
import { decodeCursor, page } from '../../../http/pagination';
import { refuse, requireUser } from '../../../http/permissions';
import { endSession } from '../../../http/session';
import { hashSecret, newSecret } from '../../../http/tokens';
import { isCommonPassword } from '../common-passwords';
import { hashPassword, verifyPassword } from '../passwords';
import { presentAccount, presentSession, presentToken } from '../present';
import {
  deleteOwnSession,
  findAccount,
  findPasswordHash,
  insertToken,
  listSessions,
  listTokens,
  revokeOwnToken,
  setPasswordEndingOtherSessions,
} from './settings-repo';

/** Prefix of personal API tokens, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = 'ldn_';

interface ListQuery {
  cursor?: string;
  limit: number;
}

/**
 * Changing the password and creating tokens need the person at a browser session: a personal token must not
 * be able to take over the account or mint more tokens.
 */
async function requireBrowserSession(app: FastifyInstance, req: FastifyRequest, action: string): Promise<CurrentUser> {
  const user = requireUser(req);
  if (req.authVia !== 'cookie') {
    await refuse(app.db, req, action, { type: 'user', id: user.id });
    throw forbidden('accounts-session-only');
  }
  return user;
}

const beforeIdOf = (cursor: string | undefined): number | null => {
  const values = decodeCursor(cursor, 1);
  return values ? Number(values[0]) : null;
};

export async function myAccount(app: FastifyInstance, req: FastifyRequest) {
  const user = requireUser(req);
  return presentAccount(await findAccount(app.db, user.id));
}

export async function changePassword(app: FastifyInstance, req: FastifyRequest, body: { currentPassword: string; newPassword: string }) {
  const user = await requireBrowserSession(app, req, 'account.password_change');
  const limiter = app.deps.rateLimiter;
  // Guessing the current password here counts like failed log-ins.
  await limiter.check('login-failure', `ip:${req.ip}`);
  const row = await findPasswordHash(app.db, user.id);
  const errors: FieldError[] = [];
  if (!row.password_hash) {
    errors.push({ field: 'currentPassword', message: 'accounts-password-none' });
  } else if (!(await verifyPassword(row.password_hash, body.currentPassword))) {
    errors.push({ field: 'currentPassword', message: 'accounts-password-wrong' });
    await audit(app.db, { actorId: user.id, action: 'account.password_change_failed', objectType: 'user', objectId: user.id, ip: req.ip });
    await limiter.consume('login-failure', `ip:${req.ip}`);
  }
  if (isCommonPassword(body.newPassword) || body.newPassword.toLowerCase() === row.username.toLowerCase()) {
    errors.push({ field: 'newPassword', message: 'accounts-password-common' });
  }
  if (errors.length) throw badRequest(errors);
  const passwordHash = await hashPassword(body.newPassword);
  await app.db.transaction().execute(async (trx) => {
    const ended = await setPasswordEndingOtherSessions(trx, user.id, passwordHash, req.session?.id ?? null, app.deps.clock.now());
    await audit(trx, {
      actorId: user.id,
      action: 'account.password_change',
      objectType: 'user',
      objectId: user.id,
      details: { endedSessions: ended },
      ip: req.ip,
    });
  });
}

export async function mySessions(app: FastifyInstance, req: FastifyRequest, q: ListQuery) {
  const user = requireUser(req);
  const now = app.deps.clock.now().getTime();
  const { sessionIdleSeconds, sessionAbsoluteSeconds } = app.deps.config;
  const rows = await listSessions(app.db, user.id, {
    idleSince: new Date(now - sessionIdleSeconds * 1000),
    createdSince: new Date(now - sessionAbsoluteSeconds * 1000),
    beforeId: beforeIdOf(q.cursor),
    limit: q.limit,
  });
  const { items, next } = page(rows, q.limit, (r) => [r.id]);
  const current = req.authVia === 'cookie' ? (req.session?.id ?? null) : null;
  return { items: items.map((r) => presentSession(r, current)), next };
}

/** Ends one of the person's sessions; ending the current one logs out. Someone else's session is a 404. */
export async function endMySession(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, sessionId: number) {
  const user = requireUser(req);
  const isCurrent = req.authVia === 'cookie' && req.session?.id === sessionId;
  await app.db.transaction().execute(async (trx) => {
    const res = await deleteOwnSession(trx, user.id, sessionId);
    if (Number(res.numDeletedRows) === 0) throw notFound();
    await audit(trx, { actorId: user.id, action: 'session.end', objectType: 'session', objectId: sessionId, ip: req.ip });
  });
  if (isCurrent) await endSession(app, req, reply);
}

export async function myTokens(app: FastifyInstance, req: FastifyRequest, q: ListQuery) {
  const user = requireUser(req);
  const rows = await listTokens(app.db, user.id, { beforeId: beforeIdOf(q.cursor), limit: q.limit });
  const { items, next } = page(rows, q.limit, (r) => [r.id]);
  return { items: items.map(presentToken), next };
}

export async function createToken(app: FastifyInstance, req: FastifyRequest, body: { name: string }) {
  const user = await requireBrowserSession(app, req, 'token.create');
  const secret = `${TOKEN_PREFIX}${newSecret()}`;
  const row = await app.db.transaction().execute(async (trx) => {
    const created = await insertToken(trx, { userId: user.id, name: body.name, tokenHash: hashSecret(secret), now: app.deps.clock.now() });
    await audit(trx, { actorId: user.id, action: 'token.create', objectType: 'api_token', objectId: created.id, details: { name: body.name }, ip: req.ip });
    return created;
  });
  return { ...presentToken(row), token: secret };
}

export async function revokeToken(app: FastifyInstance, req: FastifyRequest, tokenId: number) {
  const user = requireUser(req);
  await app.db.transaction().execute(async (trx) => {
    const row = await revokeOwnToken(trx, user.id, tokenId, app.deps.clock.now());
    if (!row) throw notFound();
    await audit(trx, { actorId: user.id, action: 'token.revoke', objectType: 'api_token', objectId: tokenId, details: { name: row.name }, ip: req.ip });
  });
}
