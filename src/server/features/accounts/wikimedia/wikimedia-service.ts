// "Log in with Wikimedia": OAuth 2.0 authorization code with PKCE (S256). The state and the verifier are kept
// on the server, bound to the browser session, for ten minutes and one use. An account is keyed on the
// Wikimedia central id (sub); it is linked to an existing local account only when that person is signed in
// while linking, never by matching names. Every failure ends on a page with a translated message.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isUniqueViolation } from '../../../db/errors';
import type { Db } from '../../../db/connection';
import { audit } from '../../../http/audit';
import { ensureSession, startUserSession } from '../../../http/session';
import { hashSecret } from '../../../http/tokens';
import { USERNAME_FORBIDDEN, USERNAME_MAX, normalizeUsername, usernameKey } from '../../../../contracts/usernames';
import { ProviderError, authorizeUrl, exchangeCode, fetchProfile, pkcePair, type WikimediaProfile } from './wikimedia-client';
import {
  deleteExpiredStates,
  findById,
  findBySub,
  insertState,
  insertWikimediaUser,
  linkWikimedia,
  renameUser,
  setWikimediaUsername,
  takeState,
  takenKeys,
  type LinkedAccount,
} from './wikimedia-repo';

const STATE_TTL_MS = 10 * 60 * 1000;

/** Why a Wikimedia login did not finish; each has a message `accounts-wikimedia-error-<code>`. */
export type WikimediaErrorCode = 'disabled' | 'denied' | 'state' | 'unavailable' | 'linked-elsewhere' | 'already-linked' | 'blocked';

class WikimediaLoginError extends Error {
  constructor(readonly code: WikimediaErrorCode) {
    super(code);
  }
}

export const wikimediaConfigured = (app: FastifyInstance) => !!(app.deps.config.wikimedia.clientId && app.deps.config.wikimedia.clientSecret);

const errorPage = (req: FastifyRequest, code: WikimediaErrorCode) => `${req.user ? '/settings' : '/login'}?error=wikimedia-${code}`;

/** Starts the flow: remembers a fresh state and verifier for this session and answers where to send the browser. */
export async function startWikimediaLogin(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply): Promise<string> {
  if (!wikimediaConfigured(app)) return errorPage(req, 'disabled');
  const session = await ensureSession(app, req, reply);
  const now = app.deps.clock.now();
  const state = randomBytes(32).toString('base64url');
  const { verifier, challenge } = pkcePair();
  await deleteExpiredStates(app.db, now);
  await insertState(app.db, {
    stateHash: hashSecret(state),
    sessionId: session.id,
    verifier,
    linkUserId: req.user && req.authVia === 'cookie' ? req.user.id : null,
    now,
    expiresAt: new Date(now.getTime() + STATE_TTL_MS),
  });
  return authorizeUrl(app.deps.config, state, challenge);
}

export interface CallbackQuery {
  code?: string;
  state?: string;
  error?: string;
}

/** Finishes the flow and answers where to send the browser: the overview, settings, or a page explaining a failure. */
export async function finishWikimediaLogin(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, q: CallbackQuery): Promise<string> {
  try {
    if (!wikimediaConfigured(app)) throw new WikimediaLoginError('disabled');
    if (!q.state || !req.session) throw new WikimediaLoginError('state');
    const row = await takeState(app.db, hashSecret(q.state), req.session.id);
    if (!row || row.expires_at.getTime() < app.deps.clock.now().getTime()) throw new WikimediaLoginError('state');
    if (q.error) throw new WikimediaLoginError(q.error === 'access_denied' ? 'denied' : 'unavailable');
    if (!q.code) throw new WikimediaLoginError('state');
    // Linking needs the same person still signed in as when the flow started.
    if (row.link_user_id != null && req.user?.id !== row.link_user_id) throw new WikimediaLoginError('state');
    let profile: WikimediaProfile;
    try {
      profile = await fetchProfile(app.deps.config, await exchangeCode(app.deps.config, q.code, row.code_verifier));
    } catch (err) {
      if (!(err instanceof ProviderError)) throw err;
      req.log.warn({ step: err.step, status: err.status }, `Log in with Wikimedia failed: ${err.message}`);
      throw new WikimediaLoginError('unavailable');
    }
    return await signInWith(app, req, reply, profile, row.link_user_id);
  } catch (err) {
    if (!(err instanceof WikimediaLoginError)) throw err;
    await audit(app.db, {
      actorId: req.user?.id ?? null,
      action: 'account.login_failed',
      objectType: 'user',
      objectId: req.user?.id,
      details: { via: 'wikimedia', reason: err.code },
      ip: req.ip,
    });
    return errorPage(req, err.code);
  }
}

/** Retries when a concurrent sign-in took the same username or sub between our read and our write. */
async function signInWith(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, profile: WikimediaProfile, linkUserId: number | null): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await app.db.transaction().execute((trx) => resolveAccount(app, trx, req, reply, profile, linkUserId));
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= 3) throw err;
    }
  }
}

async function resolveAccount(app: FastifyInstance, db: Db, req: FastifyRequest, reply: FastifyReply, profile: WikimediaProfile, linkUserId: number | null): Promise<string> {
  const now = app.deps.clock.now();
  const details = { via: 'wikimedia', wikimediaUsername: profile.username, ...(profile.blocked ? { wikimediaBlocked: true } : {}) };
  const bySub = await findBySub(db, profile.sub);
  let userId: number;
  let target = '/';
  if (linkUserId != null) {
    if (bySub && bySub.id !== linkUserId) throw new WikimediaLoginError('linked-elsewhere');
    const me = await findById(db, linkUserId);
    if (!bySub) {
      if (me.wikimedia_sub) throw new WikimediaLoginError('already-linked');
      await linkWikimedia(db, me.id, profile.sub, profile.username, now);
      await audit(db, { actorId: me.id, action: 'account.wikimedia_link', objectType: 'user', objectId: me.id, details, ip: req.ip });
    } else {
      await followRename(db, req, bySub, profile, now);
    }
    userId = me.id;
    target = '/settings?notice=wikimedia-linked';
  } else if (bySub) {
    if (bySub.blocked_at) throw new WikimediaLoginError('blocked');
    await followRename(db, req, bySub, profile, now);
    userId = bySub.id;
    await audit(db, { actorId: userId, action: 'account.login', objectType: 'user', objectId: userId, details, ip: req.ip });
  } else {
    const wanted = usernameFromWikimedia(profile.username);
    const username = await freeUsername(db, wanted, null);
    ({ id: userId } = await insertWikimediaUser(db, {
      username,
      usernameKey: usernameKey(username),
      sub: profile.sub,
      wikimediaUsername: profile.username,
      uiLanguage: req.lang,
      now,
    }));
    await audit(db, { actorId: userId, action: 'account.create', objectType: 'user', objectId: userId, details, ip: req.ip });
    // Say so when the Wikimedia username was taken here and the account got another one.
    if (username !== wanted) target = '/settings?notice=wikimedia-username-taken';
  }
  await startUserSession(app, req, reply, userId, db);
  return target;
}

/**
 * Keeps the Wikimedia username current after a rename; the local username follows only when it came from
 * Wikimedia in the first place, and the old one is kept so that old links redirect.
 */
async function followRename(db: Db, req: FastifyRequest, account: LinkedAccount, profile: WikimediaProfile, now: Date) {
  if (account.wikimedia_username === profile.username) return;
  await setWikimediaUsername(db, account.id, profile.username, now);
  const details: Record<string, unknown> = { from: account.wikimedia_username, to: profile.username };
  if (account.username_from_wikimedia) {
    const username = await freeUsername(db, usernameFromWikimedia(profile.username), account.id);
    const key = usernameKey(username);
    if (key !== account.username_key || username !== account.username) {
      await renameUser(db, {
        userId: account.id,
        oldKey: account.username_key,
        username,
        usernameKey: key,
        // A display name that was just the username follows it.
        displayName: account.display_name === account.username ? username : account.display_name,
        now,
      });
      details.username = { from: account.username, to: username };
    }
  }
  await audit(db, { actorId: account.id, action: 'account.wikimedia_rename', objectType: 'user', objectId: account.id, details, ip: req.ip });
}

/** A Wikimedia username made acceptable here (older wiki accounts may hold characters we refuse). */
export function usernameFromWikimedia(name: string): string {
  const cleaned = normalizeUsername(name.split('').map((ch) => (USERNAME_FORBIDDEN.test(ch) ? ' ' : ch)).join(''));
  return (cleaned || 'Wikimedian').slice(0, USERNAME_MAX).trim();
}

/** The wanted username if it is free, else the first free "Name 2", "Name 3", …, checked in one query. */
export async function freeUsername(db: Db, wanted: string, exceptUserId: number | null): Promise<string> {
  const withSuffix = (suffix: string) => `${wanted.slice(0, USERNAME_MAX - suffix.length).trim()}${suffix}`;
  const candidates = [wanted, ...Array.from({ length: 19 }, (_, i) => withSuffix(` ${i + 2}`))];
  const taken = await takenKeys(db, candidates.map(usernameKey), exceptUserId);
  const free = candidates.find((c) => !taken.has(usernameKey(c)));
  return free ?? withSuffix(` ${randomBytes(3).readUIntBE(0, 3) % 900000 + 100000}`);
}
