// What every request carries once the cross-cutting hooks have run, and the app-wide dependencies.
import type { Config } from '../config';
import type { Db } from '../db/connection';
import type { UiLanguage } from '../../contracts/languages';
import type { Translate } from './i18n';
import type { RateLimiter } from './rate-limit';
import type { Mailer } from '../mail/mailer';

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
    /** Per-action rate limits applied before the handler, one tier or several (see rate-limit.ts). */
    rateTier?: string | readonly string[];
    /**
     * The write changes only what its author sees (read marks, follows, own settings, sessions, tokens), never a
     * page kept for anonymous visitors, so the content version stays (see content-cache.ts).
     */
    privateWrite?: boolean;
  }
}
