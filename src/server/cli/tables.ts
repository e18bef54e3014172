// What backup and restore need to know about the database's own tables: their columns, primary keys,
// identity columns and the order that foreign keys impose. Read from the catalog, so new features' tables
// are included without a change here.
import type { RawExec } from '../db/connection';

export interface TableInfo {
  name: string;
  /** Columns a restore can write (stored generated columns are left out: the database computes them). */
  columns: string[];
  primaryKey: string[];
  /** Identity columns that refuse values unless told OVERRIDING SYSTEM VALUE. */
  identityAlways: string[];
  identity: string[];
}

/**
 * Tables the migrations manage themselves: the migrations applied, and the keys the server signs with (0025 makes
 * them in every new database; a restored instance keeps its own, so only visitors' unsent forms are refused once).
 */
const SKIP = new Set(['schema_migrations', 'signing_keys']);

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function describeTables(exec: RawExec): Promise<TableInfo[]> {
  const columns = await exec(
    `select table_name, column_name, is_generated, is_identity, identity_generation
       from information_schema.columns
      where table_schema = current_schema()
      order by table_name, ordinal_position`,
    [],
  );
  const kinds = await exec(
    `select c.relname as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p')`,
    [],
  );
  const keys = await exec(
    `select c.relname as table_name, a.attname as column_name, array_position(i.indkey::int2[], a.attnum) as pos
       from pg_index i
       join pg_class c on c.oid = i.indrelid
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
      where n.nspname = current_schema() and i.indisprimary
      order by 1, 3`,
    [],
  );
  const fks = await exec(
    `select child.relname as child, parent.relname as parent
       from pg_constraint k
       join pg_class child on child.oid = k.conrelid
       join pg_class parent on parent.oid = k.confrelid
       join pg_namespace n on n.oid = child.relnamespace
      where k.contype = 'f' and n.nspname = current_schema()`,
    [],
  );
  const tables = new Map<string, TableInfo>();
  for (const { name } of kinds) {
    const n = String(name);
    if (!SKIP.has(n)) tables.set(n, { name: n, columns: [], primaryKey: [], identityAlways: [], identity: [] });
  }
  for (const c of columns) {
    const t = tables.get(String(c.table_name));
    if (!t) continue;
    const col = String(c.column_name);
    if (c.is_generated === 'ALWAYS') continue;
    t.columns.push(col);
    if (c.is_identity === 'YES') {
      t.identity.push(col);
      if (c.identity_generation === 'ALWAYS') t.identityAlways.push(col);
    }
  }
  for (const k of keys) tables.get(String(k.table_name))?.primaryKey.push(String(k.column_name));
  return orderByDependencies(
    [...tables.values()],
    fks.map((f) => ({ child: String(f.child), parent: String(f.parent) })),
  );
}

/** Parents before children, so rows can be inserted with every foreign key checked; name order otherwise. */
function orderByDependencies(tables: TableInfo[], fks: { child: string; parent: string }[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of fks) {
    if (child === parent || !byName.has(child) || !byName.has(parent)) continue;
    if (!parents.has(child)) parents.set(child, new Set());
    parents.get(child)!.add(parent);
  }
  const done = new Set<string>();
  const out: TableInfo[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (done.has(name) || path.has(name)) return;
    path.add(name);
    for (const p of [...(parents.get(name) ?? [])].sort()) visit(p, path);
    path.delete(name);
    done.add(name);
    out.push(byName.get(name)!);
  };
  for (const name of [...byName.keys()].sort()) visit(name, new Set());
  return out;
}
