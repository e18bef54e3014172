// restore <file>: loads a backup into an empty database, in one transaction (all or nothing), parents
// before children, keeping ids, then moves each id sequence past the restored rows.
import fs from 'node:fs';
import path from 'node:path';
import { migrationsDir } from '../db/migrate';
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup';
import { CommandError, type Command } from './context';
import { describeTables, quoteIdent } from './tables';

const CHUNK = 500;

interface BackupFile {
  format: string;
  version: number;
  migrations: string[];
  tables: Record<string, Record<string, unknown>[]>;
}

function readBackup(file: string): BackupFile {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CommandError(`Cannot read ${file} as a backup: ${(err as Error).message}`);
  }
  const b = data as Partial<BackupFile> | null;
  if (!b || b.format !== BACKUP_FORMAT || typeof b.tables !== 'object' || !Array.isArray(b.migrations)) {
    throw new CommandError(`${file} is not a backup made by "npm run ldn -- backup".`);
  }
  if (b.version !== BACKUP_VERSION)
    throw new CommandError(`${file} has backup format version ${b.version}; this version reads ${BACKUP_VERSION}.`);
  for (const [name, rows] of Object.entries(b.tables ?? {})) {
    if (!Array.isArray(rows)) throw new CommandError(`${file}: the table ${name} is not a list of rows.`);
  }
  return b as BackupFile;
}

export const restore: Command = {
  usage: 'restore <file>',
  summary: 'Load a backup into an empty database',
  check(args) {
    const [file] = args;
    if (args.length !== 1 || file === undefined) return 'Give the backup file to read.';
    return fs.existsSync(file) ? null : `There is no file ${path.resolve(file)}.`;
  },
  async run({ handle, out }, [file]) {
    if (file === undefined) throw new CommandError('Give the backup file to read.');
    const backup = readBackup(file);
    const known = new Set(fs.readdirSync(migrationsDir));
    const newer = backup.migrations.filter((m) => !known.has(m));
    if (newer.length)
      throw new CommandError(
        `The backup was made by a newer version of the platform (migrations ${newer.join(', ')}). Update the code first.`,
      );

    const restored = await handle.withConnection(async (exec) => {
      const tables = await describeTables(exec);
      const names = new Set(tables.map((t) => t.name));
      const unknown = Object.keys(backup.tables).filter((n) => !names.has(n));
      if (unknown.length)
        throw new CommandError(`The backup holds tables this database does not have: ${unknown.join(', ')}.`);
      const filled = await exec(
        tables
          .map((t) => `select '${t.name.replace(/'/g, "''")}' as name from ${quoteIdent(t.name)} having count(*) > 0`)
          .join(' union all '),
        [],
      );
      if (filled.length) {
        throw new CommandError(
          `Restore only goes into an empty database, and these tables have rows: ${filled.map((r) => String(r.name)).join(', ')}. Use a new data folder or database.`,
        );
      }
      await exec('begin');
      try {
        let rows = 0;
        for (const t of tables) {
          const data = backup.tables[t.name] ?? [];
          const [first] = data;
          if (first === undefined) continue;
          const cols = t.columns.filter((c) => c in first);
          const list = cols.map(quoteIdent).join(', ');
          const overriding = t.identityAlways.some((c) => cols.includes(c)) ? ' overriding system value' : '';
          for (let i = 0; i < data.length; i += CHUNK) {
            await exec(
              `insert into ${quoteIdent(t.name)} (${list})${overriding} select ${list} from json_populate_recordset(null::${quoteIdent(t.name)}, $1::json)`,
              [JSON.stringify(data.slice(i, i + CHUNK))],
            );
          }
          for (const col of t.identity) {
            await exec(
              `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${quoteIdent(col)}) from ${quoteIdent(t.name)}), 0) + 1, false)`,
              [quoteIdent(t.name), col],
            );
          }
          rows += data.length;
        }
        await exec('commit');
        return rows;
      } catch (err) {
        await exec('rollback').catch(() => {});
        throw err;
      }
    });
    out(`Restored ${restored} rows from ${path.resolve(file)}.`);
    return 0;
  },
};
