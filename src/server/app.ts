// buildApp(deps) -> the Fastify instance: plumbing in a fixed order, then every feature's routes, then pages.
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { Config } from './config';
import type { Db } from './db/connection';
import type { Clock, Deps } from './http/context';
import { registerSecurityHeaders } from './http/security-headers';
import { registerErrorHandling, HttpError } from './http/errors';
import { registerLanguage } from './http/language';
import { registerProxyWarning } from './http/proxy-warning';
import { registerSessions } from './http/session';
import { handedOver } from './http/handover';
import { createRateLimiter } from './http/rate-limit';
import { registerRoutePolicies } from './http/route-policy';
import { registerInputText } from './http/input-text';
import { registerApiDocs } from './http/api-docs';
import { registerFeatures, registerRegistries } from './features';
import { registerPages } from './pages/plugin';
import { START_SCRIPTS_CSP } from './pages/document';
import { isPageRequest, sendStartingPage } from './pages/starting';
import { registerContentVersionHooks, trustContentVersionsFor } from './http/content-cache';
import { registerIdempotency } from './http/idempotency';
import { registerCompression } from './http/compression/answers';
import { createMailer, type Mailer } from './mail/mailer';

export interface AppOptions {
  config: Config;
  db?: Db | null;
  clock?: Clock;
  redis?: Redis | null;
  logger?: boolean;
  /** Serve server-rendered pages (needs the built web bundle); API-only tests leave it off. */
  pages?: boolean;
  /** Mail transport; by default SMTP_URL's server or the outbox. */
  mailer?: Mailer;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger
      ? {
          level: process.env.LOG_LEVEL ?? 'info',
          redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
        }
      : false,
    trustProxy: options.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Answer in the client's own words, never with a stack trace.
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const deps: Deps = {
    config: options.config,
    clock: options.clock ?? { now: () => new Date() },
    db: options.db ?? null,
    rateLimiter: createRateLimiter({
      enabled: options.config.rateLimits,
      getDb: () => app.db,
      redis: options.redis ?? null,
      tiers: options.config.rateRules,
      now: () => deps.clock.now().getTime(),
    }),
    mailer: options.mailer ?? createMailer({ config: options.config, getDb: () => app.db, log: app.log }),
  };
  app.addHook('onClose', (_instance, done) => {
    deps.mailer.close();
    done();
  });
  if (deps.db) trustContentVersionsFor(deps.db, options.config.contentVersionMaxAgeMs);
  app.decorate('deps', deps);
  app.decorate('db', {
    getter() {
      if (!deps.db) throw new HttpError(503, 'error-unavailable', { headers: { 'Retry-After': '1' } });
      return deps.db;
    },
  });

  // A POST with no body is valid: accept an empty JSON body as {}.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch (err) {
      (err as { statusCode?: number }).statusCode = 400;
      done(err as Error, undefined);
    }
  });

  registerErrorHandling(app);
  registerProxyWarning(app);
  await app.register(cookie);
  registerLanguage(app);
  registerSecurityHeaders(app, {
    secure: options.config.secureCookies,
    formOrigins: [options.config.wikimedia.base.replace(/^(https?:\/\/[^/]+).*$/, '$1')],
    scriptSources: [START_SCRIPTS_CSP],
  });
  if (options.config.rateLimits) {
    // The global per-address limit; per-action limits are in http/rate-limit.ts.
    await app.register(rateLimit, {
      global: true,
      max: options.config.globalRatePerMinute,
      timeWindow: 60_000,
      redis: options.redis ?? undefined,
      // A page's own API calls (http/handover.ts) were counted with the page.
      allowList: (req) => req.url === '/healthz' || req.url.startsWith('/assets/') || !!handedOver(req),
    });
  }
  // Until the database is ready every request but the health check answers 503: pages with a small page in the
  // visitor's language that reloads itself, the API with problem+json.
  app.addHook('onRequest', (req, reply, done) => {
    if (deps.db || req.url === '/healthz') return done();
    if (isPageRequest(req.url)) return void sendStartingPage(req, reply);
    done(new HttpError(503, 'error-unavailable', { headers: { 'Retry-After': '1' } }));
  });
  registerSessions(app);
  registerIdempotency(app);
  registerContentVersionHooks(app);
  // After every other onSend hook (they read the answer as written, the idempotency keys keep it to replay).
  registerCompression(app);
  registerRegistries();
  registerRoutePolicies(app);
  registerInputText(app);

  app.get('/healthz', { schema: { hide: true }, config: { policy: { access: 'anyone' } } }, async (_req, reply) => {
    if (!deps.db) return reply.code(503).send({ status: 'starting' });
    return { status: 'ok' };
  });

  await registerApiDocs(app);
  await registerFeatures(app);
  if (options.pages !== false) await registerPages(app);
  return app;
}
