// Test harness: one database and one app per test worker (start-up costs seconds), tests isolated by data.
// LDN_TEST_DB=postgres runs the same tests on PostgreSQL (TEST_DATABASE_URL), each worker in its own schema.
import { execFileSync } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { buildApp, type AppOptions } from '../app';
import { loadConfig, type Config } from '../config';
import { openDatabase, type DatabaseHandle, type Db } from '../db/connection';
import { migrate } from '../db/migrate';

export const testDbKind = (): 'pglite' | 'postgres' => (process.env.LDN_TEST_DB === 'postgres' ? 'postgres' : 'pglite');

/** The PostgreSQL schema this worker's tests use (a second connection to it plays a second app instance). */
export const testSchema = (): string =>
  `ldn_t_${process.env.LDN_TEST_RUN ?? 'x'}_${process.env.VITEST_POOL_ID ?? '0'}_${process.pid}`;

let handlePromise: Promise<DatabaseHandle> | null = null;

/** The worker's database, migrated. */
export function testDatabase(): Promise<DatabaseHandle> {
  handlePromise ??= (async () => {
    const kind = testDbKind();
    const url = kind === 'postgres' ? process.env.TEST_DATABASE_URL : null;
    if (kind === 'postgres' && !url) throw new Error('LDN_TEST_DB=postgres needs TEST_DATABASE_URL');
    const schema = url ? testSchema() : null;
    const handle = await openDatabase({ databaseUrl: url ?? null, schema, dataDir: null });
    await migrate(handle);
    return handle;
  })();
  return handlePromise;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ LDN_RATE_LIMITS: 'off', LDN_DEMO: '0' } as NodeJS.ProcessEnv),
    contentVersionMaxAgeMs: 0,
    ...overrides,
  };
}

const apps = new Map<string, Promise<FastifyInstance>>();

/** An app on the worker's database; apps with the same options are shared between test files. */
export function testApp(
  options: Partial<Omit<AppOptions, 'db'>> & { configOverrides?: Partial<Config> } = {},
): Promise<FastifyInstance> {
  const key = JSON.stringify(options);
  let app = apps.get(key);
  if (!app) {
    app = (async () => {
      const { db } = await testDatabase();
      const { configOverrides, ...rest } = options;
      const a = await buildApp({ pages: false, ...rest, config: testConfig(configOverrides), db });
      await a.ready();
      return a;
    })();
    apps.set(key, app);
  }
  return app;
}

let counter = 0;
/** A name no other test uses, in this run or another on the same database. */
export const unique = (prefix = 'u'): string =>
  `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Builds the web bundle when its sources changed (pages render with it); for a suite's beforeAll. */
export function buildWebBundle(): void {
  execFileSync('node', ['scripts/build-if-changed.mjs'], { stdio: 'ignore' });
}

/**
 * Counts the queries sent through a database from now on, those whose operation tree `matches` when given (for
 * example, names a table): `count` to read it, `reset` to start again. `install` puts the counting database in
 * the app's place, so requests made through the app are counted too.
 */
export function queryCounter(matches?: (node: RootOperationNode) => boolean) {
  let count = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      if (!matches || matches(args.node)) count++;
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  };
  return {
    plugin,
    get count() {
      return count;
    },
    reset: () => void (count = 0),
    install(app: FastifyInstance) {
      app.deps.db = app.db.withPlugin(plugin);
      return this;
    },
  };
}

/** The same database through another Kysely object: to the content versions and kept answers, another instance. */
export const passThrough: KyselyPlugin = {
  transformQuery: (args) => args.node,
  transformResult: (args) => Promise.resolve(args.result),
};

/** A second app instance on the worker's database: its own pool on PostgreSQL, its own Db object on PGlite. */
export async function secondInstance(): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  let handle: DatabaseHandle | null = null;
  let db: Db;
  if (testDbKind() === 'postgres') {
    handle = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL!, schema: testSchema(), dataDir: null });
    db = handle.db;
  } else db = (await testDatabase()).db.withPlugin(passThrough);
  const app = await buildApp({ pages: false, config: testConfig(), db });
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      await handle?.close();
    },
  };
}
