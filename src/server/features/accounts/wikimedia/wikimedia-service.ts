// "Log in with Wikimedia": OAuth 2.0 authorization code with PKCE (S256). The state and the verifier are kept
// on the server, bound to the browser session, for ten minutes and one use. An account is keyed on the
// Wikimedia central id (sub); it is linked to an existing local account only when that person is signed in
// while linking, never by matching names. A new account takes the Wikimedia username, unless someone here has it
// or one looking like it: then the person chooses another (wikimedia-signup.ts). Every failure ends on a page
// with a translated message. The use cases answer where to send the browser and whom to sign in; the routes
// redirect and start the session.
import { randomBytes } from 'node:crypto';
import type { Config } from '../../../config';
import { isUniqueViolation } from '../../../db/errors';
import type { Db } from '../../../db/connection';
import { audit } from '../../../http/audit';
import type { Ctx } from '../../../http/context';
import { hashSecret } from '../../../http/tokens';
import { USERNAME_FORBIDDEN, USERNAME_MAX, normalizeUsername, usernameKey } from '../../../../contracts/usernames';
import { nameProblem, truncateGraphemes } from '../../../text/names';
import {
  ProviderError,
  authorizeUrl,
  exchangeCode,
  fetchProfile,
  pkcePair,
  type WikimediaProfile,
} from './wikimedia-client';
import { mayLink } from './policy';
import {
  deleteExpiredStates,
  findById,
  findBySub,
  holdSignup,
  insertState,
  insertWikimediaUser,
  linkWikimedia,
  renameUser,
  setWikimediaUsername,
  takeState,
  takenNames,
  type LinkedAccount,
} from './wikimedia-repo';

const STATE_TTL_MS = 10 * 60 * 1000;

/** Why a Wikimedia login did not finish; each has a message `accounts-wikimedia-error-<code>`. */
export type WikimediaErrorCode =
  'disabled' | 'denied' | 'state' | 'unavailable' | 'linked-elsewhere' | 'already-linked' | 'blocked';

class WikimediaLoginError extends Error {
  constructor(readonly code: WikimediaErrorCode) {
    super(code);
  }
}

export const wikimediaConfigured = (config: Config) => !!(config.wikimedia.clientId && config.wikimedia.clientSecret);

const errorPage = (ctx: Ctx, code: WikimediaErrorCode) =>
  `${ctx.actor ? '/settings' : '/login'}?error=wikimedia-${code}`;

/**
 * Starts the flow: remembers a fresh state and verifier for the browser's session (`sessionId` gives it, starting
 * an anonymous one when there is none) and answers where to send the browser.
 */
export async function startWikimediaLogin(ctx: Ctx, sessionId: () => Promise<number>): Promise<string> {
  if (!wikimediaConfigured(ctx.config)) return errorPage(ctx, 'disabled');
  const session = await sessionId();
  const now = ctx.now;
  const state = randomBytes(32).toString('base64url');
  const { verifier, challenge } = pkcePair();
  await deleteExpiredStates(ctx.db, now);
  await insertState(ctx.db, {
    stateHash: hashSecret(state),
    sessionId: session,
    verifier,
    linkUserId: mayLink(ctx) ? (ctx.actor?.id ?? null) : null,
    now,
    expiresAt: new Date(now.getTime() + STATE_TTL_MS),
  });
  return authorizeUrl(ctx.config, state, challenge);
}

export interface CallbackQuery {
  code?: string;
  state?: string;
  error?: string;
}

/** Where the callback sends the browser, whom to sign in (a new session), and a failure of Wikimedia's to log. */
export interface WikimediaOutcome {
  location: string;
  signIn: number | null;
  providerFailure?: ProviderError;
}

/** Finishes the flow: the overview, settings, or a page explaining a failure; and whom to sign in. */
export async function finishWikimediaLogin(ctx: Ctx, q: CallbackQuery): Promise<WikimediaOutcome> {
  let providerFailure: ProviderError | undefined;
  try {
    if (!wikimediaConfigured(ctx.config)) throw new WikimediaLoginError('disabled');
    if (!q.state || ctx.sessionId === null) throw new WikimediaLoginError('state');
    const row = await takeState(ctx.db, hashSecret(q.state), ctx.sessionId);
    if (!row || row.expires_at.getTime() < ctx.now.getTime()) throw new WikimediaLoginError('state');
    if (q.error) throw new WikimediaLoginError(q.error === 'access_denied' ? 'denied' : 'unavailable');
    if (!q.code) throw new WikimediaLoginError('state');
    // Linking needs the same person still signed in as when the flow started.
    if (row.link_user_id != null && ctx.actor?.id !== row.link_user_id) throw new WikimediaLoginError('state');
    let profile: WikimediaProfile;
    try {
      profile = await fetchProfile(ctx.config, await exchangeCode(ctx.config, q.code, row.code_verifier));
    } catch (err) {
      if (!(err instanceof ProviderError)) throw err;
      providerFailure = err;
      throw new WikimediaLoginError('unavailable');
    }
    return await signInWith(ctx, profile, row.link_user_id);
  } catch (err) {
    if (!(err instanceof WikimediaLoginError)) throw err;
    await audit(ctx.db, {
      actorId: ctx.actor?.id ?? null,
      action: 'account.login_failed',
      objectType: 'user',
      objectId: ctx.actor?.id,
      details: { via: 'wikimedia', reason: err.code },
      ip: ctx.ip ?? undefined,
    });
    return { location: errorPage(ctx, err.code), signIn: null, providerFailure };
  }
}

/** Retries when a concurrent sign-in took the same username or sub between our read and our write. */
async function signInWith(ctx: Ctx, profile: WikimediaProfile, linkUserId: number | null): Promise<WikimediaOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.transaction().execute((trx) => resolveAccount(ctx, trx, profile, linkUserId));
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= 3) throw err;
    }
  }
}

async function resolveAccount(
  ctx: Ctx,
  db: Db,
  profile: WikimediaProfile,
  linkUserId: number | null,
): Promise<WikimediaOutcome> {
  const now = ctx.now;
  const ip = ctx.ip ?? undefined;
  const details = {
    via: 'wikimedia',
    wikimediaUsername: profile.username,
    ...(profile.blocked ? { wikimediaBlocked: true } : {}),
  };
  const bySub = await findBySub(db, profile.sub);
  let userId: number;
  let target = '/';
  if (linkUserId != null) {
    if (bySub && bySub.id !== linkUserId) throw new WikimediaLoginError('linked-elsewhere');
    const me = await findById(db, linkUserId);
    if (!bySub) {
      if (me.wikimedia_sub) throw new WikimediaLoginError('already-linked');
      await linkWikimedia(db, me.id, profile.sub, profile.username, now);
      await audit(db, {
        actorId: me.id,
        action: 'account.wikimedia_link',
        objectType: 'user',
        objectId: me.id,
        details,
        ip,
      });
    } else {
      await followRename(db, ip, bySub, profile, now);
    }
    userId = me.id;
    target = '/settings?notice=wikimedia-linked';
  } else if (bySub) {
    if (bySub.blocked_at) throw new WikimediaLoginError('blocked');
    await followRename(db, ip, bySub, profile, now);
    userId = bySub.id;
    await audit(db, { actorId: userId, action: 'account.login', objectType: 'user', objectId: userId, details, ip });
  } else {
    const wanted = usernameFromWikimedia(profile.username);
    if ((await takenNames(db, [wanted], null)).size > 0) {
      // Taken here, or looking like a name that is (DECISIONS 27): the person chooses another
      // (wikimedia-signup.ts), in this browser session, which the state was bound to.
      await holdSignup(db, {
        sessionId: ctx.sessionId as number,
        sub: profile.sub,
        wikimediaUsername: profile.username,
        blocked: !!profile.blocked,
        expiresAt: new Date(now.getTime() + STATE_TTL_MS),
      });
      return { location: '/signup/wikimedia', signIn: null };
    }
    ({ id: userId } = await insertWikimediaUser(db, {
      username: wanted,
      usernameKey: usernameKey(wanted),
      sub: profile.sub,
      wikimediaUsername: profile.username,
      fromWikimedia: true,
      uiLanguage: ctx.lang,
      now,
    }));
    await audit(db, { actorId: userId, action: 'account.create', objectType: 'user', objectId: userId, details, ip });
    // A new account starts at its first steps.
    target = '/welcome';
  }
  return { location: target, signIn: userId };
}

/**
 * Keeps the Wikimedia username current after a rename; the local username follows only when it came from
 * Wikimedia in the first place, and the old one is kept so that old links redirect.
 */
async function followRename(
  db: Db,
  ip: string | undefined,
  account: LinkedAccount,
  profile: WikimediaProfile,
  now: Date,
) {
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
  await audit(db, {
    actorId: account.id,
    action: 'account.wikimedia_rename',
    objectType: 'user',
    objectId: account.id,
    details,
    ip,
  });
}

/**
 * A Wikimedia username made acceptable here: older wiki accounts may hold characters we refuse, which are left
 * out (direction marks and invisible characters) or read as spaces (those MediaWiki titles now refuse).
 */
export function usernameFromWikimedia(name: string): string {
  let cleaned = normalizeUsername(
    name
      .split('')
      .map((ch) => (USERNAME_FORBIDDEN.test(ch) ? ' ' : ch))
      .join(''),
  );
  for (let problem = nameProblem(cleaned); problem; problem = nameProblem(cleaned))
    cleaned = normalizeUsername(cleaned.slice(0, problem.index) + cleaned.slice(problem.index + problem.length));
  return truncateGraphemes(cleaned || 'Wikimedian', USERNAME_MAX).trim();
}

/** The wanted username if it is free, else the first free "Name 2", "Name 3", …, checked in one query. */
export async function freeUsername(db: Db, wanted: string, exceptUserId: number | null): Promise<string> {
  const withSuffix = (suffix: string) => `${truncateGraphemes(wanted, USERNAME_MAX - suffix.length).trim()}${suffix}`;
  const candidates = [wanted, ...Array.from({ length: 19 }, (_, i) => withSuffix(` ${i + 2}`))];
  const taken = await takenNames(db, candidates, exceptUserId);
  const free = candidates.find((c) => !taken.has(c));
  return free ?? withSuffix(` ${(randomBytes(3).readUIntBE(0, 3) % 900000) + 100000}`);
}
