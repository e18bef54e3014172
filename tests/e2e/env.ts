// Where the end-to-end server runs and how it is configured.
import os from 'node:os';
import path from 'node:path';

export const e2ePort = Number(process.env.LDN_E2E_PORT ?? 18080);
export const oauthStandinPort = Number(process.env.LDN_E2E_OAUTH_PORT ?? 18081);
/** The DOI stand-in (tests/e2e/doi-standin.ts): the port after the OAuth stand-in's unless given. */
export const doiStandinPort = Number(process.env.LDN_E2E_DOI_PORT ?? oauthStandinPort + 1);
export const e2eDataDir = path.join(os.tmpdir(), `ldn-e2e-${e2ePort}`);
export const e2eAdmin = { username: 'E2E Admin', password: 'e2e admin password 1' };

export const e2eEnv = {
  PORT: String(e2ePort),
  HOST: '127.0.0.1',
  BASE_URL: `http://127.0.0.1:${e2ePort}`,
  LDN_DATA_DIR: e2eDataDir,
  LDN_DEMO: '1',
  LDN_RATE_LIMITS: 'off',
  LDN_ADMIN_USERNAME: e2eAdmin.username,
  LDN_ADMIN_PASSWORD: e2eAdmin.password,
  WIKIMEDIA_OAUTH_BASE: `http://127.0.0.1:${oauthStandinPort}/w/rest.php/oauth2`,
  WIKIMEDIA_OAUTH_CLIENT_ID: 'e2e-client',
  WIKIMEDIA_OAUTH_CLIENT_SECRET: 'e2e-secret',
  LDN_DOI_BASE: `http://127.0.0.1:${doiStandinPort}`,
} satisfies Record<string, string>;
