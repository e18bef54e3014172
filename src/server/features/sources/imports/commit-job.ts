// The commit job: in one short transaction, every entry chosen to `add` becomes a source in ONE statement (its
// revision 1 and the entry's link written by the same statement), entries chosen to `merge` fill their target's
// empty fields (a new revision each), and the import is `done` with its counts. Nothing of the import is visible
// before that transaction commits; a crash rolls all of it back and the job's retry commits it again (after the
// last attempt the import is `ready` again, to be committed anew). An entry whose identifier another source took
// meanwhile is skipped with that source noted as its duplicate, never failing the commit.
import { sql } from 'kysely';
import type { SourceRecord } from '../../../../contracts/sources';
import type { Db } from '../../../db/connection';
import { transact } from '../../../db/transact';
import { enqueue, type JobContext } from '../../../jobs/queue';
import { RERENDER_JOB } from '../../../markdown/rerender-job';
import { audit } from '../../../http/audit';
import { normalizeUrl } from '../identifiers';
import { authorsText, firstAuthorKey } from '../keys';
import { duplicatesInDatabase, type KeyedEntry } from './duplicates';
import { recordOfRow } from '../records-of-rows';
import { mergeInto, type SourceRow } from './merge';

export const COMMIT_JOB = 'sources.import.commit';
export const COMMIT_ATTEMPTS = 3;

/** Every `add` entry as a source, its revision 1 and the entry's link, in one statement; answers how many. */
async function addEntries(trx: Db, importId: number, userId: number, now: Date): Promise<number> {
  const result = await sql<{ added: number }>`
    with picked as materialized (
      select e.n, nextval(pg_get_serial_sequence('sources', 'id')) as id, e.record, e.title_key,
        e.first_author_key, e.authors_text, e.url_key
      from source_import_entries e
      where e.import_id = ${importId} and e.action = 'add' and e.source_id is null and e.record is not null
        and e.errors = '[]'::jsonb and e.title_key is not null
    ),
    added as (
      insert into sources (id, kind, title, authors, authors_text, year, publisher, languages, isbn, doi, url,
        url_key, wikidata, access, summary, skills, title_key, first_author_key, created_by, created_at, updated_at)
      select p.id, p.record->>'kind', p.record->>'title', p.record->'authors', p.authors_text,
        (p.record->>'year')::int, p.record->>'publisher',
        array(select jsonb_array_elements_text(p.record->'languages')),
        p.record->'identifiers'->>'isbn', p.record->'identifiers'->>'doi', p.record->'identifiers'->>'url',
        p.url_key, p.record->'identifiers'->>'wikidata', p.record->>'access', p.record->>'summary',
        array(select jsonb_array_elements_text(p.record->'skills')), p.title_key, p.first_author_key,
        ${userId}, ${now}, ${now}
      from picked p order by p.n
      on conflict do nothing
      returning id
    ),
    revisions as (
      insert into source_revisions (source_id, revision, record, created_by, created_at)
      select p.id, 1, p.record, ${userId}, ${now} from picked p join added a on a.id = p.id
    ),
    linked as (
      update source_import_entries e set source_id = p.id
      from picked p join added a on a.id = p.id
      where e.import_id = ${importId} and e.n = p.n
      returning e.n
    )
    select count(*)::int as added from linked`.execute(trx);
  return result.rows[0]?.added ?? 0;
}

/** Entries meant to be added that another source now names: skipped, with that source as their duplicate. */
async function skipTaken(trx: Db, importId: number): Promise<void> {
  const left = await trx
    .selectFrom('source_import_entries')
    .select(['n', 'record', 'duplicates', 'title_key', 'first_author_key', 'authors_text', 'url_key'])
    .where('import_id', '=', importId)
    .where('action', '=', 'add')
    .where('source_id', 'is', null)
    .execute();
  if (!left.length) return;
  const keyed: KeyedEntry[] = left
    .filter((e) => e.record)
    .map((e) => ({
      n: e.n,
      record: e.record as SourceRecord,
      keys: {
        titleKey: e.title_key ?? '',
        firstAuthorKey: e.first_author_key ?? '',
        authorsText: e.authors_text ?? '',
        urlKey: e.url_key,
      },
    }));
  const found = await duplicatesInDatabase(trx, keyed);
  const marks = left.map((e) => ({
    n: e.n,
    d: [...e.duplicates, ...(found.get(e.n) ?? []).filter((f) => !e.duplicates.some((x) => x.id === f.id))],
  }));
  await sql`
    update source_import_entries e set action = 'skip', duplicates = m.d
    from jsonb_to_recordset(${JSON.stringify(marks)}::jsonb) as m(n int, d jsonb)
    where e.import_id = ${importId} and e.n = m.n`.execute(trx);
}

/** Each `merge` entry fills its target's empty fields; one new revision per target changed. Answers how many. */
async function mergeEntries(trx: Db, importId: number, userId: number, now: Date): Promise<number> {
  const entries = await trx
    .selectFrom('source_import_entries')
    .select(['n', 'record', 'into_id'])
    .where('import_id', '=', importId)
    .where('action', '=', 'merge')
    .where('into_id', 'is not', null)
    .where('record', 'is not', null)
    .orderBy('n')
    .execute();
  if (!entries.length) return 0;
  const targetIds = [...new Set(entries.map((e) => e.into_id!))];
  const targets = await sql<SourceRow>`
    select id, kind, title, authors, year, publisher, languages, isbn, doi, url, wikidata, access, summary, skills,
      revision
    from sources where id = any(${sql.val(targetIds)}::bigint[]) order by id for update`.execute(trx);
  const byId = new Map(targets.rows.map((t) => [Number(t.id), { row: t, record: recordOfRow(t), changed: false }]));
  const merged: number[] = [];
  const given = new Set<string>();
  for (const e of entries) {
    const target = byId.get(e.into_id!);
    if (!target) continue;
    const filled = await mergeInto(trx, target.record, e.record!, Number(target.row.id), given);
    if (filled !== target.record) Object.assign(target, { record: filled, changed: true });
    merged.push(e.n);
  }
  const changed = [...byId.values()].filter((t) => t.changed);
  if (changed.length) {
    const values = changed.map((t) => ({ id: Number(t.row.id), revision: t.row.revision + 1, record: t.record }));
    await sql`
      with v as (
        select * from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id bigint, revision int, record jsonb)
      ),
      updated as (
        update sources s set authors = v.record->'authors',
          year = (v.record->>'year')::int,
          publisher = v.record->>'publisher', languages = array(select jsonb_array_elements_text(v.record->'languages')),
          isbn = v.record->'identifiers'->>'isbn', doi = v.record->'identifiers'->>'doi',
          url = v.record->'identifiers'->>'url', wikidata = v.record->'identifiers'->>'wikidata',
          summary = v.record->>'summary', skills = array(select jsonb_array_elements_text(v.record->'skills')),
          revision = v.revision, updated_at = ${now}
        from v where s.id = v.id
        returning s.id
      )
      insert into source_revisions (source_id, revision, record, created_by, created_at)
      select v.id, v.revision, v.record, ${userId}, ${now} from v join updated u on u.id = v.id`.execute(trx);
    await fillKeys(
      trx,
      changed.map((t) => Number(t.row.id)),
    );
  }
  await trx
    .updateTable('source_import_entries as e')
    .set({ source_id: sql<number>`e.into_id` })
    .where('e.import_id', '=', importId)
    .where('e.n', 'in', merged.length ? merged : [-1])
    .execute();
  return merged.length;
}

/** The authors' words and keys, and the URL's key, of sources whose record a merge filled. */
async function fillKeys(trx: Db, ids: number[]): Promise<void> {
  const rows = await trx.selectFrom('sources').select(['id', 'authors', 'url']).where('id', 'in', ids).execute();
  const values = rows.map((r) => ({
    id: Number(r.id),
    authors_text: authorsText(r.authors),
    first_author_key: firstAuthorKey(r.authors),
    url_key: r.url ? (normalizeUrl(r.url)?.key ?? null) : null,
  }));
  await sql`
    update sources s set authors_text = v.authors_text, first_author_key = v.first_author_key, url_key = v.url_key
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
      as v(id bigint, authors_text text, first_author_key text, url_key text)
    where s.id = v.id`.execute(trx);
}

export async function runCommit(payload: Record<string, unknown>, ctx: JobContext): Promise<void> {
  const importId = Number(payload.importId);
  const now = ctx.deps.clock.now();
  try {
    await transact(ctx.db, async (trx) => {
      const row = await trx
        .selectFrom('source_imports')
        .select(['user_id', 'status'])
        .where('id', '=', importId)
        .forUpdate()
        .executeTakeFirst();
      if (!row || row.status !== 'committing') return;
      const added = await addEntries(trx, importId, row.user_id, now);
      await skipTaken(trx, importId);
      const merged = await mergeEntries(trx, importId, row.user_id, now);
      const { total } = await trx
        .selectFrom('source_import_entries')
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .where('import_id', '=', importId)
        .executeTakeFirstOrThrow();
      const counts = { added, merged, skipped: Number(total) - added - merged };
      await trx
        .updateTable('source_imports')
        .set({ status: 'done', counts: JSON.stringify(counts), finished_at: now })
        .where('id', '=', importId)
        .execute();
      await audit(trx, {
        actorId: row.user_id,
        action: 'source.import.commit',
        objectType: 'source_import',
        objectId: importId,
        details: counts,
      });
      // The statements above write records without their summaries' HTML: the Markdown job renders them now.
      if (added + merged > 0) await enqueue(trx, { kind: RERENDER_JOB, key: `${RERENDER_JOB}:import:${importId}` });
    });
  } catch (err) {
    // After the last attempt the import can be committed again (nothing of it was kept).
    if (ctx.attempt >= COMMIT_ATTEMPTS)
      await ctx.db
        .updateTable('source_imports')
        .set({ status: 'ready' })
        .where('id', '=', importId)
        .where('status', '=', 'committing')
        .execute();
    throw err;
  }
}
