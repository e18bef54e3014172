// The fuzz's own database: fresh, migrated, with the guides and the demo content (people, groups, initiatives,
// documents, sources…) so that requests meet real items; never the database other tests share, as the fuzz
// writes, deletes and moves content versions at random. PostgreSQL when the tests run there (its own schema).
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app';
import { openDatabase, type DatabaseHandle } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { loadDemo } from '../../demo';
import { ensureGuides } from '../../features/guides';
import { testConfig, testDbKind, testSchema } from '../harness';

export interface FuzzApp {
  app: FastifyInstance;
  handle: DatabaseHandle;
  close(): Promise<void>;
}

export async function fuzzApp(databaseUrl: string | null = null): Promise<FuzzApp> {
  const url = databaseUrl ?? (testDbKind() === 'postgres' ? (process.env.TEST_DATABASE_URL ?? null) : null);
  const handle = await openDatabase({ databaseUrl: url, schema: url ? `${testSchema()}_fuzz` : null, dataDir: null });
  await migrate(handle);
  await ensureGuides(handle.db);
  await loadDemo(handle.db);
  const app = await buildApp({ config: testConfig(), db: handle.db, pages: true });
  await app.ready();
  return {
    app,
    handle,
    async close() {
      await app.close();
      // A run's schema on PostgreSQL goes with it (the tests' teardown drops theirs too).
      if (url) await handle.withConnection((exec) => exec(`drop schema if exists "${testSchema()}_fuzz" cascade`));
      await handle.close();
    },
  };
}

/**
 * Pages rendered with malformed addresses make Vue and Codex warn (an undecodable parameter, a prop out of its
 * range) on every request: thousands of lines that would bury the report. They are counted and kept apart instead.
 */
export function quietVueWarnings(): { counts: Map<string, number>; restore(): void } {
  const counts = new Map<string, number>();
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    const first = typeof args[0] === 'string' ? args[0] : '';
    if (!first.startsWith('[Vue') && !first.startsWith('[Cdx')) return warn(...args);
    const key = first
      .replace(/"[^"]*"/g, '"…"')
      .split('\n')[0]!
      .slice(0, 120);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  return { counts, restore: () => void (console.warn = warn) };
}
