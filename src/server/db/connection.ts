// Opens the database: PGlite (embedded, PostgreSQL in WebAssembly) by default, PostgreSQL through `pg` when
// DATABASE_URL is set. Both go through Kysely and give the same JavaScript values (see typeParsers).
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import type { Database } from './tables';
import { repoRoot } from '../paths';

export type Db = Kysely<Database>;

/** Runs SQL text (several statements allowed when there are no parameters) on one connection. */
export type RawExec = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** One connection for work that Kysely cannot express: migration scripts, backups. */
  withConnection<T>(fn: (exec: RawExec) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * One place that decides how column types come back, so both databases answer the same JSON:
 * int8 (counts, ids) as numbers, numeric as strings, date as 'YYYY-MM-DD' strings.
 */
export const typeParsers: Record<number, (value: string) => unknown> = {
  20: (v) => Number(v), // int8
  1700: (v) => v, // numeric
  1082: (v) => v, // date
};

export interface OpenOptions {
  databaseUrl: string | null;
  /** Schema to work in on PostgreSQL (created when missing); public when null. */
  schema?: string | null;
  /** PGlite data folder; in memory when null. */
  dataDir?: string | null;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.schema ?? null);
  return openPglite(options.dataDir ?? null);
}

/**
 * PostgreSQL's memory settings inside PGlite, whose WebAssembly memory never shrinks: PostgreSQL's default of
 * 128 MB of shared buffers would be most of a small host's memory, for data that the operating system's file cache
 * keeps anyway (PGlite reads its files through node). LDN_PGLITE_SHARED_BUFFERS changes the buffers' size.
 */
const PGLITE_SETTINGS = [`shared_buffers=${process.env.LDN_PGLITE_SHARED_BUFFERS ?? '16MB'}`, 'wal_buffers=1MB'];

/** The new data folder the build makes (db/template.ts). */
export const pgliteTemplateDir = path.resolve(repoRoot, process.env.LDN_DIST_DIR ?? 'dist', 'pglite-template');

async function openPglite(dataDir: string | null): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  // A new data folder is a copy of the one the build made, migrated (db/template.ts): PGlite's initdb takes seconds,
  // in a second instance whose memory stays held long after. Without it (sources run without a build) initdb runs,
  // with PGlite's own settings (given ours, its memory stayed held).
  if (dataDir && !fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    if (fs.existsSync(path.join(pgliteTemplateDir, 'PG_VERSION')))
      fs.cpSync(pgliteTemplateDir, dataDir, { recursive: true });
    else await (await PGlite.create(dataDir)).close();
  }
  const pglite = await PGlite.create(dataDir ?? undefined, {
    extensions: { pg_trgm },
    parsers: typeParsers,
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((s) => ['-c', s])],
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  const exec: RawExec = async (text, params) => {
    if (params) return (await pglite.query<Record<string, unknown>>(text, params)).rows;
    const results = await pglite.exec(text);
    return (results.at(-1)?.rows ?? []) as Record<string, unknown>[];
  };
  return {
    db,
    kind: 'pglite',
    withConnection: (fn) => fn(exec),
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

async function openPostgres(url: string, schema: string | null): Promise<DatabaseHandle> {
  const pg = await import('pg');
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  if (schema) {
    const client = new pg.default.Client({ connectionString: url });
    await client.connect();
    await client.query(`create schema if not exists ${schema}`);
    await client.end();
  }
  const pool = new pg.default.Pool({
    connectionString: url,
    max: Number(process.env.LDN_DB_POOL_SIZE ?? 10),
    // search_path per connection: the schema of this run first, then public (where extensions live).
    options: schema ? `-c search_path=${schema},public` : undefined,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        typeParsers[oid] ??
        pg.default.types.getTypeParser(oid, format as 'text')) as typeof pg.default.types.getTypeParser,
    },
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn(async (text, params) => (await client.query(text, params)).rows);
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}
