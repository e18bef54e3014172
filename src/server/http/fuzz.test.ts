// The suite's fuzz (DECISIONS 30): every operation of the OpenAPI document, every hidden route, every page and
// form action, as anonymous, member and admin (with the CSRF token), each parameter and each body field sent
// malformed once (NUL, lone surrogates, numbers out of range, impossible dates, hand-made cursors, wrong kinds),
// the others plausible; an empty body and one of the wrong kind for each write. No answer may be a 5xx the route
// does not document. Seeded: a failure prints its request and replays. `npm run fuzz` is the long run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebBundle } from '../testing/harness';
import { concrete, harvest, ParamPool } from '../testing/fuzz/pool';
import { actors, fuzz, type Actor } from '../testing/fuzz/run';
import { fuzzApp, quietVueWarnings, type FuzzApp } from '../testing/fuzz/setup';
import { apiTargets, formTargets, pageTargets, type Target } from '../testing/fuzz/targets';
import { CURSORS_NO_LIST_TAKES, seeded } from '../testing/fuzz/values';

let env: FuzzApp;
let api: Target[];
let people: Actor[];
const pool = new ParamPool();

beforeAll(async () => {
  buildWebBundle();
  env = await fuzzApp();
  api = await apiTargets(env.app);
  people = await actors(env.app, 'suite');
  await harvest(people[2]!.client, api, pool, seeded(1));
}, 120_000);

describe('lists', () => {
  it('answer every hand-made cursor with a 400 naming `cursor`, on every list', async () => {
    const admin = people[2]!.client;
    const rng = seeded(2);
    const lists = api.filter((t) => !t.hidden && t.method === 'GET' && t.params.some((p) => p.name === 'cursor'));
    const checked: string[] = [];
    const wrong: string[] = [];
    for (const t of lists) {
      // Required parameters other than the path's get what the list accepts; a list whose item is not there is
      // left to the fuzz below.
      const required = t.params.filter((p) => p.in === 'query' && p.required);
      const query = required.map((p) => `&${p.name}=${encodeURIComponent(String(p.schema?.enum?.[0] ?? 'x'))}`);
      const base = `${concrete(t, pool, rng)}?limit=1${query.join('')}`;
      if ((await admin.get(base)).status !== 200) continue;
      checked.push(t.id);
      for (const cursor of CURSORS_NO_LIST_TAKES) {
        const res = await admin.get(`${base}&cursor=${encodeURIComponent(cursor)}`);
        const fields = (res.body?.errors ?? []).map((e: { field: string }) => e.field);
        if (res.status !== 400 || !fields.includes('cursor'))
          wrong.push(`${t.id} ${cursor}: ${res.status} ${res.text}`);
      }
    }
    expect(wrong).toEqual([]);
    // The 18 lists the outside probe found, and those added since.
    expect(checked.length).toBeGreaterThanOrEqual(18);
  });
});

describe('PATCH', () => {
  it('answers an empty body with the item as it is (200), on every PATCH whose fields are all optional', async () => {
    const admin = people[2]!.client;
    const rng = seeded(3);
    const patches = api.filter((t) => t.method === 'PATCH' && !t.bodySchema?.required?.length);
    const wrong: string[] = [];
    let answered = 0;
    for (const t of patches) {
      const url = concrete(t, pool, rng);
      const res = await admin.patch(url, {});
      // Items the pool does not know, and items only their authors change, are not this test's concern.
      if (res.status === 404 || res.status === 403) continue;
      answered++;
      if (res.status !== 200) wrong.push(`${t.id} ${url}: ${res.status} ${res.text.slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
    expect(answered).toBeGreaterThanOrEqual(8);
  });
});

afterAll(async () => {
  await env?.close();
});

describe('fuzzing every operation', () => {
  it('answers no 5xx to malformed input, whoever sends it', { timeout: 180_000 }, async () => {
    const pages = pageTargets();
    const targets = [...api, ...pages, ...formTargets(pages)];
    // The document's operations, the routes it hides and the pages are all there.
    expect(api.length).toBeGreaterThan(150);
    expect(pages.length).toBeGreaterThan(20);
    const vue = quietVueWarnings();
    const counts = await fuzz(env.app, targets, people, { seed: 20261207, extra: 0, generic: 1 }).finally(vue.restore);
    const report = counts.failures.map((f) => `${f.status} ${f.actor} ${f.target}: ${f.url} ${f.body} → ${f.answer}`);
    expect(report, `${counts.requests} requests`).toEqual([]);
    expect(counts.requests).toBeGreaterThan(2000);
    // Values the schemas let through and the database refused (a 400 all the same): none is expected.
    expect(counts.dataExceptions).toEqual({});
  });
});
