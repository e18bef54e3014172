// The long fuzz run (DECISIONS 30): at least 30,000 requests over every operation of the OpenAPI document, the
// routes it hides, the pages and the forms, as anonymous, member and admin, against the app in this process on
// a fresh database with the demo content (rate limits off: the run looks for 5xx, not for 429). Prints its
// counts (requests, answers by status class) and every 5xx, grouped by route; exits 1 when there is one.
//
//   npm run fuzz                                   # PGlite in memory, 30,000 requests, seed 1
//   npm run fuzz -- --requests 60000 --seed 7      # longer, other values
//   npm run fuzz -- --db postgres                  # on PostgreSQL (FUZZ_DATABASE_URL or TEST_DATABASE_URL)
import { buildWebBundle } from '../src/server/testing/harness';
import { actors, fuzz } from '../src/server/testing/fuzz/run';
import { fuzzApp, quietVueWarnings } from '../src/server/testing/fuzz/setup';
import { apiTargets, formTargets, pageTargets } from '../src/server/testing/fuzz/targets';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const requests = Number(arg('--requests', '30000'));
const seed = Number(arg('--seed', '1'));
const postgres = arg('--db', 'pglite') === 'postgres';

async function main() {
  const url = postgres ? (process.env.FUZZ_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? null) : null;
  if (postgres && !url) throw new Error('--db postgres needs FUZZ_DATABASE_URL or TEST_DATABASE_URL');
  buildWebBundle();
  const env = await fuzzApp(url);
  const vue = quietVueWarnings();
  const started = Date.now();
  try {
    const api = await apiTargets(env.app);
    const pages = pageTargets();
    const targets = [...api, ...pages, ...formTargets(pages)];
    console.log(`${targets.length} targets (${api.length} API routes, ${pages.length} pages), seed ${seed}`);
    let last = 0;
    const counts = await fuzz(env.app, targets, await actors(env.app, `run${seed}`), {
      seed,
      extra: 4,
      generic: 10,
      atLeast: requests,
      onTarget: (_t, c) => {
        if (c.requests - last < 5000) return;
        last = c.requests;
        console.log(`  ${c.requests} requests, ${c.failures.length} 5xx`);
      },
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    console.log(`\n${counts.requests} requests in ${seconds} s on ${postgres ? 'PostgreSQL' : 'PGlite'}`);
    for (const cls of Object.keys(counts.byClass).sort()) console.log(`  ${cls}: ${counts.byClass[cls]}`);
    const grouped = new Map<string, typeof counts.failures>();
    for (const f of counts.failures) {
      const key = `${f.status} ${f.target}`;
      grouped.set(key, [...(grouped.get(key) ?? []), f]);
    }
    console.log(`5xx: ${counts.failures.length}${grouped.size ? ` on ${grouped.size} routes` : ''}`);
    for (const [key, list] of grouped) {
      const f = list[0]!;
      console.log(`  ${key} ×${list.length}, e.g. as ${f.actor}: ${f.url} ${f.body}\n    → ${f.answer}`);
    }
    const refused = Object.entries(counts.dataExceptions).sort((a, b) => b[1] - a[1]);
    console.log(`400 for a value the database refused (class 22): ${refused.reduce((n, [, k]) => n + k, 0)}`);
    for (const [id, n] of refused) console.log(`  ${id} ×${n}`);
    const slow = Object.entries(counts.ms)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8);
    console.log(`slowest targets: ${slow.map(([id, ms]) => `${id} ${(ms / 1000).toFixed(1)} s`).join('; ')}`);
    if (vue.counts.size) console.log(`Vue warnings while rendering pages:`);
    for (const [line, n] of vue.counts) console.log(`  ${line} ×${n}`);
    process.exitCode = counts.failures.length ? 1 : 0;
  } finally {
    vue.restore();
    await env.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
