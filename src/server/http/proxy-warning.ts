// Behind a reverse proxy without LDN_TRUST_PROXY=1 every request seems to come from the proxy's address, so all
// visitors share one address's limits (the global limit, sign-ups, failed log-ins). The first request that
// carries X-Forwarded-For says so in the log, once (DECISIONS 28).
import type { FastifyInstance } from 'fastify';

export const PROXY_WARNING =
  'Requests carry X-Forwarded-For but LDN_TRUST_PROXY is not set: every visitor behind the proxy counts as its ' +
  "address, so they share its rate limits and the audit log records the proxy's address. Set LDN_TRUST_PROXY=1 " +
  'when a reverse proxy you control sets X-Forwarded-For.';

export function registerProxyWarning(app: FastifyInstance): void {
  if (app.deps.config.trustProxy) return;
  let warned = false;
  app.addHook('onRequest', (req, _reply, done) => {
    if (!warned && req.headers['x-forwarded-for'] !== undefined) {
      warned = true;
      app.log.warn(PROXY_WARNING);
    }
    done();
  });
}
