// What signing in and out means for HTTP: the session cookie, started (rotated) or ended here, never in a use
// case. The use cases answer whom to sign in; these helpers do it and answer the session as the API shows it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SessionAnswer } from '../../../contracts/accounts';
import { ctxOf } from '../../http/ctx';
import { ensureSession, startUserSession } from '../../http/session';
import { presentCurrentUser } from './present';
import { signedInUser } from './service';

/** The current session; a personal token needs no CSRF token, and must not start a cookie session for its script. */
export async function currentSession(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<SessionAnswer> {
  if (req.authVia === 'token') return { user: presentCurrentUser(req.user), csrfToken: '' };
  const session = await ensureSession(app, req, reply);
  return { user: presentCurrentUser(req.user), csrfToken: session.csrfToken };
}

/** Signs the person in (a new session: the old one ends) and answers the session, with its CSRF token. */
export async function signIn(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  userId: number,
): Promise<SessionAnswer> {
  // In the request's own transaction when it has one (a sign-up sent with an Idempotency-Key): the account and
  // its first session commit together.
  const session = await startUserSession(app, req, reply, userId, ctxOf(req).db);
  const user = await signedInUser(ctxOf(req), userId);
  req.user = user;
  req.authVia = 'cookie';
  return { user: presentCurrentUser(user), csrfToken: session.csrfToken };
}
