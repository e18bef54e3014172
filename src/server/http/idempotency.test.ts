// Retries never duplicate (http/idempotency.ts): a creation sent again with the same Idempotency-Key gets the first
// answer and creates nothing, whoever else uses the same key; another request with that key, or one while the
// first is in flight, is a 409; refusals and failures are not kept; records expire after 24 hours.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { testApp, testDatabase, testDbKind, unique } from '../testing/harness';
import { TestClient, signedUp } from '../testing/client';
import { makeUpdate } from '../features/conversations/testing';
import { EXPIRE_JOB, expireIdempotencyKeys, keyHashOf, LOCK_CLASS } from './idempotency';
import { registeredKinds } from '../jobs/queue';

const keyed = (key: string = randomUUID()) => ({ 'idempotency-key': key });
type Person = Awaited<ReturnType<typeof signedUp>>;

interface Creation {
  url: string;
  body: Record<string, unknown>;
  /** How many rows the creation made. */
  rows: () => Promise<number>;
}

const countOf = async (q: Promise<{ n: number | string }>) => Number((await q).n);

/** Three creations people retry: a comment, an initiative, a debate. */
type Maker = (app: FastifyInstance, p: Person) => Promise<Creation>;
const CREATIONS = {
  async comment(app, p) {
    const words = unique('Said once ');
    const updateId = await makeUpdate(app, p.userId);
    return {
      url: '/api/v1/comments',
      body: { subject: { type: 'update', id: updateId }, body: words },
      rows: () =>
        countOf(
          app.db
            .selectFrom('comments')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('body', '=', words)
            .executeTakeFirstOrThrow(),
        ),
    };
  },
  initiative(app) {
    const title = unique('Mentoring circle ');
    return Promise.resolve({
      url: '/api/v1/initiatives',
      body: { title, summary: 'New organizers learn from experienced ones.' },
      rows: () =>
        countOf(
          app.db
            .selectFrom('initiatives')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('title', '=', title)
            .executeTakeFirstOrThrow(),
        ),
    });
  },
  debate(app) {
    const title = unique('Should groups vote ');
    return Promise.resolve({
      url: '/api/v1/debates',
      body: { title, framing: 'Some groups vote; others agree informally.', language: 'en' },
      rows: () =>
        countOf(
          app.db
            .selectFrom('debates')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('title', '=', title)
            .executeTakeFirstOrThrow(),
        ),
    });
  },
} satisfies Record<string, Maker>;

describe('a creation retried with the same Idempotency-Key', () => {
  for (const [name, make] of Object.entries(CREATIONS) as [string, Maker][]) {
    it(`gets the first answer again and makes one ${name}`, async () => {
      const app = await testApp();
      const person = await signedUp(app);
      const c = await make(app, person);
      const key = keyed();
      const first = await person.post(c.url, c.body, key);
      expect(first.status, first.text).toBe(201);
      expect(first.headers['idempotency-replayed']).toBeUndefined();
      // The answer was lost on the way: the client sends the same again.
      const again = await person.post(c.url, c.body, key);
      expect(again.status).toBe(201);
      expect(again.text).toBe(first.text);
      expect(again.headers['content-type']).toBe(first.headers['content-type']);
      expect(again.headers['idempotency-replayed']).toBe('true');
      expect(await c.rows()).toBe(1);
      // Without a key (or with a new one) the same body is a new creation, as it always was.
      expect((await person.post(c.url, c.body, keyed())).status).toBe(201);
      expect(await c.rows()).toBe(2);
    });
  }

  it('with a different body is a 409 that creates nothing', async () => {
    const app = await testApp();
    const person = await signedUp(app);
    const c = await CREATIONS.comment(app, person);
    const key = keyed();
    expect((await person.post(c.url, c.body, key)).status).toBe(201);
    const other = await person.post(c.url, { ...c.body, body: 'Something else entirely' }, key);
    expect(other.status).toBe(409);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(other.body.detail).toMatch(/already sent with different content/);
    // Another address with the same key is another request too.
    const initiative = await person.post('/api/v1/initiatives', { title: unique('Other '), summary: 'x' }, key);
    expect(initiative.status).toBe(409);
    expect(await c.rows()).toBe(1);
  });

  it("by another person makes that person's own", async () => {
    const app = await testApp();
    const [a, b] = [await signedUp(app), await signedUp(app)];
    const c = await CREATIONS.initiative(app);
    const key = keyed();
    const first = await a.post(c.url, c.body, key);
    const second = await b.post(c.url, c.body, key);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers['idempotency-replayed']).toBeUndefined();
    expect(second.body.id).not.toBe(first.body.id);
    expect(await c.rows()).toBe(2);
  });

  it('after an error answer is tried afresh: a failure is not kept and frees the key', async () => {
    const app = await testApp();
    const person = await signedUp(app);
    const c = await CREATIONS.comment(app, person);
    const key = keyed();
    const missing = { ...c.body, subject: { type: 'update', id: '999999999' } };
    const refused = await person.post(c.url, missing, key);
    expect(refused.status).toBe(404);
    const again = await person.post(c.url, missing, key);
    expect(again.status).toBe(404);
    expect(again.headers['idempotency-replayed']).toBeUndefined();
    // The corrected submission goes through with the same key.
    expect((await person.post(c.url, c.body, key)).status).toBe(201);
    expect(await c.rows()).toBe(1);
  });

  it('sent twice at once makes one', async () => {
    const app = await testApp();
    const person = await signedUp(app);
    const c = await CREATIONS.debate(app);
    const key = keyed();
    const answers = await Promise.all([person.post(c.url, c.body, key), person.post(c.url, c.body, key)]);
    // The second waits for the first and gets its answer (one database connection), or is told the first is
    // still in flight (PostgreSQL).
    expect(answers.map((a) => a.status).sort()).toEqual(expect.arrayContaining([201]));
    for (const a of answers) expect([201, 409]).toContain(a.status);
    expect(await c.rows()).toBe(1);
  });

  it.runIf(testDbKind() === 'postgres')('while the first is still in flight is a 409', async () => {
    const app = await testApp();
    const person = await signedUp(app);
    const c = await CREATIONS.initiative(app);
    const key = randomUUID();
    const hash = keyHashOf(`user:${person.userId}`, key);
    const { withConnection } = await testDatabase();
    // Another instance holds the key: its request has begun and not ended.
    await withConnection(async (exec) => {
      await exec('select pg_advisory_lock($1, hashtext($2))', [LOCK_CLASS, hash]);
      try {
        const res = await person.post(c.url, c.body, keyed(key));
        expect(res.status).toBe(409);
        expect(res.body.detail).toMatch(/still being handled/);
      } finally {
        await exec('select pg_advisory_unlock($1, hashtext($2))', [LOCK_CLASS, hash]);
      }
    });
    expect(await c.rows()).toBe(0);
    expect((await person.post(c.url, c.body, keyed(key))).status).toBe(201);
  });
});

describe('Idempotency-Key', () => {
  it('is refused when it is too short to be random, naming the header', async () => {
    const app = await testApp();
    const person = await signedUp(app);
    const c = await CREATIONS.debate(app);
    const res = await person.post(c.url, c.body, keyed('short'));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'Idempotency-Key', message: expect.stringMatching(/16 to 255/) }]);
    expect(await c.rows()).toBe(0);
  });

  it('keeps a sign-up to one account, and its replay signs no one in', async () => {
    const app = await testApp();
    const username = unique('retrying');
    const body = { username, password: 'correct horse battery' };
    const key = keyed();
    const first = await (await new TestClient(app).start()).post('/api/v1/accounts', body, key);
    expect(first.status).toBe(201);
    expect(first.headers['set-cookie']).toBeDefined();
    // The answer (and its cookie) never arrived: the browser starts again and retries.
    const retry = await new TestClient(app).start();
    const again = await retry.post('/api/v1/accounts', body, key);
    expect(again.status).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.body.user.username).toBe(username);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect((await retry.get('/api/v1/session')).body.user).toBeNull();
    const users = await app.db.selectFrom('users').select('id').where('username', '=', username).execute();
    expect(users).toHaveLength(1);
  });

  it('still records a refused permission though the refused request is undone', async () => {
    const app = await testApp();
    const [lead, other] = [await signedUp(app), await signedUp(app)];
    const idea = (await lead.post('/api/v1/initiatives', { title: unique('Led '), summary: 'x' })).body as {
      id: string;
    };
    const res = await other.post(
      `/api/v1/initiatives/${idea.id}/updates`,
      { title: 'Mine', body: 'Not mine' },
      keyed(),
    );
    expect(res.status).toBe(403);
    const logged = await app.db
      .selectFrom('audit_log')
      .select(['action', 'object_id'])
      .where('actor_id', '=', other.userId)
      .where('action', '=', 'permission.refused')
      .execute();
    expect(logged).toEqual([{ action: 'permission.refused', object_id: idea.id }]);
  });

  it('is kept 24 hours, then the hourly job deletes it and the key is new again', async () => {
    let offset = 0;
    const clock = { label: unique('clock'), now: () => new Date(Date.now() + offset) };
    const app = await testApp({ clock });
    const person = await signedUp(app);
    const c = await CREATIONS.initiative(app);
    const key = randomUUID();
    const first = await person.post(c.url, c.body, keyed(key));
    offset = 23 * 3600_000;
    expect((await person.post(c.url, c.body, keyed(key))).headers['idempotency-replayed']).toBe('true');
    offset = 24 * 3600_000 + 60_000;
    const hash = keyHashOf(`user:${person.userId}`, key);
    const held = () => app.db.selectFrom('idempotency_keys').select('key_hash').where('key_hash', '=', hash).execute();
    expect(await held()).toHaveLength(1);
    expect(registeredKinds()).toContain(EXPIRE_JOB);
    expect(await expireIdempotencyKeys(app.db, app.deps.clock.now())).toBeGreaterThanOrEqual(1);
    expect(await held()).toHaveLength(0);
    const later = await person.post(c.url, c.body, keyed(key));
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
  });

  it('keeps neither the key nor the answer readable in the database', async () => {
    const app = await testApp();
    const person = await signedUp(app);
    const token = await person.post('/api/v1/me/tokens', { name: unique('script ') }, keyed());
    expect(token.status, token.text).toBe(201);
    const secret = String((token.body as { token?: string }).token ?? '');
    expect(secret.length).toBeGreaterThan(10);
    const { rows } = await sql<{ answer: string }>`select answer from idempotency_keys`.execute(app.db);
    for (const r of rows) expect(Buffer.from(r.answer, 'base64').toString('latin1')).not.toContain(secret);
  });

  it('is described on every creating operation of the API reference, with its 409', async () => {
    const app = await testApp();
    const doc = (await new TestClient(app).get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; responses: object }>>;
    };
    for (const path of ['/api/v1/comments', '/api/v1/initiatives', '/api/v1/debates', '/api/v1/accounts']) {
      const op = doc.paths[path]?.post;
      expect(op?.parameters, path).toContainEqual(expect.objectContaining({ in: 'header', name: 'Idempotency-Key' }));
      expect(Object.keys(op?.responses ?? {}), path).toContain('409');
    }
    expect(doc.paths['/api/v1/session']?.post?.parameters ?? []).not.toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key' }),
    );
  });
});
