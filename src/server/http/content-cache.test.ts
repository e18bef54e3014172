import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import type { Db } from '../db/connection';
import { passThrough, secondInstance, testApp, testConfig, testDatabase, unique } from '../testing/harness';
import { TestClient, signedUp } from '../testing/client';
import { CONTENT_SCOPES, SCOPE_PAGES, scopesOfPage, VersionedCache, type ContentScope } from './content-cache';
import { HANDOVER_HEADER, withHandover } from './handover';
import { registeredRoutes } from './route-policy';

const scopeVersion = async (db: Db, scope: ContentScope | null) =>
  String(
    (
      await sql<{
        v: string;
      }>`select last_value || ':' || is_called as v from ${sql.raw(scope ? `content_version_${scope}_seq` : 'content_version_seq')}`.execute(
        db,
      )
    ).rows[0]?.v,
  );

describe('the scoped content version', () => {
  let app: FastifyInstance;
  const computed = { global: 0, documents: 0 };
  // Two kept answers: one under the global version only, one that shows the documents scope too.
  const globalKept = new VersionedCache<number>('directory');
  const documentsKept = new VersionedCache<number>('pages.anonymous');

  beforeAll(async () => {
    app = await buildApp({
      pages: false,
      config: testConfig(),
      db: (await testDatabase()).db.withPlugin(passThrough),
    });
    const anyone = { policy: { access: 'anyone' } } as const;
    app.get('/test/kept/global', { config: anyone }, async () => ({
      n: await globalKept.get(app.db, 'k', () => Promise.resolve(++computed.global)),
    }));
    app.get('/test/kept/documents', { config: anyone }, async () => ({
      n: await documentsKept.get(
        app.db,
        'k',
        () => Promise.resolve(++computed.documents),
        undefined,
        new Set<ContentScope>(['documents']),
      ),
    }));
    app.get(
      '/test/read/documents',
      { config: { policy: { access: 'anyone', contentScope: 'documents' } } },
      () => ({}),
    );
    app.get('/test/read/other', { config: anyone }, () => ({}));
    // A page's render: the API calls it makes in-process tell the scopes it shows.
    app.get('/test/page', { config: anyone }, async (req) => {
      const shows = new Set<ContentScope>();
      await withHandover(
        req,
        async (key) => {
          for (const url of (req.query as { calls: string }).calls.split(','))
            await app.inject({ method: 'GET', url, headers: { [HANDOVER_HEADER]: key } });
        },
        shows,
      );
      return { shows: [...shows] };
    });
    app.post(
      '/test/write/documents',
      { config: { policy: { access: 'signed_in', contentScope: 'documents' } } },
      () => ({}),
    );
    app.post('/test/write/global', { config: { policy: { access: 'signed_in' } } }, () => ({}));
    app.post(
      '/test/write/failed',
      { config: { policy: { access: 'signed_in', contentScope: 'documents' } } },
      (_r, reply) => reply.code(409).send({}),
    );
    await app.ready();
  });
  afterAll(() => app.close());

  const kept = async () => {
    const c = new TestClient(app);
    return {
      global: (await c.get('/test/kept/global')).body.n as number,
      documents: (await c.get('/test/kept/documents')).body.n as number,
    };
  };

  it('a documents write leaves answers kept under the global version alone and voids those showing documents', async () => {
    const writer = await signedUp(app);
    const before = await kept();
    expect(await kept()).toEqual(before);
    const global = await scopeVersion(app.db, null);
    const documents = await scopeVersion(app.db, 'documents');
    expect((await writer.post('/test/write/documents', {})).status).toBe(200);
    expect(await scopeVersion(app.db, null)).toBe(global);
    expect(await scopeVersion(app.db, 'documents')).not.toBe(documents);
    const after = await kept();
    expect(after.global).toBe(before.global);
    expect(after.documents).toBe(before.documents + 1);
    // A failed write changes nothing, so it moves nothing.
    expect((await writer.post('/test/write/failed', {})).status).toBe(409);
    expect(await kept()).toEqual(after);
  });

  it('a global write voids every kept answer, scoped or not', async () => {
    const writer = await signedUp(app);
    const before = await kept();
    expect((await writer.post('/test/write/global', {})).status).toBe(200);
    expect(await kept()).toEqual({ global: before.global + 1, documents: before.documents + 1 });
  });

  it('writes to the documents tables made outside the app advance the documents version only', async () => {
    const global = await scopeVersion(app.db, null);
    const documents = await scopeVersion(app.db, 'documents');
    await app.db
      .insertInto('documents')
      .values({ slug: unique('doc') })
      .execute();
    expect(await scopeVersion(app.db, null)).toBe(global);
    expect(await scopeVersion(app.db, 'documents')).not.toBe(documents);
  });

  it("keeps a page under the scopes of the routes its data came through, and under its address's", async () => {
    const c = new TestClient(app);
    expect((await c.get('/test/page?calls=/test/read/other')).body.shows).toEqual([]);
    expect((await c.get('/test/page?calls=/test/read/other,/test/read/documents')).body.shows).toEqual(['documents']);
    for (const page of ['/documents', '/documents/ldp?lang=fr', '/amendments/12', '/adaptations'])
      expect(scopesOfPage(page)).toEqual(['documents']);
    for (const page of ['/', '/initiatives', '/documentsx', '/people/documents'])
      expect(scopesOfPage(page)).toEqual([]);
  });

  it('is named by every route under a scope’s addresses that changes or shows its data', async () => {
    const all = await testApp();
    const prefixes = (s: ContentScope) => SCOPE_PAGES[s].map((p) => `/api/v1${p}`);
    // Writes that change data outside the scope too advance the global version, deliberately: a position on an
    // amendment may add a comment (conversations).
    const global = new Set(['PUT /api/v1/amendments/:id/position']);
    let checked = 0;
    for (const scope of CONTENT_SCOPES)
      for (const r of registeredRoutes(all))
        if (
          prefixes(scope).some((p) => r.url === p || r.url.startsWith(`${p}/`)) &&
          !r.policy?.privateWrite &&
          !global.has(`${r.method} ${r.url}`)
        )
          expect(`${r.method} ${r.url}: ${r.policy?.contentScope}`).toBe(`${r.method} ${r.url}: ${(checked++, scope)}`);
    expect(checked).toBeGreaterThan(0);
  });
});

describe('with two instances on one database', () => {
  it("each sees the other's write on its next request", async () => {
    const first = await testApp();
    const second = await secondInstance();
    try {
      const tag = unique('twice');
      const author = await signedUp(second.app, `${tag} one`);
      const reader = new TestClient(first);
      const names = async () =>
        (await reader.get(`/api/v1/participants?q=${tag}`)).body.items.map(
          (p: { displayName: string }) => p.displayName,
        );
      expect(await names()).toEqual([`${tag} one`]);
      expect(await names()).toEqual([`${tag} one`]); // kept
      expect((await author.patch('/api/v1/me/profile', { displayName: `${tag} renamed` })).status).toBe(200);
      expect(await names()).toEqual([`${tag} renamed`]);
      // And the other way round: a write through the first instance, read through the second.
      const other = new TestClient(second.app);
      expect((await other.get(`/api/v1/participants?q=${tag}`)).body.items[0].displayName).toBe(`${tag} renamed`);
      const firstAuthor = await signedUp(first, `${tag} two`);
      expect((await other.get(`/api/v1/participants?q=${tag}`)).body.items).toHaveLength(2);
      expect((await firstAuthor.patch('/api/v1/me/profile', { displayName: `${tag} again` })).status).toBe(200);
      expect(
        (await other.get(`/api/v1/participants?q=${tag}`)).body.items.map(
          (p: { displayName: string }) => p.displayName,
        ),
      ).toContain(`${tag} again`);
    } finally {
      await second.close();
    }
  });
});

describe('when each process trusts the versions it read for a moment', () => {
  it('shows a write to its author on their next request, through any instance, and to everyone within a second', async () => {
    const base = (await testDatabase()).db;
    const trusting = () =>
      buildApp({ pages: false, config: testConfig({ contentVersionMaxAgeMs: 500 }), db: base.withPlugin(passThrough) });
    const [first, second] = await Promise.all([trusting(), trusting()]);
    try {
      const tag = unique('trusted');
      const author = await signedUp(second, `${tag} one`);
      const reader = new TestClient(first);
      const names = async (c: TestClient) =>
        (await c.get(`/api/v1/participants?q=${tag}`)).body.items.map((p: { displayName: string }) => p.displayName);
      await new Promise((r) => setTimeout(r, 600)); // past the sign-up, as a visitor arriving later
      expect(await names(reader)).toEqual([`${tag} one`]);
      expect((await author.patch('/api/v1/me/profile', { displayName: `${tag} renamed` })).status).toBe(200);
      // The author's next request goes to the other instance, which read its versions a moment ago.
      const authorOnFirst = new TestClient(first);
      authorOnFirst.cookies = new Map(author.cookies);
      expect(await names(authorOnFirst)).toEqual([`${tag} renamed`]);
      const since = Date.now();
      while ((await names(reader))[0] !== `${tag} renamed`) await new Promise((r) => setTimeout(r, 25));
      expect(Date.now() - since).toBeLessThan(1000);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});

describe('kept answers bounded by size', () => {
  it('drops the oldest answers when the kept bytes would pass the bound, and never keeps one larger than it', async () => {
    const { db } = await testDatabase();
    // The directory keeps up to 2 MB: four answers of 600 KB do not fit together.
    const kept = new VersionedCache<string>('directory');
    const big = (c: string) => c.repeat(600 * 1024);
    let computed = 0;
    const get = (key: string) =>
      kept.get(db, key, () => {
        computed++;
        return Promise.resolve(big(key));
      });
    for (const key of ['a', 'b', 'c', 'd']) await get(key);
    expect(computed).toBe(4);
    expect(kept.usage(db).count).toBe(3);
    expect(kept.usage(db).bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    // 'a' went first; 'd' is still kept.
    await get('d');
    expect(computed).toBe(4);
    await get('a');
    expect(computed).toBe(5);

    const huge = new VersionedCache<string>('directory');
    let hugeComputed = 0;
    const compute = () => {
      hugeComputed++;
      return Promise.resolve('x'.repeat(3 * 1024 * 1024));
    };
    await huge.get(db, 'h', compute);
    await huge.get(db, 'h', compute);
    expect(hugeComputed).toBe(2);
    expect(huge.usage(db)).toEqual({ count: 0, bytes: 0 });
  });
});
