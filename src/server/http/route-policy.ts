// Every route declares its policy as data (`config: { policy }`): who may call it, its rate tiers, whether it is
// a write that changes only what its author sees, whether a suspended person may still make it, which
// first-day limits hold, the error answers it can give, and whether a retry with the same `Idempotency-Key` gets
// the first answer again. One hook enforces it before the body is read, so a route cannot forget a check: access
// (401/403), then the write guards features register (moderation refuses suspended people on every write not
// marked `openWhileSuspended`, and holds new accounts to their first-day limits), then one count in each rate
// tier; the keys are http/idempotency.ts's hooks, once the body is valid.
import type { FastifyContextConfig, FastifyInstance, FastifyRequest } from 'fastify';
import type { Ctx } from './context';
import { ctxOf } from './ctx';
import { hasRole, refuse } from './access';
import { unauthorized } from './errors';
import { countTiers, type RateTier } from './rate-limit';
import type { ContentScope } from './content-cache';

/** Who may call a route; finer checks (the author, a group's coordinators) stay in the use case. */
export type Access = 'anyone' | 'signed_in' | 'moderator' | 'admin';

/** First-day limits of new accounts: no links in what they write, a few comments, a few topics. */
export type FirstDayRule = 'links' | 'comments' | 'topics';

/** Error answers a route may give beyond those its policy and schemas imply (400, 401, 403, 429). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 502 | 503 | 504;

export interface RoutePolicy {
  access: Access;
  /** Per-action rate tiers counted before the handler (http/rate-limit.ts). */
  rate?: readonly RateTier[];
  /**
   * The write changes only what its author sees (read marks, follows, own settings, sessions, tokens), never a
   * page kept for anonymous visitors, so the content version stays (see content-cache.ts).
   */
  privateWrite?: boolean;
  /**
   * The scope of the content version whose data the route changes (a write: it advances that scope's version
   * only, not the global one) or shows (a read: a page that calls it is kept under that scope too). See
   * content-cache.ts; a route whose answer shows a scope's data must name it.
   */
  contentScope?: ContentScope;
  /** A write a suspended person may still make (log out, own settings, appeals, deleting own content, …). */
  openWhileSuspended?: boolean;
  /** First-day limits of new accounts that hold for this write. */
  firstDay?: readonly FirstDayRule[];
  /** Further error answers (404 for a missing item, 409 for a conflict, …), shown in the OpenAPI document. */
  errors?: readonly ErrorStatus[];
  /**
   * A write that creates something: a retry sent with the same `Idempotency-Key` gets the first answer again and
   * creates nothing (http/idempotency.ts). Every POST answering 201 declares it (route-policy.test.ts checks).
   */
  idempotent?: boolean;
}

/** A check run before every write by a signed-in person, with the route's policy and the unvalidated body. */
export type WriteGuard = (ctx: Ctx, policy: RoutePolicy, body: unknown) => Promise<void>;
const guards: WriteGuard[] = [];

export function registerWriteGuard(guard: WriteGuard): void {
  if (!guards.includes(guard)) guards.push(guard);
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a request changes nothing (so no policy guard, CSRF check or content version move concerns it). */
export const isSafeMethod = (method: string): boolean => SAFE.has(method);

/** The policy a route declared. */
export const policyOf = (config: FastifyContextConfig | undefined): RoutePolicy | undefined => config?.policy;

export const isPrivateWrite = (config: FastifyContextConfig | undefined): boolean => !!policyOf(config)?.privateWrite;

async function enforce(req: FastifyRequest, p: RoutePolicy): Promise<void> {
  if (p.access !== 'anyone' && !req.user) throw unauthorized();
  const needs = p.access === 'admin' || p.access === 'moderator' ? p.access : null;
  // Moderators' routes are open to admins too, as moderation/policy.ts's isModerator says.
  if (needs && !(hasRole(req.user, needs) || (needs === 'moderator' && hasRole(req.user, 'admin')))) {
    throw await refuse(ctxOf(req), `${req.method} ${req.routeOptions.url}`);
  }
  const write = !isSafeMethod(req.method);
  if (write && req.user) {
    const ctx = ctxOf(req);
    for (const guard of guards) await guard(ctx, p, req.body);
  }
  if (p.rate?.length)
    await countTiers(req.server.deps.rateLimiter, p.rate, { userId: req.user?.id ?? null, ip: req.ip });
}

export interface RegisteredRoute {
  method: string;
  url: string;
  policy: RoutePolicy | undefined;
  /** The statuses its response schema describes (201 for a creation). */
  answers: number[];
}
const registered = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** Every route the app registered, with its policy (for the tests that walk them all). */
export const registeredRoutes = (app: FastifyInstance): readonly RegisteredRoute[] => registered.get(app) ?? [];

/** Routes that plugins of others register (the API reference's and the static files): open to anyone, they
 * take no input of ours, so they declare nothing. */
const foreign = (url: string) => url.startsWith('/api/docs') || url.startsWith('/assets/');

/**
 * Runs every route's policy before its body is validated (after the CSRF check), and refuses at start-up any
 * route that declares none: a route cannot forget its policy.
 */
export function registerRoutePolicies(app: FastifyInstance): void {
  const routes: RegisteredRoute[] = [];
  registered.set(app, routes);
  app.addHook('onRoute', (opts) => {
    const methods = (Array.isArray(opts.method) ? opts.method : [opts.method]).filter((m) => m !== 'HEAD');
    const policy = policyOf(opts.config);
    const response = (opts.schema as { response?: Record<string, unknown> } | undefined)?.response ?? {};
    const answers = Object.keys(response).map(Number);
    for (const method of methods) routes.push({ method, url: opts.url, policy, answers });
    if (!policy && methods.length && !foreign(opts.url)) {
      throw new Error(`${methods.join(',')} ${opts.url} declares no policy (config.policy, http/route-policy.ts)`);
    }
  });
  // Synchronous for what most requests are (a read open to anyone, within no action limit): no promise each.
  app.addHook('preValidation', (req, _reply, done) => {
    const p = policyOf(req.routeOptions.config);
    if (!p || (p.access === 'anyone' && isSafeMethod(req.method) && !p.rate?.length)) return done();
    enforce(req, p).then(() => done(), done);
  });
}
