// Start-up time and resident memory (issue 14, goals 5 and 6). Start-up: from the start command (the build check
// of `npm start`, then the built server) to `/healthz` answering 200, on a fresh data folder (PGlite with demo
// content) or schema (PostgreSQL), then on a restart. Memory: the server's resident memory (all its processes)
// idle after start, then after a short load of pages and API answers, anonymous and signed in.
// Run with `npm run bench:startup`; BENCH_DB=pglite or postgres runs one database only.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { dropSchema, pgUrl, signedInCookie, stop } from './lib';
import { residentMb } from './process-figures';

const port = Number(process.env.BENCH_PORT ?? 18996);
const base = `http://127.0.0.1:${port}`;
const dist = process.env.LDN_DIST_DIR ?? 'dist';
const onlyDb = process.env.BENCH_DB;
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);

const TARGETS = {
  restartSeconds: 3,
  freshSeconds: 5,
  pglite: { idleMb: 384, loadMb: 448 },
  // Per process.
  postgres: { idleMb: 150, loadMb: 256 },
};

/** Starts the server as `npm start` does (the build check, then the built server in its place), timed to 200. */
async function startTimed(env: Record<string, string>): Promise<{ child: ChildProcess; seconds: number }> {
  const began = performance.now();
  const main = path.join(dist, 'server-app/main.mjs');
  const child = spawn('sh', ['-c', `node scripts/build-if-changed.mjs && exec "${process.execPath}" "${main}"`], {
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', LDN_RATE_LIMITS: 'off', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server ended with ${child.exitCode} before answering`);
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, seconds: (performance.now() - began) / 1000 };
    if (performance.now() - began > 120_000) throw new Error('the server did not answer in two minutes');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
let missed = 0;
function report(label: string, value: number, limit: number, unit: string) {
  const ok = value <= limit;
  if (!ok) missed++;
  const shown = unit === 's' ? value.toFixed(2) : value.toFixed(0);
  console.log(`  ${label.padEnd(46)} ${shown.padStart(7)} ${unit.padEnd(3)} (<= ${limit} ${unit}) ${verdict(ok)}`);
}

/** A short load over the pages and answers the throughput benchmark asks for, anonymous and signed in. */
async function load() {
  const paths = ['/', '/participants', '/api/v1/participants?limit=20', '/initiatives', '/updates', '/api/v1/updates'];
  const cookie = await signedInCookie(base, `Startup Reader ${Date.now()}`);
  for (const headers of [{}, { cookie }]) {
    let i = 0;
    await autocannon({
      url: base,
      connections: 10,
      duration: LOAD_SECONDS / 2,
      headers,
      requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
    });
  }
}

const settle = () => new Promise((r) => setTimeout(r, 2000));

async function run(kind: 'pglite' | 'postgres', env: Record<string, string>, fresh: () => Promise<void>) {
  const limits = TARGETS[kind];
  console.log(`\n${kind}${env.LDN_WORKERS ? ` (LDN_WORKERS=${env.LDN_WORKERS})` : ''}:`);
  await fresh();
  let { child, seconds } = await startTimed(env);
  report('start-up, fresh', seconds, TARGETS.freshSeconds, 's');
  try {
    await settle();
    const idle = residentMb(child.pid!);
    await load();
    await settle();
    const loaded = residentMb(child.pid!);
    if (kind === 'pglite') {
      report('memory idle', idle.total, limits.idleMb, 'MB');
      report('memory after load', loaded.total, limits.loadMb, 'MB');
    } else {
      report('memory idle, largest process', idle.largest, limits.idleMb, 'MB');
      report('memory after load, largest process', loaded.largest, limits.loadMb, 'MB');
      console.log(`  (all processes: ${idle.total.toFixed(0)} MB idle, ${loaded.total.toFixed(0)} MB after load)`);
    }
  } finally {
    await stop(child);
  }
  ({ child, seconds } = await startTimed(env));
  report('start-up, restart', seconds, TARGETS.restartSeconds, 's');
  await stop(child);
}

// Built once before timing: the timed starts find the build current, as a restart of a deployed server does.
execFileSync('node', ['scripts/build-if-changed.mjs'], { stdio: 'inherit' });
console.log(`Start-up and memory (${os.availableParallelism()} cores; load ${LOAD_SECONDS} s at 10 connections)`);

if (!onlyDb || onlyDb === 'pglite') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ldn-startup-'));
  try {
    await run('pglite', { LDN_DATA_DIR: dataDir, LDN_DEMO: '1' }, () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      return Promise.resolve();
    });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
if (!onlyDb || onlyDb === 'postgres') {
  const schema = `ldn_startup_${process.pid}`;
  const env = { DATABASE_URL: pgUrl, LDN_DATABASE_SCHEMA: schema };
  try {
    await run('postgres', env, () => dropSchema(schema));
  } finally {
    await dropSchema(schema);
  }
}
console.log(missed ? `\n${missed} target(s) missed.` : '\nEvery target met.');
