// The built server as `npm start` runs it, with two processes on PostgreSQL: a change made through one is seen by
// its author's next requests and by everyone's within a second, whichever process answers them, kept answers and
// pages included.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKind, unique } from './testing/harness';

interface Answer {
  status: number;
  worker: string | undefined;
  cookies: string[];
  body: string;
}

// Each request on a connection of its own: the cluster hands connections, not requests, to its processes.
function request(
  port: number,
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: url, agent: false, headers: { ...headers, connection: 'close' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            worker: res.headers['x-ldn-worker'] as string | undefined,
            cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!),
            body: text,
          }),
        );
      },
    );
    req.on('error', reject);
    if (body !== undefined) {
      req.setHeader('content-type', 'application/json');
      req.end(JSON.stringify(body));
    } else req.end();
  });
}

describe.runIf(testDbKind() === 'postgres')('two processes on PostgreSQL (LDN_WORKERS=2)', () => {
  const port = 21000 + Math.floor(Math.random() * 9000);
  const schema = `ldn_cluster_${process.pid}`;
  let server: ChildProcess;

  beforeAll(async () => {
    execFileSync('node', ['scripts/build-if-changed.mjs'], { stdio: 'ignore' });
    server = spawn(process.execPath, [path.join(process.env.LDN_DIST_DIR ?? 'dist', 'server-app/main.mjs')], {
      env: {
        ...process.env,
        DATABASE_URL: process.env.TEST_DATABASE_URL,
        LDN_DATABASE_SCHEMA: schema,
        LDN_WORKERS: '2',
        PORT: String(port),
        HOST: '127.0.0.1',
        LDN_RATE_LIMITS: 'off',
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    // Ready when both processes answer with their database (the second starts once the first is ready).
    const ready = new Set<string>();
    for (let i = 0; i < 900 && ready.size < 2; i++) {
      const res = await request(port, 'GET', '/healthz').catch(() => null);
      if (res?.status === 200 && res.worker) ready.add(res.worker);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(ready.size).toBe(2);
  }, 120_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server.on('exit', r));
    }
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  }, 60_000);

  /** Asks `times` times, each on a new connection; answers the bodies and which processes answered. */
  async function many(times: number, url: string, headers: Record<string, string> = {}) {
    const answers: Answer[] = [];
    for (let i = 0; i < times; i++) answers.push(await request(port, 'GET', url, headers));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    return { bodies: answers.map((a) => a.body), workers: new Set(answers.map((a) => a.worker)) };
  }

  it('a sign-up and a profile change are seen by the next requests on every process', async () => {
    const tag = unique('clu');
    const list = `/api/v1/participants?q=${tag}`;
    const page = `/participants?q=${tag}`;
    // Both processes keep the empty answers.
    const before = await many(10, list);
    expect(before.workers.size).toBe(2);
    expect(before.bodies.every((b) => !b.includes(`${tag} amina`))).toBe(true);
    expect((await many(10, page)).bodies.every((b) => !b.includes(`${tag} amina`))).toBe(true);

    // The visitor's cookies, as a browser keeps them: each answer's Set-Cookie replaces the one of that name.
    const jar = new Map<string, string>();
    const keep = (a: Answer) => {
      for (const c of a.cookies) jar.set(c.slice(0, c.indexOf('=')), c);
      return a;
    };
    const cookie = () => [...jar.values()].join('; ');
    const session = keep(await request(port, 'GET', '/api/v1/session'));
    const { csrfToken } = JSON.parse(session.body) as { csrfToken: string };
    const signup = keep(
      await request(
        port,
        'POST',
        '/api/v1/accounts',
        { cookie: cookie(), 'x-csrf-token': csrfToken },
        { username: `${tag} amina`, password: 'a long enough password' },
      ),
    );
    expect(signup.status).toBe(201);
    const wrote = Date.now();

    // Its author sees it on their next requests, whichever process answers.
    const own = await many(10, list, { cookie: cookie() });
    expect(own.workers.size).toBe(2);
    expect(own.bodies.every((b) => b.includes(`${tag} amina`))).toBe(true);
    // Everyone else within a second.
    await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - wrote))));
    const after = await many(10, list);
    expect(after.workers.size).toBe(2);
    expect(after.bodies.every((b) => b.includes(`${tag} amina`))).toBe(true);
    const pageAfter = await many(10, page);
    expect(pageAfter.workers.size).toBe(2);
    expect(pageAfter.bodies.every((b) => b.includes(`${tag} amina`))).toBe(true);

    // The author changes their public name: they see it at once, everyone else within a second.
    const mine = keep(await request(port, 'GET', '/api/v1/session', { cookie: cookie() }));
    const token = (JSON.parse(mine.body) as { csrfToken: string }).csrfToken;
    const named = `Bold ${tag}`;
    const patch = keep(
      await request(
        port,
        'PATCH',
        '/api/v1/me/profile',
        { cookie: cookie(), 'x-csrf-token': token },
        { displayName: named, publicFields: ['display_name'] },
      ),
    );
    expect(patch.status).toBe(200);
    const renamed = Date.now();
    const byName = `/api/v1/participants?q=${encodeURIComponent(named)}`;
    const ownRename = await many(10, byName, { cookie: cookie() });
    expect(ownRename.workers.size).toBe(2);
    expect(ownRename.bodies.every((b) => b.includes(`${tag} amina`))).toBe(true);
    await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - renamed))));
    const othersRename = await many(10, byName);
    expect(othersRename.workers.size).toBe(2);
    expect(othersRename.bodies.every((b) => b.includes(`${tag} amina`))).toBe(true);
  }, 120_000);

  it('a worker that ends unasked is started again, and the other serves meanwhile', async () => {
    const children = fs
      .readdirSync(`/proc/${server.pid}/task`)
      .flatMap((t) => fs.readFileSync(`/proc/${server.pid}/task/${t}/children`, 'utf8').trim().split(/\s+/))
      .filter(Boolean)
      .map(Number);
    expect(children).toHaveLength(2);
    const before = (await many(6, '/healthz')).workers;
    process.kill(children[1]!, 'SIGKILL');
    const answered = new Set<string | undefined>();
    for (let i = 0; i < 300 && [...answered].every((w) => before.has(w)); i++) {
      const res = await request(port, 'GET', '/healthz').catch(() => null);
      if (res?.status === 200) answered.add(res.worker);
      await new Promise((r) => setTimeout(r, 50));
    }
    // Both first workers answered before; after the kill, one of them and a new one (a new number) answer.
    const fresh = [...answered].filter((w) => !before.has(w));
    expect(fresh).toHaveLength(1);
    expect((await many(10, '/api/v1/participants?limit=1')).workers.size).toBe(2);
  }, 60_000);
});
