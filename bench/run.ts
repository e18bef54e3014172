// Benchmark of the hot read paths: the request floor (/healthz), GET /api/v1/participants (20 per page), the
// server-rendered /participants page, the updates and the FAQ (their Markdown), and the first and tenth page of a
// 1,000-comment thread (the tenth reached by following cursors), with 1,000 participants, 100 groups and 200
// initiatives, on PGlite and on PostgreSQL, beside a bare Fastify hello-world measured in the same run. Pages
// are measured as anonymous visitors see them and as a signed-in person. Then the CPU one page rendered afresh
// costs alone, and the server's resident memory idle and after the load. The floor's ratios are those of one
// process (LDN_WORKERS=1, DECISIONS 32); on PostgreSQL the same server with its default processes follows,
// reported apart.
// Method: autocannon, 3 s warm-up, then 10 s at 10 and at 50 connections, sending Accept-Encoding: br; non-2xx
// answers are counted as failures, never as throughput.
//
//   npm run bench                          # both databases (PostgreSQL from BENCH_DATABASE_URL or the local server)
//   npm run bench -- --db pglite           # one database
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/server/db/connection';
import { migrate } from '../src/server/db/migrate';
import { renderAllStaleMarkdown } from '../src/server/markdown/rerender-job';
import { loadDemoFaq } from '../src/server/features/faq';
import { generateNetwork, generateThread, generateUpdates } from './generate';
import { generateInitiatives } from './generate-initiatives';
import { bench, dropSchema, pgUrl, signedInCookie, start, stop, waitFor, type Figure } from './lib';
import { cpuMsPerRequest, residentMb } from './process-figures';

const args = process.argv.slice(2);
const onlyDb = args.includes('--db') ? args[args.indexOf('--db') + 1] : null;

interface Prepared {
  env: Record<string, string>;
  threadId: number;
  initiativeId: number;
}

async function prepare(kind: 'pglite' | 'postgres'): Promise<Prepared> {
  const dir = kind === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'ldn-bench-')) : null;
  const schema = `ldn_bench_${process.pid}`;
  const handle = dir
    ? await openDatabase({ databaseUrl: null, dataDir: dir })
    : await openDatabase({ databaseUrl: pgUrl, schema });
  await migrate(handle);
  await generateNetwork(handle.db, { people: 1000, groups: 100 });
  const threadId = await generateThread(handle.db);
  await generateUpdates(handle.db, 6);
  await loadDemoFaq(handle.db);
  await generateInitiatives(handle.db, { initiatives: 200 });
  const initiative = await handle.db
    .selectFrom('initiatives')
    .select('id')
    .where('stage', '=', 'active')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  // Generated rows hold Markdown without its HTML: rendered now, not by the job while measuring.
  await renderAllStaleMarkdown(handle.db);
  await handle.close();
  return {
    env: dir ? { LDN_DATA_DIR: dir } : { DATABASE_URL: pgUrl, LDN_DATABASE_SCHEMA: schema },
    threadId,
    initiativeId: initiative.id,
  };
}

/** The cursor of a thread's tenth page, found by following `next` from the first page (50 comments a page). */
async function tenthPageCursor(base: string, threadId: number): Promise<string> {
  let cursor: string | null = null;
  for (let page = 1; page < 10; page++) {
    const url = `${base}/api/v1/comments?subjectType=update&subjectId=${threadId}&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = (await (await fetch(url)).json()) as { next: string | null };
    if (!res.next) throw new Error(`the thread ended before page ${page + 1}`);
    cursor = res.next;
  }
  return cursor!;
}

// The page needs the current web bundle.
execFileSync('node', ['scripts/build-if-changed.mjs'], { stdio: 'inherit' });

const figures: Figure[] = [];
const helloPort = 18999;
const hello = start('bench/hello.ts', { PORT: String(helloPort) });
try {
  await waitFor(`http://127.0.0.1:${helloPort}/`);
  figures.push(...(await bench('hello-world', '-', `http://127.0.0.1:${helloPort}/`)));
} finally {
  await stop(hello);
}

interface Alone {
  db: string;
  page: string;
  cpuMs: number;
}
interface Memory {
  db: string;
  workers: string;
  idle: { largest: number; total: number };
  loaded: { largest: number; total: number };
}
const alone: Alone[] = [];
const memory: Memory[] = [];
/** An address parameter no page reads: a page nobody asked for before, rendered afresh. */
const fresh = () => `x=${Math.random().toString(36).slice(2)}`;

async function measureServer(kind: 'pglite' | 'postgres', p: Prepared, workers: string, port: number) {
  const db = workers === '1' ? kind : `${kind} ×${workers}`;
  const server = start('src/server/main.ts', {
    ...p.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LDN_RATE_LIMITS: 'off',
    LDN_DEMO: '0',
    LDN_WORKERS: workers,
  });
  try {
    await waitFor(`http://127.0.0.1:${port}/healthz`);
    const base = `http://127.0.0.1:${port}`;
    await new Promise((r) => setTimeout(r, 2000)); // settled: what start-up left behind is collected
    const idle = residentMb(server.pid!);
    const tenth = `${base}/updates/${p.threadId}?comments=${encodeURIComponent(await tenthPageCursor(base, p.threadId))}`;
    // One reader per server: a second server on the same data finds the first one's.
    const reader = { cookie: await signedInCookie(base, `Bench Reader ${workers}`) };
    const run = async (target: string, url: string, headers: Record<string, string> = {}) =>
      figures.push(...(await bench(target, db, url, headers)));
    if (workers === '1') await run('GET /healthz', `${base}/healthz`);
    await run('GET /api/v1/participants', `${base}/api/v1/participants?limit=20`);
    await run('GET /participants (page)', `${base}/participants`);
    if (workers === '1') {
      await run('GET /api/v1/updates', `${base}/api/v1/updates`);
      await run('GET /api/v1/faq', `${base}/api/v1/faq`);
      await run('thread page 1', `${base}/updates/${p.threadId}`);
      await run('thread page 10', tenth);
    }
    await run('/participants signed in', `${base}/participants`, reader);
    await run('thread page 1 signed in', `${base}/updates/${p.threadId}`, reader);
    if (workers === '1') await run('thread page 10 signed in', tenth, reader);
    memory.push({ db: kind, workers, idle, loaded: residentMb(server.pid!) });
    if (workers === '1') {
      const pid = server.pid!;
      alone.push({
        db,
        page: '/participants',
        cpuMs: await cpuMsPerRequest(pid, base, () => `/participants?${fresh()}`, reader),
      });
      alone.push({
        db,
        page: 'an initiative',
        cpuMs: await cpuMsPerRequest(pid, base, () => `/initiatives/${p.initiativeId}?${fresh()}`, reader),
      });
    }
  } finally {
    await stop(server);
  }
}

const cores = String(os.availableParallelism());
for (const kind of ['pglite', 'postgres'] as const) {
  if (onlyDb && onlyDb !== kind) continue;
  const prepared = await prepare(kind);
  try {
    await measureServer(kind, prepared, '1', kind === 'pglite' ? 18997 : 18998);
    // The embedded database runs one process whatever LDN_WORKERS says.
    if (kind === 'postgres' && cores !== '1') await measureServer(kind, prepared, cores, 18996);
  } finally {
    if (kind === 'postgres') await dropSchema(`ldn_bench_${process.pid}`);
  }
}

const hello10 = figures.find((f) => f.target === 'hello-world' && f.connections === 10)!;
const hello50 = figures.find((f) => f.target === 'hello-world' && f.connections === 50)!;
console.log('\ntarget                        db          conn   req/s      p50 ms  p99 ms  non-2xx  errors  vs hello');
for (const f of figures) {
  const base = f.connections === 10 ? hello10 : hello50;
  const ratio = f.target === 'hello-world' ? '' : `${((f.rps / base.rps) * 100).toFixed(1)}%`;
  console.log(
    `${f.target.padEnd(30)}${f.db.padEnd(12)}${String(f.connections).padEnd(7)}${f.rps.toFixed(0).padStart(7)}   ${String(f.p50).padStart(6)}  ${String(f.p99).padStart(6)}  ${String(f.non2xx).padStart(7)}  ${String(f.errors).padStart(6)}  ${ratio}`,
  );
}
const at = (db: string, t: string, c = 10) => figures.find((f) => f.db === db && f.target === t && f.connections === c);
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
/** A share of the hello-world's throughput at 10 connections, against its target. */
function share(db: string, target: string, min: number) {
  const f = at(db, target);
  if (!f) return;
  const r = f.rps / hello10.rps;
  console.log(
    `  ${`${target} (${db})`.padEnd(44)} ${(r * 100).toFixed(1).padStart(5)}% of hello-world, target >= ${min * 100}%: ${verdict(r >= min)}`,
  );
}
console.log(
  `\nThe floor, one process beside a one-process hello-world (${hello10.rps.toFixed(0)} req/s at 10 connections):`,
);
for (const db of ['pglite', 'postgres']) {
  share(db, 'GET /healthz', 0.6);
  share(db, 'GET /api/v1/participants', 0.4);
  share(db, 'GET /participants (page)', 0.2);
  share(db, 'GET /api/v1/updates', 0.25);
  share(db, 'GET /api/v1/faq', 0.25);
}
const pgList = at('postgres', 'GET /api/v1/participants');
const pgPage = at('postgres', 'GET /participants (page)');
if (pgList && pgPage) {
  console.log(`  list p99 at 10 connections <= 20 ms (postgres): ${pgList.p99} ms ${verdict(pgList.p99 <= 20)}`);
  console.log(`  page p99 at 10 connections <= 20 ms (postgres): ${pgPage.p99} ms ${verdict(pgPage.p99 <= 20)}`);
}
console.log('\nA page rendered afresh for a signed-in person, CPU alone (one request at a time):');
for (const a of alone) {
  const limit = a.page === '/participants' ? 2 : 4;
  console.log(
    `  ${a.page.padEnd(16)}${a.db.padEnd(10)} ${a.cpuMs.toFixed(2)} ms, target <= ${limit} ms: ${verdict(a.cpuMs <= limit)}`,
  );
}
console.log('\nResident memory, idle after start and after the load above (largest process / all together):');
for (const m of memory) {
  const [idleMax, loadMax] = m.db === 'pglite' ? [384, 448] : [150, 256];
  console.log(
    `  ${m.db.padEnd(9)} workers ${m.workers.padEnd(3)} idle ${m.idle.largest.toFixed(0)} / ${m.idle.total.toFixed(0)} MB (target <= ${idleMax} per process): ${verdict(m.idle.largest <= idleMax)}; loaded ${m.loaded.largest.toFixed(0)} / ${m.loaded.total.toFixed(0)} MB (target <= ${loadMax}): ${verdict(m.loaded.largest <= loadMax)}`,
  );
}
// Issue 3: each thread page's p99 within 2x the p99 of /participants measured in the same run, as the same
// kind of visitor, on each database and at each number of connections.
console.log('\nThread pages: p99 within 2x of /participants (same run, same visitor):');
for (const f of figures.filter((x) => x.target.startsWith('thread page'))) {
  const signedIn = f.target.endsWith('signed in');
  const ref = figures.find(
    (x) =>
      x.db === f.db &&
      x.connections === f.connections &&
      x.target === (signedIn ? '/participants signed in' : 'GET /participants (page)'),
  )!;
  const limit = 2 * ref.p99;
  console.log(
    `  ${f.target.padEnd(26)}${f.db.padEnd(12)}${String(f.connections).padEnd(4)} p99 ${f.p99} ms vs ${ref.p99} ms: ${verdict(f.p99 <= limit)}`,
  );
}
const failures = figures.reduce((n, f) => n + f.non2xx + f.errors, 0);
if (failures)
  console.log(`\n${failures} requests failed (non-2xx or errors): the figures above exclude them from throughput.`);
