import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// Unit and integration tests run on PGlite always and, when TEST_DATABASE_URL is set, on PostgreSQL too.
// Workers keep their modules between files (isolate: false) so each opens its database once.
const common = {
  include: ['src/**/*.test.ts', 'eslint-rules/**/*.test.ts'],
  exclude: ['tests/e2e/**', 'node_modules/**'],
  pool: 'forks' as const,
  isolate: false,
  testTimeout: 30_000,
  hookTimeout: 60_000,
  globalSetup: ['src/server/testing/global-setup.ts'],
};

export default defineConfig({
  plugins: [vue()],
  test: {
    projects: [
      { plugins: [vue()], test: { ...common, name: 'pglite', env: { LDN_TEST_DB: 'pglite' } } },
      ...(process.env.TEST_DATABASE_URL
        ? [{ plugins: [vue()], test: { ...common, name: 'postgres', env: { LDN_TEST_DB: 'postgres' } } }]
        : []),
    ],
  },
});
