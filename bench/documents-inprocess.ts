// In-process timings of the documents benchmark's reads (issue 9): app.inject in a loop, one request at a time,
// on PostgreSQL, to compare a change before and after without the network (bench/documents.ts is the real run).
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_docs npx tsx bench/documents-inprocess.ts
// BENCH_SIZE (default 40x200) picks the size; the schema is kept between runs (BENCH_REGENERATE=1 makes it anew).
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/connection';
import { migrate } from '../src/server/db/migrate';
import { generateNetwork } from './generate';
import { generateDocument } from './generate-documents';
import { dropSchema, pgUrl } from './lib';

const [languages, revisions] = (process.env.BENCH_SIZE ?? '40x200').split('x').map(Number) as [number, number];
const schema = `ldn_bench_docs_${languages}_${revisions}`;
const rounds = Number(process.env.BENCH_ROUNDS ?? 30);
if (process.env.BENCH_REGENERATE === '1') await dropSchema(schema);
const handle = await openDatabase({ databaseUrl: pgUrl, schema });
await migrate(handle);
const existing = await handle.db.selectFrom('documents').select('slug').executeTakeFirst();
if (!existing) {
  await generateNetwork(handle.db, { people: 1000, groups: 100 });
  await generateDocument(handle.db, { languages, revisions });
}
const counts = await handle.db
  .selectFrom('documents')
  .select(['slug', 'revision'])
  .where('slug', '=', 'ldp')
  .executeTakeFirstOrThrow();
const app = await buildApp({
  config: loadConfig({ ...process.env, LDN_RATE_LIMITS: 'off', LDN_DEMO: '0' } as NodeJS.ProcessEnv),
  db: handle.db,
  pages: process.env.BENCH_PAGES === '1',
});
await app.ready();
const br = { 'accept-encoding': 'br' };
const session = await app.inject({ url: '/api/v1/session' });
const cookie = session.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
const signup = await app.inject({
  method: 'POST',
  url: '/api/v1/accounts',
  headers: { cookie, 'x-csrf-token': (session.json() as { csrfToken: string }).csrfToken },
  payload: { username: `Reader ${Date.now()}`, password: 'bench reader password' },
});
const reader = { ...br, cookie: signup.cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
const lang = process.env.BENCH_LANG ?? 'ar';
const doc = `/documents/ldp?lang=${lang}`;
const targets: [string, string, Record<string, string>][] = [
  ['list API', '/api/v1/documents', br],
  ['document API', `/api/v1${doc}`, br],
  ['document API, signed in', `/api/v1${doc}`, reader],
  ['progress', '/api/v1/documents/ldp/progress', br],
  ['compare first-last', `/api/v1/documents/ldp/compare?from=1&to=${counts.revision}`, br],
  ['compare first-last in ar', `/api/v1/documents/ldp/compare?from=1&to=${counts.revision}&lang=ar`, br],
];
if (process.env.BENCH_PAGES === '1') {
  targets.push(
    ['/documents page', '/documents', br],
    ['document page', doc, br],
    ['document page, signed in', doc, reader],
  );
}
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
for (const [name, url, headers] of targets) {
  const started = performance.now();
  const first = await app.inject({ url, headers });
  const firstMs = performance.now() - started;
  if (first.statusCode !== 200) throw new Error(`${name}: ${first.statusCode} ${first.body.slice(0, 300)}`);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await app.inject({ url, headers });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1).padStart(6);
  console.log(
    `${name.padEnd(28)} first ${f(firstMs)}  p50 ${f(pct(times, 50))}  p90 ${f(pct(times, 90))}  max ${f(times.at(-1)!)} ms  ${(first.rawPayload.length / 1024).toFixed(0)} KB ${first.headers['content-encoding'] ?? ''}`,
  );
}
await app.close();
await handle.close();
