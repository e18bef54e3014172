// Imports' use cases: upload a file (a parse job is queued), read its entries, choose what each becomes, commit.
// Only the importer sees and touches an import; to anyone else (admins too) it does not exist (404), so ids are
// not probed.
import type { ImportEntry, ImportFormat, SourceImport } from '../../../../contracts/sources';
import { transact } from '../../../db/transact';
import { enqueue } from '../../../jobs/queue';
import { actorOf, audit } from '../../../http/audit';
import type { Ctx } from '../../../http/context';
import { badRequest, conflict, notFound, unauthorized } from '../../../http/errors';
import { decodeCursor, page } from '../../../http/pagination';
import { COMMIT_JOB } from './commit-job';
import { PARSE_JOB } from './parse-job';
import type { ChooseBody } from './schema';

const PAGE = 100;

const numericId = (raw: string): number | null => (/^\d{1,15}$/.test(raw) ? Number(raw) : null);

function signedIn(ctx: Ctx) {
  if (!ctx.actor) throw unauthorized();
  return ctx.actor;
}

/** The import if it is the actor's; otherwise 404. */
async function ownImport(ctx: Ctx, rawId: string) {
  const actor = signedIn(ctx);
  const id = numericId(rawId);
  const row =
    id === null
      ? undefined
      : await ctx.db
          .selectFrom('source_imports')
          .select(['id', 'user_id', 'format', 'status', 'total', 'parsed', 'counts', 'error'])
          .where('id', '=', id)
          .executeTakeFirst();
  if (!row || row.user_id !== actor.id) throw notFound();
  return row;
}

export async function uploadImport(ctx: Ctx, format: ImportFormat, file: string) {
  const actor = signedIn(ctx);
  return transact(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('source_imports')
      .values({ user_id: actor.id, format, file, created_at: ctx.now })
      .returning(['id', 'status'])
      .executeTakeFirstOrThrow();
    await enqueue(trx, { kind: PARSE_JOB, payload: { importId: row.id } }, ctx.now);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'source.import.upload',
      objectType: 'source_import',
      objectId: row.id,
      details: { format, bytes: Buffer.byteLength(file) },
    });
    return { id: String(row.id), status: row.status };
  });
}

type EntryRow = {
  n: number;
  record: ImportEntry['record'];
  errors: ImportEntry['errors'];
  duplicates: { id: string | null; n: number | null; title: string; reason: string }[];
  action: ImportEntry['action'];
  into_id: number | null;
  source_id: number | null;
};

const presentEntry = (e: EntryRow): ImportEntry => ({
  n: e.n,
  record: e.record,
  errors: e.errors,
  duplicates: e.duplicates.map((d) => ({
    id: d.id,
    n: d.n,
    title: d.title,
    reason: d.reason as ImportEntry['duplicates'][number]['reason'],
  })),
  action: e.action,
  into: e.into_id === null ? null : String(e.into_id),
  source: e.source_id === null ? null : String(e.source_id),
});

const ENTRY_COLUMNS = ['n', 'record', 'errors', 'duplicates', 'action', 'into_id', 'source_id'] as const;

export async function getImport(ctx: Ctx, rawId: string, cursor: string | undefined): Promise<SourceImport> {
  const imp = await ownImport(ctx, rawId);
  const after = decodeCursor(cursor, ['number']);
  let q = ctx.db
    .selectFrom('source_import_entries')
    .select(ENTRY_COLUMNS)
    .where('import_id', '=', imp.id)
    .orderBy('n')
    .limit(PAGE + 1);
  if (after) q = q.where('n', '>', after[0]);
  const rows = (await q.execute()) as EntryRow[];
  const { items, next } = page(rows, PAGE, (r) => [r.n]);
  return {
    id: String(imp.id),
    format: imp.format,
    status: imp.status,
    total: imp.total,
    parsed: imp.parsed,
    counts: imp.counts,
    error: imp.error,
    items: items.map(presentEntry),
    next,
  };
}

export async function chooseEntry(ctx: Ctx, rawId: string, rawN: string, body: ChooseBody): Promise<ImportEntry> {
  const imp = await ownImport(ctx, rawId);
  const n = numericId(rawN);
  return transact(ctx.db, async (trx) => {
    const current = await trx
      .selectFrom('source_imports')
      .select('status')
      .where('id', '=', imp.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const entry =
      n === null
        ? undefined
        : await trx
            .selectFrom('source_import_entries')
            .select(['record', 'errors'])
            .where('import_id', '=', imp.id)
            .where('n', '=', n)
            .executeTakeFirst();
    if (current.status !== 'ready') throw conflict('sources-import-not-ready');
    if (!entry) throw notFound();
    const readable = !!entry.record && entry.errors.length === 0;
    if (body.action !== 'skip' && !readable)
      throw badRequest([{ field: 'action', message: 'sources-import-entry-invalid' }]);
    let into: number | null = null;
    if (body.action === 'merge') {
      if (!body.into) throw badRequest([{ field: 'into', message: 'sources-import-into-required' }]);
      const target = numericId(body.into);
      const found =
        target === null
          ? undefined
          : await trx.selectFrom('sources').select('id').where('id', '=', target).executeTakeFirst();
      if (!found) throw badRequest([{ field: 'into', message: 'sources-import-into-unknown' }]);
      into = Number(found.id);
    }
    const row = await trx
      .updateTable('source_import_entries')
      .set({ action: body.action, into_id: into })
      .where('import_id', '=', imp.id)
      .where('n', '=', n!)
      .returning(ENTRY_COLUMNS)
      .executeTakeFirstOrThrow();
    await audit(trx, {
      ...actorOf(ctx),
      action: 'source.import.choose',
      objectType: 'source_import',
      objectId: imp.id,
      details: { n, action: body.action, into },
    });
    return presentEntry(row as EntryRow);
  });
}

/** Starts the commit: only one of two commits at once passes (the status moves once from `ready`). */
export async function commitImport(ctx: Ctx, rawId: string) {
  const imp = await ownImport(ctx, rawId);
  return transact(ctx.db, async (trx) => {
    const moved = await trx
      .updateTable('source_imports')
      .set({ status: 'committing' })
      .where('id', '=', imp.id)
      .where('status', '=', 'ready')
      .returning(['id', 'status'])
      .executeTakeFirst();
    if (!moved) throw conflict('sources-import-not-ready');
    await enqueue(trx, { kind: COMMIT_JOB, payload: { importId: imp.id } }, ctx.now);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'source.import.commit-requested',
      objectType: 'source_import',
      objectId: imp.id,
    });
    return { id: String(moved.id), status: moved.status };
  });
}
