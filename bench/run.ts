// Benchmark of the hot read paths: GET /api/v1/participants (20 per page), the server-rendered /participants
// page, and the first and tenth page of a 1,000-comment thread (the tenth reached by following cursors), with
// 1,000 participants and 100 groups, on PGlite and on PostgreSQL, beside a bare Fastify hello-world measured
// in the same run. Pages are measured as anonymous visitors see them and, uncached, as a signed-in person.
// Method: autocannon, 3 s warm-up, then 10 s at 10 and at 50 connections; non-2xx answers are counted as
// failures, never as throughput.
//
//   npm run bench                          # both databases (PostgreSQL from BENCH_DATABASE_URL or the local server)
//   npm run bench -- --db pglite           # one database
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/server/db/connection';
import { migrate } from '../src/server/db/migrate';
import { generateNetwork, generateThread } from './generate';
import { bench, dropSchema, pgUrl, signedInCookie, start, stop, waitFor, type Figure } from './lib';

const args = process.argv.slice(2);
const onlyDb = args.includes('--db') ? args[args.indexOf('--db') + 1] : null;

interface Prepared {
  env: Record<string, string>;
  threadId: number;
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
  await handle.close();
  return { env: dir ? { LDN_DATA_DIR: dir } : { DATABASE_URL: pgUrl, LDN_DATABASE_SCHEMA: schema }, threadId };
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

for (const kind of ['pglite', 'postgres'] as const) {
  if (onlyDb && onlyDb !== kind) continue;
  const { env, threadId } = await prepare(kind);
  const port = kind === 'pglite' ? 18997 : 18998;
  const server = start('src/server/main.ts', {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LDN_RATE_LIMITS: 'off',
    LDN_DEMO: '0',
  });
  try {
    await waitFor(`http://127.0.0.1:${port}/healthz`);
    const base = `http://127.0.0.1:${port}`;
    const tenth = `${base}/updates/${threadId}?comments=${encodeURIComponent(await tenthPageCursor(base, threadId))}`;
    const reader = { cookie: await signedInCookie(base) };
    figures.push(...(await bench('GET /api/v1/participants', kind, `${base}/api/v1/participants?limit=20`)));
    figures.push(...(await bench('GET /participants (page)', kind, `${base}/participants`)));
    figures.push(...(await bench('thread page 1', kind, `${base}/updates/${threadId}`)));
    figures.push(...(await bench('thread page 10', kind, tenth)));
    figures.push(...(await bench('/participants signed in', kind, `${base}/participants`, reader)));
    figures.push(...(await bench('thread page 1 signed in', kind, `${base}/updates/${threadId}`, reader)));
    figures.push(...(await bench('thread page 10 signed in', kind, tenth, reader)));
  } finally {
    await stop(server);
    if (kind === 'postgres') await dropSchema(`ldn_bench_${process.pid}`);
  }
}

const hello10 = figures.find((f) => f.target === 'hello-world' && f.connections === 10)!;
const hello50 = figures.find((f) => f.target === 'hello-world' && f.connections === 50)!;
console.log('\ntarget                        db        conn   req/s      p50 ms  p99 ms  non-2xx  errors  vs hello');
for (const f of figures) {
  const base = f.connections === 10 ? hello10 : hello50;
  const ratio = f.target === 'hello-world' ? '' : `${((f.rps / base.rps) * 100).toFixed(1)}%`;
  console.log(
    `${f.target.padEnd(30)}${f.db.padEnd(10)}${String(f.connections).padEnd(7)}${f.rps.toFixed(0).padStart(7)}   ${String(f.p50).padStart(6)}  ${String(f.p99).padStart(6)}  ${String(f.non2xx).padStart(7)}  ${String(f.errors).padStart(6)}  ${ratio}`,
  );
}
const pg = (t: string, c: number) => figures.find((f) => f.db === 'postgres' && f.target === t && f.connections === c);
const list10 = pg('GET /api/v1/participants', 10);
const page10 = pg('GET /participants (page)', 10);
if (list10 && page10) {
  console.log('\nTargets on PostgreSQL:');
  console.log(
    `  list >= 25% of hello-world: ${((list10.rps / hello10.rps) * 100).toFixed(1)}% ${list10.rps / hello10.rps >= 0.25 ? 'met' : 'NOT met'}`,
  );
  console.log(
    `  page >= 10% of hello-world: ${((page10.rps / hello10.rps) * 100).toFixed(1)}% ${page10.rps / hello10.rps >= 0.1 ? 'met' : 'NOT met'}`,
  );
  console.log(`  list p99 at 10 connections <= 20 ms: ${list10.p99} ms ${list10.p99 <= 20 ? 'met' : 'NOT met'}`);
  console.log(`  page p99 at 10 connections <= 20 ms: ${page10.p99} ms ${page10.p99 <= 20 ? 'met' : 'NOT met'}`);
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
    `  ${f.target.padEnd(26)}${f.db.padEnd(10)}${String(f.connections).padEnd(4)} p99 ${f.p99} ms vs ${ref.p99} ms: ${f.p99 <= limit ? 'met' : 'NOT met'}`,
  );
}
const failures = figures.reduce((n, f) => n + f.non2xx + f.errors, 0);
if (failures)
  console.log(`\n${failures} requests failed (non-2xx or errors): the figures above exclude them from throughput.`);
