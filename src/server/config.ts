// Configuration comes from the environment only; README.md lists every variable with its default.
import path from 'node:path';
import { RATE_TIERS, type RateRule } from './http/rate-limit';

export interface Config {
  port: number;
  baseUrl: string;
  dataDir: string;
  databaseUrl: string | null;
  /** Schema the pg connection works in (tests give each run its own). */
  databaseSchema: string | null;
  redisUrl: string | null;
  demo: boolean;
  rateLimits: boolean;
  /** Requests a minute from one address, all routes together (LDN_GLOBAL_RATE_PER_MINUTE; DECISIONS 31). */
  globalRatePerMinute: number;
  /** Behind a reverse proxy: the client address is read from X-Forwarded-For (LDN_TRUST_PROXY=1). */
  trustProxy: boolean;
  wikimedia: { base: string; clientId: string | null; clientSecret: string | null };
  smtpUrl: string | null;
  mailFrom: string;
  telegram: { apiBase: string; botToken: string | null; chatId: string | null };
  /** Idle and absolute session lifetimes, in seconds. */
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  secureCookies: boolean;
  /**
   * How long a process trusts the content versions it last read before reading them again (milliseconds): kept
   * answers then cost no query. Its own writes and those its visitor's cookie names are seen at once
   * (http/content-cache.ts). The tests use 0: every kept read asks the database.
   */
  contentVersionMaxAgeMs: number;
  /** Per-action rate limits by tier: RATE_TIERS, each changed by LDN_RATE_<TIER>=max/seconds. */
  rateRules: Record<string, RateRule>;
  /** First-day limits of new accounts (lifted with the rate limits). */
  newAccounts: { hours: number; maxComments: number; maxTopics: number; maxLinks: number };
  /** Content is hidden after this many reports from members whose accounts are at least this many days old. */
  moderation: { reportHideThreshold: number; reporterMinAgeDays: number };
  /** An initiative without activity for this many months is flagged and its followers asked whether it lives. */
  initiatives: { inactiveMonths: number };
  /**
   * Where "Add by identifier" looks sources up: DOIs (content negotiation for CSL-JSON), ISBNs (Open Library) and
   * Wikidata ids; null when the variable is set empty (that lookup answers 503). A lookup gives up after timeoutMs.
   */
  lookups: { doiBase: string | null; openLibraryBase: string | null; wikidataBase: string | null; timeoutMs: number };
}

/** A base address from the environment: the default when unset, none (null) when set empty, no trailing slash. */
function base(env: NodeJS.ProcessEnv, name: string, fallback: string): string | null {
  const v = env[name];
  if (v === undefined) return fallback;
  return nonEmpty(v)?.replace(/\/+$/, '') ?? null;
}

const nonEmpty = (v: string | undefined): string | null => (v && v.trim() !== '' ? v.trim() : null);

/** A whole number from the environment, or the default; anything else stops the start with its name. */
function count(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const v = nonEmpty(env[name]);
  if (v === null) return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min)
    throw new Error(`${name} must be a whole number of at least ${min}, not "${v}"`);
  return Number(v);
}

/** LDN_RATE_COMMENT=12/60 allows 12 comments a minute; tier names upper-cased, '-' as '_' (LDN_RATE_TOPIC_DAY). */
function rateRules(env: NodeJS.ProcessEnv): Record<string, RateRule> {
  const rules: Record<string, RateRule> = {};
  for (const [tier, rule] of Object.entries(RATE_TIERS)) {
    const name = `LDN_RATE_${tier.toUpperCase().replace(/-/g, '_')}`;
    const v = nonEmpty(env[name]);
    const m = v === null ? null : /^(\d+)\/(\d+)$/.exec(v);
    if (v !== null && (!m || Number(m[1]) < 1 || Number(m[2]) < 1))
      throw new Error(`${name} must be max/seconds, such as 12/60, not "${v}"`);
    rules[tier] = m ? { max: Number(m[1]), windowSeconds: Number(m[2]) } : rule;
  }
  return rules;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  const baseUrl = (nonEmpty(env.BASE_URL) ?? `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    port,
    baseUrl,
    dataDir: path.resolve(nonEmpty(env.LDN_DATA_DIR) ?? './data'),
    databaseUrl: nonEmpty(env.DATABASE_URL),
    databaseSchema: nonEmpty(env.LDN_DATABASE_SCHEMA),
    redisUrl: nonEmpty(env.REDIS_URL),
    demo: env.LDN_DEMO !== '0',
    rateLimits: env.LDN_RATE_LIMITS !== 'off',
    globalRatePerMinute: count(env, 'LDN_GLOBAL_RATE_PER_MINUTE', 1200, 1),
    trustProxy: env.LDN_TRUST_PROXY === '1',
    wikimedia: {
      base: (nonEmpty(env.WIKIMEDIA_OAUTH_BASE) ?? 'https://meta.wikimedia.org/w/rest.php/oauth2').replace(/\/+$/, ''),
      clientId: nonEmpty(env.WIKIMEDIA_OAUTH_CLIENT_ID),
      clientSecret: nonEmpty(env.WIKIMEDIA_OAUTH_CLIENT_SECRET),
    },
    smtpUrl: nonEmpty(env.SMTP_URL),
    mailFrom: nonEmpty(env.MAIL_FROM) ?? 'LDN <noreply@localhost>',
    telegram: {
      apiBase: nonEmpty(env.TELEGRAM_API_BASE) ?? 'https://api.telegram.org',
      botToken: nonEmpty(env.TELEGRAM_BOT_TOKEN),
      chatId: nonEmpty(env.TELEGRAM_CHAT_ID),
    },
    sessionIdleSeconds: Number(env.LDN_SESSION_IDLE_SECONDS ?? 14 * 24 * 3600),
    sessionAbsoluteSeconds: Number(env.LDN_SESSION_ABSOLUTE_SECONDS ?? 90 * 24 * 3600),
    secureCookies: baseUrl.startsWith('https://'),
    contentVersionMaxAgeMs: 500,
    rateRules: rateRules(env),
    newAccounts: {
      hours: count(env, 'LDN_NEW_ACCOUNT_HOURS', 24),
      maxComments: count(env, 'LDN_NEW_ACCOUNT_MAX_COMMENTS', 10),
      maxTopics: count(env, 'LDN_NEW_ACCOUNT_MAX_TOPICS', 3),
      maxLinks: count(env, 'LDN_NEW_ACCOUNT_MAX_LINKS', 0),
    },
    moderation: {
      reportHideThreshold: count(env, 'LDN_REPORT_HIDE_THRESHOLD', 3, 1),
      reporterMinAgeDays: count(env, 'LDN_REPORTER_MIN_AGE_DAYS', 7),
    },
    initiatives: { inactiveMonths: count(env, 'LDN_INITIATIVE_INACTIVE_MONTHS', 6, 1) },
    lookups: {
      doiBase: base(env, 'LDN_DOI_BASE', 'https://doi.org'),
      openLibraryBase: base(env, 'LDN_OPENLIBRARY_BASE', 'https://openlibrary.org'),
      wikidataBase: base(env, 'LDN_WIKIDATA_BASE', 'https://www.wikidata.org'),
      timeoutMs: 5000,
    },
  };
}
