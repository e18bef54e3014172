// Builds the plain context use cases take (http/context.ts `Ctx`): from a request in the route layer, or for
// the system (background jobs, the command line, tests) with no request at all.
import type { FastifyRequest } from 'fastify';
import type { UiLanguage } from '../../contracts/languages';
import type { Db } from '../db/connection';
import type { Ctx, CurrentUser, Deps } from './context';
import { translator } from './i18n';

/**
 * The context of a request. Built afresh on each call (it is a handful of fields): a route that signs someone in
 * and then calls a use case sees the new session.
 */
export function ctxOf(req: FastifyRequest): Ctx {
  const deps = req.server.deps;
  return {
    actor: req.user,
    via: req.authVia === 'cookie' ? 'session' : req.authVia,
    sessionId: req.session?.id ?? null,
    ip: req.ip,
    lang: req.lang,
    t: req.t,
    // Inside a creating request sent with an Idempotency-Key, its one transaction (http/idempotency.ts).
    db: req.idempotency?.tx.db ?? req.server.db,
    now: deps.clock.now(),
    config: deps.config,
    deps,
  };
}

/** The context of work the system does on its own (a job, a command), optionally on someone's behalf. */
export function systemCtx(
  deps: Deps,
  db: Db,
  opts: { actor?: CurrentUser | null; lang?: UiLanguage; now?: Date } = {},
): Ctx {
  const lang = opts.lang ?? 'en';
  return {
    actor: opts.actor ?? null,
    via: null,
    sessionId: null,
    ip: null,
    lang,
    t: translator(lang),
    db,
    now: opts.now ?? deps.clock.now(),
    config: deps.config,
    deps,
  };
}
