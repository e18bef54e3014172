// The fuzzer's runs: for every target, as anonymous, member and admin (each with its session and CSRF token),
// one request with a malformed value in each parameter and each body field, the others plausible; then an empty
// body and a body of the wrong kind for each write; then random cases. Any 5xx the route does not document is a
// failure, reported with the target, the person and the request, so it can be replayed.
import type { FastifyInstance } from 'fastify';
import { grantRole, TestClient } from '../client';
import { harvest, ParamPool } from './pool';
import type { Param, Target } from './targets';
import { BAD_ESCAPES, badJson, badText, encodeAny, fieldPaths, plausible, seeded, withField, type Rng } from './values';

export type ActorName = 'anonymous' | 'member' | 'admin';

export interface Actor {
  name: ActorName;
  client: TestClient;
  username?: string;
  password?: string;
}

export interface Failure {
  target: string;
  actor: ActorName;
  method: string;
  url: string;
  body: string;
  status: number;
  answer: string;
}

export interface Counts {
  requests: number;
  byClass: Record<string, number>;
  failures: Failure[];
  /** Answers of 400 for a value the database refused (http/errors.ts): input the schemas could check sooner. */
  dataExceptions: Record<string, number>;
  /** Milliseconds spent on each target. */
  ms: Record<string, number>;
}

/** The detail of a 400 for a value the database refused, in English (http/errors.ts, error-invalid-data-detail). */
const DATA_EXCEPTION = 'outside what can be stored or searched for';

interface Request {
  url: string;
  body?: unknown;
  form?: Record<string, string>;
  text?: string;
}

const PASSWORD = 'fuzzing is fine 1';

/** Signs a person in afresh (the fuzz may have logged them out or ended their sessions). */
async function signIn(actor: Actor): Promise<void> {
  const c = actor.client;
  c.cookies.clear();
  c.csrf = null;
  await c.start();
  await c.post('/api/v1/session', { username: actor.username, password: actor.password });
}

/** The three people of a run: an anonymous visitor, a member, an admin (signed up and granted in the database). */
export async function actors(app: FastifyInstance, tag: string): Promise<Actor[]> {
  const anonymous: Actor = { name: 'anonymous', client: await new TestClient(app, '10.0.0.1').start() };
  const people: Actor[] = [];
  for (const name of ['member', 'admin'] as const) {
    const username = `Fuzz ${name} ${tag}`;
    const client = await new TestClient(app, name === 'member' ? '10.0.0.2' : '10.0.0.3').start();
    const res = await client.post('/api/v1/accounts', { username, password: PASSWORD });
    if (res.status !== 201) throw new Error(`sign-up of ${username}: ${res.status} ${res.text}`);
    if (name === 'admin') await grantRole(app, username, 'admin');
    people.push({ name, client, username, password: PASSWORD });
  }
  return [anonymous, ...people];
}

/** Keeps each person who they are (signed in or not, the admin an admin), whatever the last requests did. */
async function keepSignedIn(app: FastifyInstance, list: readonly Actor[]): Promise<void> {
  for (const a of list) {
    const me = await a.client.get<{ user: { roles?: string[] } | null }>('/api/v1/session');
    if (!a.username) {
      // The anonymous visitor stays one (the fuzz may have signed it up or in).
      if (me.body?.user) {
        a.client.cookies.clear();
        await a.client.start();
      }
      continue;
    }
    if (a.name === 'admin' && !me.body?.user?.roles?.includes('admin')) await grantRole(app, a.username, 'admin');
    if (me.body?.user) continue;
    await signIn(a);
    // Gone for good (the fuzz deleted the account): a new one takes its place.
    if (!a.client.cookies.size || !(await a.client.get('/api/v1/session')).body?.user) {
      a.username = `${a.username} ${Date.now().toString(36)}`.slice(-60);
      await a.client.post('/api/v1/accounts', { username: a.username, password: a.password });
      if (a.name === 'admin') await grantRole(app, a.username, 'admin');
    }
  }
}

/** Where a request of this target goes and what it carries, with `bad` (a parameter or a body field) malformed. */
function build(t: Target, pool: ParamPool, rng: Rng, bad: { param?: Param; field?: string[]; body?: unknown }) {
  const poolTpl = t.path.startsWith('/api/') ? t.path : `/api/v1${t.path}`;
  // A malformed value is sometimes a broken escape sent as it is, else any text, encoded as a careless client would.
  const malformed = (cursor = false) => (rng.chance(0.1) ? rng.pick(BAD_ESCAPES) : encodeAny(badText(rng, cursor)));
  const url = t.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const p = t.params.find((x) => x.in === 'path' && x.name === name);
    const real = bad.param === p && p ? undefined : pool.valueFor(poolTpl, name, rng);
    return real === undefined ? malformed() : encodeAny(real);
  });
  const query: string[] = [];
  for (const p of t.params.filter((x) => x.in === 'query')) {
    if (bad.param === p) query.push(`${p.name}=${malformed(p.name === 'cursor')}`);
    else if (p.required || rng.chance(0.3)) query.push(`${p.name}=${encodeAny(String(plausible(p.schema, rng)))}`);
  }
  const req: Request = { url: query.length ? `${url}?${query.join('&')}` : url };
  if (t.body === 'json') {
    let body = 'body' in bad ? bad.body : plausible(t.bodySchema ?? { type: 'object' }, rng);
    if (bad.field) body = withField(body, bad.field, badJson(rng));
    req.body = body;
  } else if (t.body === 'text') {
    req.text = bad.field || 'body' in bad ? badText(rng) : '@article{x, title={Fuzz}}';
  } else if (t.body === 'form') {
    const fields = ['username', 'password', 'email', 'returnTo', 'body', 'subjectType', 'subjectId', 'parentId'];
    const form: Record<string, string> = { _action: rng.pick(t.actions ?? ['none']), _form: 'f' };
    for (const f of [...fields, 'lang', 'undo']) if (rng.chance(0.5)) form[f] = badText(rng);
    req.form = form;
  }
  return req;
}

async function send(t: Target, actor: Actor, req: Request) {
  const c = actor.client;
  if (req.form) return c.request('POST', req.url, undefined, {}, { ...req.form, _csrf: c.csrf ?? '' });
  if (req.text !== undefined) {
    const headers: Record<string, string> = { 'content-type': t.contentType ?? 'text/plain' };
    if (c.csrf) headers['x-csrf-token'] = c.csrf;
    if (c.cookies.size) headers.cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await c.app.inject({ method: t.method as 'POST', url: req.url, headers, payload: req.text });
    return { status: res.statusCode, text: res.body };
  }
  return c.request(t.method, req.url, req.body);
}

/** The requests of one target for one person: each parameter and each body field malformed once, and more. */
function casesOf(t: Target, pool: ParamPool, rng: Rng, extra: number, generic: number): Request[] {
  const out: Request[] = [];
  // Every parameter a route declares; of the names tried on routes that declare none, `generic` at random.
  const tried = t.params.filter((p) => p.generic);
  const some = tried.length <= generic ? tried : Array.from({ length: generic }, () => rng.pick(tried));
  for (const param of [...t.params.filter((p) => !p.generic), ...some]) out.push(build(t, pool, rng, { param }));
  if (t.body === 'json') {
    for (const field of fieldPaths(t.bodySchema)) out.push(build(t, pool, rng, { field }));
    out.push(build(t, pool, rng, { body: {} }));
    out.push(build(t, pool, rng, { body: badJson(rng) }));
  }
  if (t.body === 'text' || t.body === 'form') out.push(build(t, pool, rng, { body: null }));
  for (let i = 0; i < extra; i++) {
    const fields = fieldPaths(t.bodySchema);
    if (fields.length && rng.chance(0.6)) out.push(build(t, pool, rng, { field: rng.pick(fields) }));
    else if (t.params.length) out.push(build(t, pool, rng, { param: rng.pick(t.params) }));
    else out.push(build(t, pool, rng, {}));
  }
  return out;
}

export interface RunOptions {
  seed: number;
  /** Random cases per target and person beyond the one per field. */
  extra: number;
  /** How many of the query names tried on undocumented routes (pages, hidden routes) each gets malformed. */
  generic: number;
  /** Stop once this many requests were sent (the long run repeats rounds until then). */
  atLeast?: number;
  /** Told of each target as it starts (progress). */
  onTarget?: (t: Target, counts: Counts) => void;
}

/** Runs the fuzz over the targets; the pool is gathered first, as the admin sees the lists. */
export async function fuzz(
  app: FastifyInstance,
  targets: readonly Target[],
  people: readonly Actor[],
  options: RunOptions,
): Promise<Counts> {
  const rng = seeded(options.seed);
  const pool = new ParamPool();
  const admin = people.find((a) => a.name === 'admin') ?? people[0]!;
  await harvest(admin.client, targets, pool, rng);
  const counts: Counts = { requests: 0, byClass: {}, failures: [], dataExceptions: {}, ms: {} };
  // Reads first, then writes, deletions last, so that what is read was not all deleted by the time it is.
  const order = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
  const sorted = [...targets].sort((a, b) => order.indexOf(a.method) - order.indexOf(b.method));
  for (let round = 0; round === 0 || counts.requests < (options.atLeast ?? 0); round++) {
    for (const t of sorted) {
      options.onTarget?.(t, counts);
      const started = Date.now();
      for (const actor of people) {
        for (const req of casesOf(t, pool, rng, options.extra, options.generic)) {
          const res = await send(t, actor, req);
          counts.requests++;
          const cls = `${Math.floor(res.status / 100)}xx`;
          counts.byClass[cls] = (counts.byClass[cls] ?? 0) + 1;
          if (res.status === 400 && res.text.includes(DATA_EXCEPTION))
            counts.dataExceptions[t.id] = (counts.dataExceptions[t.id] ?? 0) + 1;
          if (res.status >= 500 && !t.documented5xx.includes(res.status)) {
            counts.failures.push({
              target: t.id,
              actor: actor.name,
              method: t.method,
              url: req.url.slice(0, 300),
              body: JSON.stringify(req.body ?? req.form ?? req.text ?? null)?.slice(0, 300) ?? '',
              status: res.status,
              answer: res.text.slice(0, 300),
            });
          }
        }
        await keepSignedIn(app, [actor]);
      }
      counts.ms[t.id] = (counts.ms[t.id] ?? 0) + Date.now() - started;
    }
    // A round may have found new items (and deleted others): look again before the next.
    if (counts.requests < (options.atLeast ?? 0)) await harvest(admin.client, targets, pool, rng);
  }
  return counts;
}
