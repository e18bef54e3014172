import { defineConfig } from '@playwright/test';
import { e2ePort, e2eEnv } from './tests/e2e/env';

// End-to-end tests drive Debian's chromium (never a downloaded browser) against the platform started on a
// fresh embedded database, with the demo content and a local stand-in for Wikimedia's OAuth endpoints.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  globalSetup: './tests/e2e/global-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${e2ePort}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'node tests/e2e/start-server.mjs',
    url: `http://127.0.0.1:${e2ePort}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: e2eEnv,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
