// backup <file>: every table as JSON, read in one consistent snapshot (servers may keep running on
// PostgreSQL), written to a temporary file and renamed into place, so a backup is complete or absent.
import fs from 'node:fs';
import path from 'node:path';
import { CommandError, type Command } from './context';
import { describeTables, quoteIdent } from './tables';

export const BACKUP_FORMAT = 'ldn-backup';
export const BACKUP_VERSION = 1;

export const backup: Command = {
  usage: 'backup <file>',
  summary: 'Write every table to a JSON file (atomically)',
  check(args) {
    const [file] = args;
    if (args.length !== 1 || file === undefined) return 'Give the file to write.';
    const dir = path.dirname(path.resolve(file));
    return fs.existsSync(dir) ? null : `The folder ${dir} does not exist.`;
  },
  async run({ handle, out }, [file]) {
    if (file === undefined) throw new CommandError('Give the file to write.');
    const target = path.resolve(file);
    const tmp = `${target}.${process.pid}.tmp`;
    const counts = await handle.withConnection(async (exec) => {
      await exec('begin isolation level repeatable read read only');
      // Owner-only: the file holds password hashes and e-mail addresses.
      const fd = fs.openSync(tmp, 'w', 0o600);
      try {
        const tables = await describeTables(exec);
        const migrations = (await exec('select name from schema_migrations order by name', [])).map((r) =>
          String(r.name),
        );
        const header = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          migrations,
        };
        fs.writeSync(fd, `${JSON.stringify(header).slice(0, -1)},"tables":{`);
        const counts: Record<string, number> = {};
        for (const [i, t] of tables.entries()) {
          const q = quoteIdent(t.name);
          const order = t.primaryKey.length
            ? ` order by ${t.primaryKey.map((c) => `t.${quoteIdent(c)}`).join(', ')}`
            : '';
          // PostgreSQL writes each row as JSON itself, so every type (arrays, jsonb, dates) round-trips exactly.
          const [row] = await exec(
            `select coalesce(json_agg(t${order}), '[]'::json)::text as rows, count(*) as n from ${q} t`,
            [],
          );
          // An aggregate without GROUP BY always answers one row.
          if (!row) throw new Error(`Reading ${t.name} answered no row.`);
          counts[t.name] = Number(row.n);
          fs.writeSync(fd, `${i ? ',' : ''}\n${JSON.stringify(t.name)}:${String(row.rows)}`);
        }
        fs.writeSync(fd, '\n}}\n');
        fs.fsyncSync(fd);
        await exec('commit');
        return counts;
      } catch (err) {
        await exec('rollback').catch(() => {});
        fs.rmSync(tmp, { force: true });
        throw err;
      } finally {
        try {
          fs.closeSync(fd);
        } catch {
          /* already closed */
        }
      }
    });
    fs.renameSync(tmp, target);
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    out(`Wrote ${rows} rows from ${Object.keys(counts).length} tables to ${target}.`);
    return 0;
  },
};
