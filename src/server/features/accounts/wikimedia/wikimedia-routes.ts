// Page routes of "Log in with Wikimedia", outside /api/v1: the browser is sent to Wikimedia and comes back.
// Both answer redirects only; failures go to a page with a translated message, never an error document. The
// session (started, or rotated on signing in) is HTTP's, so it is handled here.
import type { FastifyPluginCallback, FastifyRequest } from 'fastify';
import { ctxOf } from '../../../http/ctx';
import { ensureSession, startUserSession } from '../../../http/session';
import { finishWikimediaLogin, startWikimediaLogin, type CallbackQuery } from './wikimedia-service';

/** Reads a query parameter only when it is a single, reasonably short string. */
function param(req: FastifyRequest, name: string): string | undefined {
  const v = (req.query as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' && v.length > 0 && v.length <= 2000 ? v : undefined;
}

export const wikimediaAuthRoutes: FastifyPluginCallback = (app, _opts, done) => {
  app.get('/login', { config: { policy: { access: 'anyone' } }, schema: { hide: true } }, async (req, reply) => {
    const location = await startWikimediaLogin(ctxOf(req), async () => (await ensureSession(app, req, reply)).id);
    return reply.header('cache-control', 'no-store').redirect(location, 302);
  });

  app.get('/callback', { config: { policy: { access: 'anyone' } }, schema: { hide: true } }, async (req, reply) => {
    const query: CallbackQuery = { code: param(req, 'code'), state: param(req, 'state'), error: param(req, 'error') };
    const outcome = await finishWikimediaLogin(ctxOf(req), query);
    const failure = outcome.providerFailure;
    if (failure)
      req.log.warn({ step: failure.step, status: failure.status }, `Log in with Wikimedia failed: ${failure.message}`);
    if (outcome.signIn !== null) await startUserSession(app, req, reply, outcome.signIn);
    return reply
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .redirect(outcome.location, 302);
  });
  done();
};
