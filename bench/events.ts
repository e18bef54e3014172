// Benchmark of events and courses on PostgreSQL (issue 10): the next 90 days (API, and /events for a viewer in
// Asia/Kolkata, anonymous and signed in), an event page, the all-events calendar feed and the course catalogue,
// with 500 recurring series, 5,000 single events, 50,000 registrations, 200 courses and 600 runs
// (generate-events.ts), and the same at a tenth of that to show how it grows. Beside them, in the same run, the
// bare Fastify hello-world. Targets: p99 at 10 connections <= 30 ms; growth from 50 to 500 series <= 2x.
// Method (DESIGN.md): autocannon, 3 s warm-up, then 10 s at 1, 10 and 50 connections (BENCH_SECONDS changes the
// 10 s); LDN_WORKERS=1 and LDN_RATE_LIMITS=off; `Accept-Encoding: br` (DECISIONS 32); non-2xx answers and
// errors are counted as failures, never as throughput. A page whose route does not answer 200 is skipped and
// said so.
//
//   npm run bench:events                       # PostgreSQL from BENCH_DATABASE_URL or the local server
//   BENCH_SCALES=1 npm run bench:events        # the full size only (1 = 500 series; 0.1 = 50)
import { execFileSync } from 'node:child_process';
import { sql } from 'kysely';
import { openDatabase } from '../src/server/db/connection';
import { migrate } from '../src/server/db/migrate';
import { renderAllStaleMarkdown } from '../src/server/markdown/rerender-job';
import { generateNetwork } from './generate';
import { generateEvents, type EventCounts } from './generate-events';
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

const scales = (process.env.BENCH_SCALES ?? '0.1,1').split(',').map(Number);
const connections = (process.env.BENCH_CONNECTIONS ?? '1,10,50').split(',').map(Number);
const port = Number(process.env.BENCH_PORT ?? 18164);
const helloPort = Number(process.env.BENCH_HELLO_PORT ?? 18999);
const dist = process.env.LDN_DIST_DIR ?? 'dist';
const P99_TARGET = 30;
const GROWTH_TARGET = 2;
const br = { 'accept-encoding': 'br' };
const kolkata = { ...br, cookie: 'ldn_tz=Asia%2FKolkata' };
const nameOf = (scale: number) => `${Math.round(500 * scale)} series`;

async function prepare(scale: number): Promise<{ schema: string; counts: EventCounts; eventId: number }> {
  const schema = `ldn_bench_ev_${process.pid}_${Math.round(scale * 1000)}`;
  const handle = await openDatabase({ databaseUrl: pgUrl, schema });
  try {
    await migrate(handle);
    await generateNetwork(handle.db, { people: 2000, groups: 100 });
    const started = Date.now();
    const counts = await generateEvents(handle.db, {
      series: Math.round(500 * scale),
      singles: Math.round(5000 * scale),
      registrations: Math.round(50000 * scale),
      courses: Math.round(200 * scale),
    });
    console.log(
      `${nameOf(scale)}: ${JSON.stringify(counts)} generated in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    // The busiest upcoming series: its page shows places, registrants and the next occurrences.
    const [busy] = (
      await sql<{ id: number }>`select r.event_id as id from event_registrations r
        join events e on e.id = r.event_id where e.rrule is not null group by r.event_id
        order by count(*) desc limit 1`.execute(handle.db)
    ).rows;
    if (!busy) throw new Error('no series has registrations');
    await sql`analyze`.execute(handle.db);
    return { schema, counts, eventId: Number(busy.id) };
  } finally {
    // Generated rows hold Markdown without its HTML: rendered now, not by the job while measuring.
    await renderAllStaleMarkdown(handle.db);
    await handle.close();
  }
}

/** Whether `url` answers 200 (a route not there yet answers 404 and is skipped). */
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

const today = new Date();
const iso = (d: Date) => d.toISOString().slice(0, 10);
const from = iso(today);
const to = iso(new Date(today.getTime() + 90 * 86_400_000));

for (const scale of scales) {
  const { schema, eventId } = await prepare(scale);
  const db = `pg ${nameOf(scale)}`;
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
    const reader = { ...kolkata, cookie: `${kolkata.cookie}; ${await signedInCookie(base)}` };
    const run = async (target: string, path: string, headers: Record<string, string> = br) => {
      if (!(await answers(`${base}${path}`, headers))) {
        skipped.add(target);
        return;
      }
      figures.push(...(await bench(target, db, `${base}${path}`, headers, undefined, connections)));
    };
    await run('events API, next 90 days', `/api/v1/events?from=${from}&to=${to}`);
    await run('events API, next 90 days, signed in', `/api/v1/events?from=${from}&to=${to}`, reader);
    await run('events page, Asia/Kolkata, anonymous', '/events', kolkata);
    await run('events page, Asia/Kolkata, signed in', '/events', reader);
    await run('event API', `/api/v1/events/${eventId}`);
    await run('event page, anonymous', `/events/${eventId}`, kolkata);
    await run('event page, signed in', `/events/${eventId}`, reader);
    await run('all events calendar (feed.ics)', '/events/feed.ics');
    await run('courses API', '/api/v1/courses');
    await run('courses page, anonymous', '/courses');
    await run('courses page, signed in', '/courses', reader);
  } finally {
    await stop(server);
    await dropSchema(schema);
  }
}

printFigures(figures);
if (skipped.size) console.log(`\nSkipped (did not answer 200): ${[...skipped].join('; ')}.`);

const missed = reportTargets(figures, {
  small: nameOf(Math.min(...scales)),
  large: nameOf(Math.max(...scales)),
  p99Target: P99_TARGET,
  growthTarget: GROWTH_TARGET,
});
reportEnd(figures, missed);
