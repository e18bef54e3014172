// Forward-only SQL migrations from migrations/*.sql, applied in name order at start-up on both databases.
// A PostgreSQL advisory lock serialises parallel starters (several app instances, parallel test workers).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DatabaseHandle } from './connection';
import { repoRoot } from '../paths';

export const migrationsDir = path.join(repoRoot, 'migrations');
const LOCK_KEY = 7405112; // any constant shared by every instance

export async function migrate(handle: DatabaseHandle, dir = migrationsDir): Promise<string[]> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const applied: string[] = [];
  await handle.withConnection(async (exec) => {
    await exec('select pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      await exec(`create table if not exists schema_migrations (
        name text primary key, applied_at timestamptz not null default now())`);
      const done = new Set((await exec('select name from schema_migrations', [])).map((r) => String(r.name)));
      for (const file of files) {
        if (done.has(file)) continue;
        const text = await fs.readFile(path.join(dir, file), 'utf8');
        await exec('begin');
        try {
          await exec(text);
          await exec('insert into schema_migrations (name) values ($1)', [file]);
          await exec('commit');
        } catch (err) {
          await exec('rollback');
          throw new Error(`migration ${file} failed: ${(err as Error).message}`, { cause: err });
        }
        applied.push(file);
      }
    } finally {
      await exec('select pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  });
  return applied;
}
