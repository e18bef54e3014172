// Benchmark of documents on PostgreSQL (issue 9): an LDP-sized document (about 30,000 words in 600 units) read
// through the API and as a page in a language (anonymous; signed in, kept and rendered afresh), the progress of
// every language, the list of documents (API and /documents), the comparison of the first and the last
// revision, and the translators' view of the language with outdated units; at 40 languages and 200 revisions,
// and again at 4 languages and 20 revisions to show the growth. Each size also has 20 adaptations and 500
// amendments (generate-documents.ts). Beside them, in the same run, the bare Fastify hello-world.
// Targets: p99 at 10 connections <= 30 ms, and at most 2x from the small to the large size.
// Method (DESIGN.md, DECISIONS 32): autocannon, 3 s warm-up, then 10 s at 1, 10 and 50 connections
// (BENCH_SECONDS changes the 10 s, BENCH_CONNECTIONS the list), one server process (LDN_WORKERS=1),
// LDN_RATE_LIMITS=off, every request with `Accept-Encoding: br`; non-2xx answers and errors are counted as
// failures, never as throughput. A page that does not answer 200 (its web route not there yet) is skipped.
//
//   npm run bench:documents                                   # PostgreSQL from BENCH_DATABASE_URL or the local server
//   BENCH_SIZES=40x200 npm run bench:documents                # one size only (languages x revisions)
//   BENCH_SECONDS=2 BENCH_CONNECTIONS=10 npm run bench:documents   # a short check that it runs
import { execFileSync } from 'node:child_process';
import { openDatabase } from '../src/server/db/connection';
import { migrate } from '../src/server/db/migrate';
import { renderAllStaleMarkdown } from '../src/server/markdown/rerender-job';
import { generateNetwork } from './generate';
import { generateDocument, type DocumentCounts } from './generate-documents';
import {
  bench,
  dropSchema,
  pgUrl,
  printFigures,
  signedInCookie,
  start,
  stop,
  waitFor,
  type Figure,
  reportTargets,
  reportEnd,
} from './lib';

const sizes = (process.env.BENCH_SIZES ?? '4x20,40x200').split(',').map((s) => {
  const [languages, revisions] = s.split('x').map(Number);
  if (!languages || !revisions) throw new Error(`BENCH_SIZES: ${s} is not <languages>x<revisions>`);
  return { languages, revisions, name: s };
});
const connections = (process.env.BENCH_CONNECTIONS ?? '1,10,50').split(',').map(Number);
const port = Number(process.env.BENCH_PORT ?? 18163);
const helloPort = Number(process.env.BENCH_HELLO_PORT ?? 18999);
const dist = process.env.LDN_DIST_DIR ?? 'dist';
const P99_TARGET = 30;
const GROWTH_TARGET = 2;
const br = { 'accept-encoding': 'br' };

/** An address parameter no page reads: each request a page nobody asked for before, so it is rendered afresh. */
const fresh = () => Math.random().toString(36).slice(2);

async function prepare(size: (typeof sizes)[number]): Promise<{ schema: string; counts: DocumentCounts }> {
  const schema = `ldn_bench_doc_${process.pid}_${size.languages}_${size.revisions}`;
  const handle = await openDatabase({ databaseUrl: pgUrl, schema });
  try {
    await migrate(handle);
    await generateNetwork(handle.db, { people: 1000, groups: 100 });
    const started = Date.now();
    const counts = await generateDocument(handle.db, size);
    console.log(`${size.name}: ${JSON.stringify(counts)} generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { schema, counts };
  } finally {
    // Generated rows hold Markdown without its HTML: rendered now, not by the job while measuring.
    await renderAllStaleMarkdown(handle.db);
    await handle.close();
  }
}

/** Whether `url` answers 200 (a page whose web route is not there yet answers 404 and is skipped). */
const answers = async (url: string, headers: Record<string, string>) =>
  (await fetch(url, { headers }).then((r) => r.status)) === 200;

execFileSync('node', ['scripts/build-if-changed.mjs'], {
  stdio: 'inherit',
  env: { ...process.env, LDN_DIST_DIR: dist },
});

const figures: Figure[] = [];
const skipped = new Set<string>();
const hello = start('bench/hello.ts', { PORT: String(helloPort) });
try {
  await waitFor(`http://127.0.0.1:${helloPort}/`);
  figures.push(...(await bench('hello-world', '-', `http://127.0.0.1:${helloPort}/`, br, undefined, connections)));
} finally {
  await stop(hello);
}

for (const size of sizes) {
  const { schema, counts: c } = await prepare(size);
  const db = `pg ${size.name}`;
  const server = start('src/server/main.ts', {
    DATABASE_URL: pgUrl,
    LDN_DATABASE_SCHEMA: schema,
    PORT: String(port),
    HOST: '127.0.0.1',
    LDN_WORKERS: '1',
    LDN_RATE_LIMITS: 'off',
    LDN_DEMO: '0',
    LDN_DIST_DIR: dist,
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/healthz`);
    const reader = { ...br, cookie: await signedInCookie(base) };
    const run = async (target: string, path: string, headers: Record<string, string> = br, paths?: () => string) => {
      if (!path.startsWith('/api/') && !(await answers(`${base}${path}`, headers))) {
        skipped.add(target);
        return;
      }
      figures.push(...(await bench(target, db, `${base}${path}`, headers, paths, connections)));
    };
    const doc = `/documents/${c.slug}?lang=${c.readLanguage}`;
    await run('documents API', '/api/v1/documents');
    await run('documents page, anonymous', '/documents');
    await run('documents page, signed in', '/documents', reader);
    await run('document API in a language', `/api/v1${doc}`);
    await run('document API in a language, signed in', `/api/v1${doc}`, reader);
    await run('document page in a language, anonymous', doc);
    await run('document page in a language, signed in', doc, reader);
    await run('document page, signed in, rendered afresh', doc, reader, () => `${doc}&fresh=${fresh()}`);
    await run('progress of every language', `/api/v1/documents/${c.slug}/progress`);
    await run('compare first and last revision', `/api/v1/documents/${c.slug}/compare?from=1&to=${c.revision}`);
    await run(
      'translation view, the outdated language',
      `/api/v1/documents/${c.slug}/translations/${c.outdatedLanguage}`,
    );
  } finally {
    await stop(server);
    await dropSchema(schema);
  }
}

printFigures(figures);
if (skipped.size) console.log(`\nSkipped (the page does not answer 200 yet): ${[...skipped].join('; ')}.`);

const missed = reportTargets(figures, {
  small: sizes[0]!.name,
  large: sizes.at(-1)!.name,
  p99Target: P99_TARGET,
  growthTarget: GROWTH_TARGET,
  alone: true,
});
reportEnd(figures, missed);
