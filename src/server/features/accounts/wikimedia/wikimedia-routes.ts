// Page routes of "Log in with Wikimedia", outside /api/v1: the browser is sent to Wikimedia and comes back.
// Both answer redirects only; failures go to a page with a translated message, never an error document.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { finishWikimediaLogin, startWikimediaLogin, type CallbackQuery } from './wikimedia-service';

/** Reads a query parameter only when it is a single, reasonably short string. */
function param(req: FastifyRequest, name: string): string | undefined {
  const v = (req.query as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' && v.length > 0 && v.length <= 2000 ? v : undefined;
}

export async function wikimediaAuthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/login', { schema: { hide: true } }, async (req, reply) => {
    const location = await startWikimediaLogin(app, req, reply);
    return reply.header('cache-control', 'no-store').redirect(location, 302);
  });

  app.get('/callback', { schema: { hide: true } }, async (req, reply) => {
    const query: CallbackQuery = { code: param(req, 'code'), state: param(req, 'state'), error: param(req, 'error') };
    const location = await finishWikimediaLogin(app, req, reply, query);
    return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(location, 302);
  });
}
