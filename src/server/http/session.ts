// Server-side sessions: the cookie holds a random token, the database its hash. Sessions start anonymous
// (GET /api/v1/session), are rotated when someone signs in, and expire after an idle and an absolute time.
// Personal API tokens (Authorization: Bearer) authenticate without a cookie and need no CSRF token.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/connection';
import type { CurrentUser, Role, SessionInfo } from './context';
import { hashSecret, newSecret, safeEqual } from './tokens';
import { forbidden, unauthorized } from './errors';
import { HANDOVER_HEADER, handedOver } from './handover';
import { FORM_TOKEN_FIELD, formTokenValid } from './csrf';
import { isSafeMethod } from './route-policy';

const TOUCH_EVERY_MS = 5 * 60 * 1000;

export const sessionCookieName = (secure: boolean) => (secure ? '__Host-ldn_session' : 'ldn_session');

interface UserRow {
  user_id: number | null;
  username: string | null;
  display_name: string | null;
  roles: string[] | null;
  time_zone: string | null;
  ui_language: string | null;
  blocked_at: Date | null;
  suspended_until: Date | null;
  page_version?: string;
}

function toUser(row: UserRow, now: Date): CurrentUser | null {
  if (row.user_id == null || row.blocked_at) return null;
  return {
    id: row.user_id,
    username: row.username ?? '',
    displayName: row.display_name ?? '',
    roles: (row.roles ?? []) as Role[],
    timeZone: row.time_zone,
    uiLanguage: row.ui_language,
    suspendedUntil: row.suspended_until && row.suspended_until > now ? row.suspended_until : null,
    pageVersion: row.page_version,
  };
}

function setCookie(app: FastifyInstance, reply: FastifyReply, token: string) {
  const { secureCookies, sessionAbsoluteSeconds } = app.deps.config;
  reply.setCookie(sessionCookieName(secureCookies), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies,
    maxAge: sessionAbsoluteSeconds,
  });
}

async function createSession(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  userId: number | null,
  db: Db = app.db,
) {
  const token = newSecret();
  const csrfToken = newSecret();
  const row = await db
    .insertInto('sessions')
    .values({
      token_hash: hashSecret(token),
      user_id: userId,
      csrf_token: csrfToken,
      user_agent: String(req.headers['user-agent'] ?? '').slice(0, 300),
      ip: req.ip,
      last_seen_at: app.deps.clock.now(),
      created_at: app.deps.clock.now(),
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  setCookie(app, reply, token);
  req.session = { id: row.id, csrfToken };
  return req.session;
}

/** The request's session, creating an anonymous one when there is none. */
export async function ensureSession(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<SessionInfo> {
  return req.session ?? createSession(app, req, reply, null);
}

/** Signs a person in: the old session ends and a new one starts (session fixation defence). */
export async function startUserSession(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  userId: number,
  db: Db = app.db,
) {
  if (req.session) await db.deleteFrom('sessions').where('id', '=', req.session.id).execute();
  const session = await createSession(app, req, reply, userId, db);
  return session;
}

export async function endSession(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
  if (req.session) await app.db.deleteFrom('sessions').where('id', '=', req.session.id).execute();
  req.session = null;
  req.user = null;
  reply.clearCookie(sessionCookieName(app.deps.config.secureCookies), { path: '/' });
}

async function authenticate(app: FastifyInstance, req: FastifyRequest) {
  // An API call made while a page renders: the page's request already authenticated (http/handover.ts).
  const handed = handedOver(req);
  if (handed) {
    Object.assign(req, handed);
    return;
  }
  const auth = req.headers.authorization;
  const db = app.db;
  if (auth?.startsWith('Bearer ')) {
    const row = await db
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select([
        't.id as token_id',
        't.last_used_at',
        'u.id as user_id',
        'u.username',
        'u.display_name',
        'u.roles',
        'u.time_zone',
        'u.ui_language',
        'u.blocked_at',
        'u.suspended_until',
      ])
      .where('t.token_hash', '=', hashSecret(auth.slice(7).trim()))
      .where('t.revoked_at', 'is', null)
      .executeTakeFirst();
    req.user = row ? toUser(row, app.deps.clock.now()) : null;
    if (!req.user) throw unauthorized();
    req.authVia = 'token';
    if (row && req.user && (!row.last_used_at || Date.now() - row.last_used_at.getTime() > TOUCH_EVERY_MS)) {
      await db
        .updateTable('api_tokens')
        .set({ last_used_at: app.deps.clock.now() })
        .where('id', '=', row.token_id)
        .execute();
    }
    return;
  }
  const token = req.cookies[sessionCookieName(app.deps.config.secureCookies)];
  if (!token) return;
  const row = await db
    .selectFrom('sessions as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.csrf_token',
      's.created_at',
      's.last_seen_at',
      's.user_id',
      'u.username',
      'u.display_name',
      'u.roles',
      'u.time_zone',
      'u.ui_language',
      'u.blocked_at',
      'u.suspended_until',
    ])
    .leftJoin('page_versions as pv', 'pv.user_id', 's.user_id')
    .select(sql<string>`coalesce(pv.version, 0)::text`.as('page_version'))
    .where('s.token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  if (!row) return;
  const now = app.deps.clock.now().getTime();
  const { sessionIdleSeconds, sessionAbsoluteSeconds } = app.deps.config;
  if (
    now - row.last_seen_at.getTime() > sessionIdleSeconds * 1000 ||
    now - row.created_at.getTime() > sessionAbsoluteSeconds * 1000
  ) {
    await db.deleteFrom('sessions').where('id', '=', row.id).execute();
    return;
  }
  if (now - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now) })
      .where('id', '=', row.id)
      .execute();
  }
  req.session = { id: row.id, csrfToken: row.csrf_token };
  req.user = toUser(row, new Date(now));
  req.authVia = req.user ? 'cookie' : null;
}

export function registerSessions(app: FastifyInstance): void {
  app.decorateRequest('user', null);
  app.decorateRequest('session', null);
  app.decorateRequest('authVia', null);
  app.addHook('onRequest', (req, _reply, done) => {
    if (req.url.startsWith('/assets/') || req.url === '/healthz' || !app.deps.db) return done();
    // Nothing to look up (no token, no cookie, no page handing over): no promise either.
    if (!req.headers.authorization && !req.headers.cookie && !req.headers[HANDOVER_HEADER]) return done();
    authenticate(app, req).then(() => done(), done);
  });
  // CSRF: every state-changing request made with the cookie carries the session's token: API calls in a header,
  // forms sent without JavaScript (routes marked `form`) in their `_csrf` field (http/csrf.ts). A form the page's
  // own request checked already (pages/forms.ts) hands its check over to the API call it makes.
  // Checked before the body is validated, so a forged request learns nothing about the input rules.
  app.addHook('preValidation', async (req) => {
    if (isSafeMethod(req.method) || req.authVia === 'token' || handedOver(req)?.formChecked) return;
    if (req.routeOptions.config?.form && !req.url.startsWith('/api/')) {
      const fields = req.body as Record<string, unknown> | undefined;
      if (!(await formTokenValid(req, fields?.[FORM_TOKEN_FIELD]))) throw forbidden('error-csrf-detail');
      return;
    }
    const sent = req.headers['x-csrf-token'];
    if (!req.session || typeof sent !== 'string' || !safeEqual(sent, req.session.csrfToken)) {
      throw forbidden('error-csrf-detail');
    }
  });
}
