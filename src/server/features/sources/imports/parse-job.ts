// The parse job: a file uploaded is split into entries, read a chunk at a time (each chunk sized so that reading
// it holds the event loop about 5 ms, the loop getting a turn between chunks), the entries written with their
// record or errors a batch at a time, with the progress; then duplicates are found in the file and the database,
// entries with one (or with errors) default to `skip`, and the import is `ready`. A file that cannot be read at
// all is `failed` with a message key.
import { sql } from 'kysely';
import type { ImportFormat } from '../../../../contracts/sources';
import type { Db } from '../../../db/connection';
import type { JobContext } from '../../../jobs/queue';
import { transact } from '../../../db/transact';
import { duplicatesInDatabase, duplicatesInFile, type EntryDuplicate, type KeyedEntry } from './duplicates';
import { readChunk, type ReadEntry } from './read';
import { splitFile } from './split';

export const PARSE_JOB = 'sources.import.parse';
export const PARSE_ATTEMPTS = 3;

/**
 * How long one chunk may hold the event loop. The issue's bound is about 50 ms, but pages are served by the same
 * loop: with 30 ms chunks /sources' p99 during a 5,000-entry import was 43 ms against 9 ms at rest (bench/sources.ts,
 * target at most twice); a request waits at most one chunk.
 */
const TARGET_MS = 5;
/** Entries read are written (with the progress) once this many wait, or this long after the last write. */
const WRITE_BATCH = 200;
const WRITE_EVERY_MS = 500;
const FIRST_CHUNK = 2;
const MAX_CHUNK = 500;

const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function writeEntries(db: Db, importId: number, entries: readonly ReadEntry[]): Promise<void> {
  if (!entries.length) return;
  await db
    .insertInto('source_import_entries')
    .values(
      entries.map((e) => ({
        import_id: importId,
        n: e.n,
        record: JSON.stringify(e.record),
        errors: JSON.stringify(e.errors),
        action: e.errors.length ? ('skip' as const) : ('add' as const),
        title_key: e.keys?.titleKey ?? null,
        first_author_key: e.keys?.firstAuthorKey ?? null,
        authors_text: e.keys?.authorsText ?? null,
        url_key: e.keys?.urlKey ?? null,
      })),
    )
    .execute();
}

async function fail(db: Db, importId: number, error: string, now: Date): Promise<void> {
  await db
    .updateTable('source_imports')
    .set({ status: 'failed', error, finished_at: now })
    .where('id', '=', importId)
    .where('status', '=', 'parsing')
    .execute();
}

/** Marks duplicates (entries with one default to `skip`) and makes the import ready, together. */
async function finish(db: Db, importId: number, keyed: readonly KeyedEntry[]): Promise<void> {
  const inFile = duplicatesInFile(keyed);
  const inDatabase = await duplicatesInDatabase(db, keyed);
  const marks: { n: number; d: EntryDuplicate[] }[] = [];
  for (const e of keyed) {
    const d = [...(inFile.has(e.n) ? [inFile.get(e.n)!] : []), ...(inDatabase.get(e.n) ?? [])];
    if (d.length) marks.push({ n: e.n, d });
  }
  await transact(db, async (trx) => {
    if (marks.length) {
      await sql`
        update source_import_entries e set duplicates = m.d, action = 'skip'
        from jsonb_to_recordset(${JSON.stringify(marks)}::jsonb) as m(n int, d jsonb)
        where e.import_id = ${importId} and e.n = m.n`.execute(trx);
    }
    await trx
      .updateTable('source_imports')
      .set({ status: 'ready' })
      .where('id', '=', importId)
      .where('status', '=', 'parsing')
      .execute();
  });
}

export async function parseImport(payload: Record<string, unknown>, ctx: JobContext): Promise<void> {
  try {
    await parse(Number(payload.importId), ctx);
  } catch (err) {
    // After the last attempt the import says so, rather than reading for ever.
    if (ctx.attempt >= PARSE_ATTEMPTS)
      await fail(ctx.db, Number(payload.importId), 'sources-import-file-unreadable', ctx.deps.clock.now());
    throw err;
  }
}

async function parse(importId: number, ctx: JobContext): Promise<void> {
  const row = await ctx.db
    .selectFrom('source_imports')
    .select(['format', 'status', 'file'])
    .where('id', '=', importId)
    .executeTakeFirst();
  if (!row || row.status !== 'parsing') return;
  const format: ImportFormat = row.format;
  // A retry after a crash starts again from the first entry.
  await ctx.db.deleteFrom('source_import_entries').where('import_id', '=', importId).execute();

  let split;
  try {
    split = await splitFile(format, row.file);
  } catch {
    return fail(ctx.db, importId, 'sources-import-file-unreadable', ctx.deps.clock.now());
  }
  if (!split.entries.length) return fail(ctx.db, importId, 'sources-import-file-empty', ctx.deps.clock.now());
  const total = split.entries.length;
  await ctx.db.updateTable('source_imports').set({ total, parsed: 0 }).where('id', '=', importId).execute();

  const keyed: KeyedEntry[] = [];
  let size = FIRST_CHUNK;
  let perEntry: number | null = null;
  let waiting: ReadEntry[] = [];
  let written = performance.now();
  const write = async (upTo: number) => {
    await writeEntries(ctx.db, importId, waiting);
    waiting = [];
    written = performance.now();
    await ctx.db.updateTable('source_imports').set({ parsed: upTo }).where('id', '=', importId).execute();
  };
  for (let from = 0; from < total;) {
    const texts = split.entries.slice(from, from + size);
    const started = performance.now();
    const entries = readChunk(format, split.preamble, texts, from + 1);
    const ms = performance.now() - started;
    for (const e of entries) if (e.record && e.keys) keyed.push({ n: e.n, record: e.record, keys: e.keys });
    waiting.push(...entries);
    from += texts.length;
    if (waiting.length >= WRITE_BATCH || performance.now() - written > WRITE_EVERY_MS || from >= total) {
      ctx.log.debug({ importId, entries: waiting.length, parsed: from }, 'source import entries written');
      await write(from);
    }
    // The next chunk as large as fits the target at the slower of this chunk's pace and the recent average (a
    // garbage collection or a busy machine makes one chunk's pace noisy), growing at most twofold at a time.
    const pace = ms / texts.length;
    perEntry = perEntry === null ? pace : Math.max(pace, (perEntry + pace) / 2);
    size = Math.max(1, Math.min(MAX_CHUNK, size * 2, Math.floor(TARGET_MS / Math.max(perEntry, 0.01))));
    await yieldTurn();
  }
  await finish(ctx.db, importId, keyed);
}
