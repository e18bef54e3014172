// Configuration comes from the environment only; README.md lists every variable with its default.
import path from 'node:path';

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
  wikimedia: { base: string; clientId: string | null; clientSecret: string | null };
  smtpUrl: string | null;
  mailFrom: string;
  telegram: { apiBase: string; botToken: string | null; chatId: string | null };
  /** Idle and absolute session lifetimes, in seconds. */
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  secureCookies: boolean;
}

const nonEmpty = (v: string | undefined): string | null => (v && v.trim() !== '' ? v.trim() : null);

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
  };
}
