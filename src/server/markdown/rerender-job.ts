// Re-renders stored Markdown whose HTML is missing (rows written before migration 0030, or whose source was
// changed without its HTML) or was made by an older renderer (RENDERER_VERSION was bumped). Batches run in a
// transaction that locks their rows with SKIP LOCKED, so runs on several processes share the work instead of
// repeating it, and an edit meanwhile waits for the batch and then writes its own HTML. Each run does a bounded
// amount of work and queues the next run while rows remain; the remaining count is logged after every batch
// and `markdownBacklog` tells it to the CLI (`markdown-status`).
import { sql } from 'kysely';
import type { Db } from '../db/connection';
import { enqueue, registerCatchUp } from '../jobs/queue';
import { MARKDOWN_TABLES, type MarkdownTable } from './targets';
import { leadOf, RENDERER_VERSION, storeMarkdown } from './stored';

export const RERENDER_JOB = 'markdown.rerender';
const BATCH = 200;
const BATCHES_PER_RUN = 25;

const stale = sql`html_version is null or html_version < ${RENDERER_VERSION}`;

/** How many rows of each table wait to be rendered (tables with none left out), and the total. */
export async function markdownBacklog(db: Db): Promise<{ total: number; tables: Record<string, number> }> {
  const tables: Record<string, number> = {};
  let total = 0;
  for (const t of MARKDOWN_TABLES) {
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(t.table)} where ${stale}`.execute(db);
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) tables[t.table] = n;
    total += n;
  }
  return { total, tables };
}

/** Whether any row waits (stops at the first one found). */
async function anyStale(db: Db): Promise<boolean> {
  for (const t of MARKDOWN_TABLES) {
    const { rows } = await sql`select 1 from ${sql.table(t.table)} where ${stale} limit 1`.execute(db);
    if (rows.length > 0) return true;
  }
  return false;
}

/** Renders one batch of a table's stale rows; answers how many it rendered. */
async function renderBatch(db: Db, t: MarkdownTable): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const fields = sql.join(t.fields.map((f) => sql.ref(f)));
    const { rows } = await sql<Record<string, string | null>>`
      select ctid::text as row_ref, ${fields} from ${sql.table(t.table)}
      where ${stale} limit ${BATCH} for update skip locked`.execute(trx);
    for (const row of rows) {
      const sets = [
        ...t.fields.map((f) => {
          const source = row[f];
          return sql`${sql.ref(`${f}_html`)} = ${source == null ? null : storeMarkdown(source).html}`;
        }),
        ...t.leads.map((f) => {
          const source = row[f];
          return sql`${sql.ref(`${f}_lead`)} = ${source == null ? null : leadOf(source)}`;
        }),
        sql`html_version = ${RENDERER_VERSION}`,
      ];
      await sql`update ${sql.table(t.table)} set ${sql.join(sets)} where ctid = ${row.row_ref}::tid`.execute(trx);
    }
    return rows.length;
  });
}

/**
 * Renders every stale row now, in this process (rows written in bulk outside the features: the benchmarks'
 * generated data); answers how many.
 */
export async function renderAllStaleMarkdown(db: Db): Promise<number> {
  let done = 0;
  for (const t of MARKDOWN_TABLES) for (let n = BATCH; n === BATCH; done += n) n = await renderBatch(db, t);
  return done;
}

export function registerMarkdownRerender(): void {
  registerCatchUp(RERENDER_JOB, anyStale, async (_payload, job) => {
    let done = 0;
    for (const t of MARKDOWN_TABLES) {
      while (done < BATCH * BATCHES_PER_RUN) {
        const n = await renderBatch(job.db, t);
        if (n === 0) break;
        done += n;
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from ${sql.table(t.table)} where ${stale}`.execute(job.db);
        job.log.info(
          { table: t.table, rendered: n, remaining: Number(rows[0]?.n ?? 0) },
          'stored Markdown re-rendered',
        );
        if (n < BATCH) break;
      }
    }
    if (done === 0) return;
    const left = await markdownBacklog(job.db);
    job.log.info({ rendered: done, remaining: left.total }, 'stored Markdown re-rendered, run finished');
    // Left for a next run (a new job, so that the worker is not held up by one long run).
    if (left.total > 0) await enqueue(job.db, { kind: RERENDER_JOB, key: `${RERENDER_JOB}:after:${job.jobId}` });
  });
}
