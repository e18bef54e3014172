// What every request carries once the cross-cutting hooks have run, and the app-wide dependencies.
import type { Config } from '../config';
import type { Db } from '../db/connection';
import type { UiLanguage } from '../../contracts/languages';
import type { Translate } from './i18n';
import type { RateLimiter } from './rate-limit';
import type { Mailer } from '../mail/mailer';
import type { RoutePolicy } from './route-policy';

export type Role = 'admin' | 'moderator';

export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  timeZone: string | null;
  uiLanguage: string | null;
  /** Until when moderators suspended the person (set while a suspension lasts). */
  suspendedUntil?: Date | null;
  /** Advanced by the person's own private writes (follows, read marks, settings): see pages/plugin.ts. */
  pageVersion?: string;
}

export interface SessionInfo {
  id: number;
  csrfToken: string;
}

export interface Clock {
  now(): Date;
}

/**
 * What a use case needs to know about who asks and with what, built once per request by the route layer
 * (`ctxOf` in http/ctx.ts), or by a job or the command line (`systemCtx`). Services take this, never Fastify
 * objects, so the same use case runs from HTTP, a background job, the command line or a test.
 */
export interface Ctx {
  /** The signed-in person, or null for an anonymous visitor or the system. */
  actor: CurrentUser | null;
  /** How the request was authenticated; null for anonymous visitors, jobs and the command line. */
  via: 'session' | 'token' | null;
  sessionId: number | null;
  /** The client address, for the audit log; null outside HTTP. */
  ip: string | null;
  lang: UiLanguage;
  /** Messages in `lang`. */
  t: Translate;
  db: Db;
  /** The moment the request (or job) began: one clock reading per use case. */
  now: Date;
  config: Config;
  /** App-wide services a few use cases need (the rate limiter when logging in, the clock for long jobs). */
  deps: Deps;
}

export interface Deps {
  config: Config;
  clock: Clock;
  /** Set once the database is migrated and ready; requests get 503 until then. */
  db: Db | null;
  rateLimiter: RateLimiter;
  /** Sends mail (SMTP or the outbox); used by background jobs only. */
  mailer: Mailer;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
    /** The ready database; throws 503 while starting. */
    readonly db: Db;
  }
  interface FastifyRequest {
    user: CurrentUser | null;
    session: SessionInfo | null;
    /** How the request was authenticated: a session cookie, a personal API token, or neither. */
    authVia: 'cookie' | 'token' | null;
    lang: UiLanguage;
    t: Translate;
  }
  interface FastifyContextConfig {
    /** Who may call the route, its limits and kind of write: see http/route-policy.ts. */
    policy?: RoutePolicy;
    /** A page's form sent without JavaScript: its CSRF token comes in the `_csrf` field (pages/forms.ts). */
    form?: boolean;
  }
}
