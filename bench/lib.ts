// What the benchmarks share: starting and stopping servers, a signed-in visitor, and the measuring method of
// DESIGN.md (autocannon, 3 s warm-up, then runs at 10 and 50 connections; non-2xx answers and errors are
// counted as failures, never as throughput).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';

export const duration = Number(process.env.BENCH_SECONDS ?? 10);
/** Growth is judged against at least this p99 (DECISIONS 34). */
export const GROWTH_FLOOR_MS = 5;
export const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const tsx = path.resolve('node_modules/.bin/tsx');

export interface Figure {
  target: string;
  db: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export async function waitFor(url: string, seconds = 60) {
  for (let i = 0; i < seconds * 10; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

/**
 * Starts a script; the platform (`src/server/main.ts`) runs as `npm start` runs it, built (and built first when
 * its sources changed), so the figures are production's.
 */
export function start(script: string, env: Record<string, string>): ChildProcess {
  const options = {
    // One process unless a benchmark asks for more (DECISIONS 32: the cluster's figures are reported apart).
    env: { ...process.env, LOG_LEVEL: 'warn', LDN_WORKERS: '1', ...env },
    stdio: ['ignore', 'ignore', 'inherit'] as ['ignore', 'ignore', 'inherit'],
  };
  if (script !== 'src/server/main.ts') return spawn(tsx, [script], options);
  execFileSync('node', ['scripts/build-if-changed.mjs'], { stdio: 'inherit', env: options.env });
  const main = path.resolve(env.LDN_DIST_DIR ?? process.env.LDN_DIST_DIR ?? 'dist', 'server-app/main.mjs');
  return spawn(process.execPath, [main], options);
}

export async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
}

/** `path`, when given, makes each request's path (and query) afresh: a different address every time. */
export async function measure(
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
  path?: () => string,
) {
  const requests: autocannon.Request[] | undefined = path
    ? [{ setupRequest: (req) => ({ ...req, path: path() }) }]
    : undefined;
  // As browsers do (DECISIONS 32): answers come compressed when the platform compresses them.
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    pipelining: 1,
    headers: { 'accept-encoding': 'br', ...headers },
    requests,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** A 3 s warm-up (not reported), then a run at each number of connections (10 and 50 unless told). */
export async function bench(
  target: string,
  db: string,
  url: string,
  headers: Record<string, string> = {},
  path?: () => string,
  connectionsList: number[] = [10, 50],
): Promise<Figure[]> {
  const first = path ? new URL(path(), url).href : url;
  const check = await fetch(first, { headers: { 'accept-encoding': 'br', ...headers } });
  if (!check.ok) throw new Error(`${target}: ${first} answered ${check.status}`);
  await measure(url, 10, 3, headers, path); // warm-up, not reported
  const out: Figure[] = [];
  for (const connections of connectionsList)
    out.push({ target, db, connections, ...(await measure(url, connections, duration, headers, path)) });
  return out;
}

/** A signed-in person's cookie: pages for them are rendered afresh every time, never kept. */
export async function signedInCookie(base: string, username = 'Bench Reader'): Promise<string> {
  const session = await fetch(`${base}/api/v1/session`);
  const cookie = session.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/v1/accounts`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify({ username, password: 'bench reader password' }),
  });
  if (res.status !== 201) throw new Error(`signing up answered ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

export async function dropSchema(schema: string) {
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: pgUrl });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
}

export function printFigures(figures: Figure[]) {
  console.log(
    '\ntarget                                        db          conn   req/s      p50 ms  p99 ms  non-2xx  errors',
  );
  for (const f of figures) {
    console.log(
      `${f.target.padEnd(46)}${f.db.padEnd(12)}${String(f.connections).padEnd(7)}${f.rps.toFixed(0).padStart(7)}   ${String(f.p50).padStart(6)}  ${String(f.p99).padStart(6)}  ${String(f.non2xx).padStart(7)}  ${String(f.errors).padStart(6)}`,
    );
  }
}

/**
 * Prints each target's p99 at 10 connections at the largest size against `p99Target`, its share of the
 * hello-world's throughput, and its growth from the smallest size (judged against at least 5 ms: a p99 of a few
 * milliseconds moves by that much from run to run); answers how many targets were missed.
 */
export function reportTargets(
  figures: Figure[],
  opts: { small: string; large: string; p99Target: number; growthTarget: number; alone?: boolean },
): number {
  const { small, large, p99Target, growthTarget } = opts;
  const grows = small !== large;
  const at = (target: string, size: string, conn = 10) =>
    figures.find((f) => f.target === target && f.db === `pg ${size}` && f.connections === conn);
  const helloRps = figures.find((f) => f.target === 'hello-world' && f.connections === 10)?.rps;
  console.log(
    `\nTargets at 10 connections: p99 <= ${p99Target} ms at ${large}${grows ? `, growth from ${small} to ${large} <= ${growthTarget}x` : ''}:`,
  );
  let missed = 0;
  for (const target of [...new Set(figures.map((f) => f.target))].filter((t) => t !== 'hello-world')) {
    const big = at(target, large);
    if (!big) continue;
    const ok = big.p99 <= p99Target;
    let line = `  ${target.padEnd(48)} p99 ${String(big.p99).padStart(3)} ms ${ok ? 'met' : 'NOT met'}`;
    if (!ok) missed++;
    if (helloRps) line += `; ${((100 * big.rps) / helloRps).toFixed(1)} % of hello-world`;
    const base = grows ? at(target, small) : undefined;
    if (base) {
      const ratio = big.p99 / Math.max(base.p99, GROWTH_FLOOR_MS);
      line += `; ${base.p99} -> ${big.p99} ms, ${ratio.toFixed(2)}x ${ratio <= growthTarget ? 'met' : 'NOT met'}`;
      if (ratio > growthTarget) missed++;
      const alone = (s: string) => at(target, s, 1)?.p50;
      if (opts.alone && alone(small) !== undefined && alone(large) !== undefined)
        line += `; alone p50 ${alone(small)} -> ${alone(large)} ms`;
    }
    console.log(line);
  }
  return missed;
}

/** The closing lines: requests that failed (never counted as throughput) and whether every target was met. */
export function reportEnd(figures: Figure[], missed: number) {
  const failures = figures.reduce((n, f) => n + f.non2xx + f.errors, 0);
  if (failures)
    console.log(`\n${failures} requests failed (non-2xx or errors): the figures above exclude them from throughput.`);
  console.log(missed ? `\n${missed} target(s) missed.` : '\nEvery target met.');
}
