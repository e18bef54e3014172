// The signed-in person's own settings: change the password, list and end sessions, personal API tokens.
// Each use case starts with its permission check; every change is audited in the same transaction.
import type { TokenList, SessionList, AccountAnswer, CreatedToken } from '../../../../contracts/accounts';
import { refuse, requireUser } from '../../../http/access';
import { audit } from '../../../http/audit';
import type { Ctx, CurrentUser } from '../../../http/context';
import { badRequest, forbidden, notFound, type FieldError } from '../../../http/errors';
import { decodeCursor, page } from '../../../http/pagination';
import { hashSecret, newSecret } from '../../../http/tokens';
import { guessablePasswordMessage } from '../common-passwords';
import { checkAccountLoginLimit, recordLoginFailure } from '../login-limits';
import { hashPassword, verifyPassword } from '../passwords';
import { presentAccount, presentSession, presentToken } from '../present';
import type { ChangePasswordBody, CreateTokenBody } from '../schema';
import { currentSessionOf, isBrowserSession } from './policy';
import {
  deleteOwnSession,
  findAccount,
  findPasswordHash,
  insertToken,
  listSessions,
  listTokens,
  revokeAllTokens,
  revokeOwnToken,
  setPasswordEndingOtherSessions,
} from './settings-repo';

/** Prefix of personal API tokens, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = 'ldn_';

interface ListQuery {
  cursor?: string;
  limit: number;
}

/** The signed-in person, at a browser session (see policy.ts); a refusal is logged. */
async function requireBrowserSession(ctx: Ctx, action: string): Promise<CurrentUser> {
  const user = requireUser(ctx);
  if (!isBrowserSession(ctx.via)) {
    await refuse(ctx, action, { type: 'user', id: user.id });
    throw forbidden('accounts-session-only');
  }
  return user;
}

const beforeIdOf = (cursor: string | undefined): number | null => {
  return decodeCursor(cursor, ['id'])?.[0] ?? null;
};

export async function myAccount(ctx: Ctx): Promise<AccountAnswer> {
  const user = requireUser(ctx);
  return presentAccount(await findAccount(ctx.db, user.id));
}

/**
 * Changes the password: the person's other sessions end and their personal API tokens are revoked, since either
 * may be in the hands of whoever knew the old password (the settings page says so beside the form).
 */
export async function changePassword(ctx: Ctx, body: ChangePasswordBody): Promise<void> {
  const user = await requireBrowserSession(ctx, 'account.password_change');
  // Guessing the current password here counts like failed log-ins, of the account and the address.
  await checkAccountLoginLimit(ctx, user.id);
  const row = await findPasswordHash(ctx.db, user.id);
  const errors: FieldError[] = [];
  if (!row.password_hash) {
    errors.push({ field: 'currentPassword', message: 'accounts-password-none' });
  } else if (!(await verifyPassword(row.password_hash, body.currentPassword))) {
    errors.push({ field: 'currentPassword', message: 'accounts-password-wrong' });
    await audit(ctx.db, {
      actorId: user.id,
      action: 'account.password_change_failed',
      objectType: 'user',
      objectId: user.id,
      ip: ctx.ip ?? undefined,
    });
    await recordLoginFailure(ctx, user.id);
  }
  const weak = guessablePasswordMessage(body.newPassword, row.username);
  if (weak) errors.push({ field: 'newPassword', message: weak });
  if (errors.length) throw badRequest(errors);
  const passwordHash = await hashPassword(body.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    const ended = await setPasswordEndingOtherSessions(trx, user.id, passwordHash, ctx.sessionId, ctx.now);
    const revoked = await revokeAllTokens(trx, user.id, ctx.now);
    await audit(trx, {
      actorId: user.id,
      action: 'account.password_change',
      objectType: 'user',
      objectId: user.id,
      details: { endedSessions: ended, revokedTokens: revoked.length },
      ip: ctx.ip ?? undefined,
    });
  });
}

export async function mySessions(ctx: Ctx, q: ListQuery): Promise<SessionList> {
  const user = requireUser(ctx);
  const now = ctx.now.getTime();
  const { sessionIdleSeconds, sessionAbsoluteSeconds } = ctx.config;
  const rows = await listSessions(ctx.db, user.id, {
    idleSince: new Date(now - sessionIdleSeconds * 1000),
    createdSince: new Date(now - sessionAbsoluteSeconds * 1000),
    beforeId: beforeIdOf(q.cursor),
    limit: q.limit,
  });
  const { items, next } = page(rows, q.limit, (r) => [r.id]);
  const current = currentSessionOf(ctx);
  return { items: items.map((r) => presentSession(r, current)), next };
}

/**
 * Ends one of the person's sessions; someone else's session is a 404. Answers whether it was the session making
 * the request: then the route logs out (the cookie goes too).
 */
export async function endMySession(ctx: Ctx, sessionId: number): Promise<{ endedCurrent: boolean }> {
  const user = requireUser(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const res = await deleteOwnSession(trx, user.id, sessionId);
    if (Number(res.numDeletedRows) === 0) throw notFound();
    await audit(trx, {
      actorId: user.id,
      action: 'session.end',
      objectType: 'session',
      objectId: sessionId,
      ip: ctx.ip ?? undefined,
    });
  });
  return { endedCurrent: currentSessionOf(ctx) === sessionId };
}

export async function myTokens(ctx: Ctx, q: ListQuery): Promise<TokenList> {
  const user = requireUser(ctx);
  const rows = await listTokens(ctx.db, user.id, { beforeId: beforeIdOf(q.cursor), limit: q.limit });
  const { items, next } = page(rows, q.limit, (r) => [r.id]);
  return { items: items.map(presentToken), next };
}

export async function createToken(ctx: Ctx, body: CreateTokenBody): Promise<CreatedToken> {
  const user = await requireBrowserSession(ctx, 'token.create');
  const secret = `${TOKEN_PREFIX}${newSecret()}`;
  const row = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertToken(trx, {
      userId: user.id,
      name: body.name,
      tokenHash: hashSecret(secret),
      now: ctx.now,
    });
    await audit(trx, {
      actorId: user.id,
      action: 'token.create',
      objectType: 'api_token',
      objectId: created.id,
      details: { name: body.name },
      ip: ctx.ip ?? undefined,
    });
    return created;
  });
  return { ...presentToken(row), token: secret };
}

export async function revokeToken(ctx: Ctx, tokenId: number): Promise<void> {
  const user = requireUser(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await revokeOwnToken(trx, user.id, tokenId, ctx.now);
    if (!row) throw notFound();
    await audit(trx, {
      actorId: user.id,
      action: 'token.revoke',
      objectType: 'api_token',
      objectId: tokenId,
      details: { name: row.name },
      ip: ctx.ip ?? undefined,
    });
  });
}
