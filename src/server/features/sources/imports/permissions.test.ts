// Who may touch an import (the importer only: anyone else, admins included, finds nothing), and bad input:
// each refusal a problem+json answer, and a refused request writes nothing.
import { describe, expect, it } from 'vitest';
import { IMPORT_CONTENT_TYPES, IMPORT_MAX_BYTES } from '../../../../contracts/sources';
import { grantRole, TestClient } from '../../../testing/client';
import { testApp } from '../../../testing/harness';
import { BOOK, fixture, imported, insertSource, someone, upload } from './testing';

const count = async (app: Awaited<ReturnType<typeof testApp>>) => {
  const imports = await app.db
    .selectFrom('source_imports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const entries = await app.db
    .selectFrom('source_import_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return [Number(imports.n), Number(entries.n)];
};

describe('who may touch an import', () => {
  it('refuses anonymous visitors (401) and suspended people an upload (403)', async () => {
    const app = await testApp();
    const anon = await new TestClient(app).start();
    const before = await count(app);
    const res = await upload(anon, IMPORT_CONTENT_TYPES.ris, fixture('ris'));
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const suspended = await someone(app);
    await app.db
      .updateTable('users')
      .set({ suspended_until: new Date(Date.now() + 86400_000) })
      .where('id', '=', suspended.userId)
      .execute();
    expect((await upload(suspended, IMPORT_CONTENT_TYPES.ris, fixture('ris'))).status).toBe(403);
    expect(await count(app)).toEqual(before);

    const p = await someone(app);
    const imp = await imported(p, 'ris', fixture('ris'));
    const url = `/api/v1/source-imports/${imp.id}`;
    expect((await anon.get(url)).status).toBe(401);
    expect((await anon.put(`${url}/entries/1`, { action: 'skip' })).status).toBe(401);
    expect((await anon.post(`${url}/commit`)).status).toBe(401);
    // The first test of the file may start the app (migrations), slow on a busy machine.
  }, 90_000);

  it('answers 404 to another person and to an admin on read, choose and commit (ids are not probed)', async () => {
    const app = await testApp();
    const p = await someone(app);
    const other = await someone(app);
    const admin = await someone(app, 'impadmin');
    await grantRole(app, admin.username, 'admin');
    const imp = await imported(p, 'ris', fixture('ris'));
    const url = `/api/v1/source-imports/${imp.id}`;
    for (const who of [other, admin]) {
      const read = await who.get(url);
      expect(read.status).toBe(404);
      expect(read.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((await who.get(`${url}?cursor=${imp.next ?? ''}`)).status).toBe(404);
      expect((await who.put(`${url}/entries/1`, { action: 'skip' })).status).toBe(404);
      expect((await who.post(`${url}/commit`)).status).toBe(404);
    }
    // The same answer as for an import that does not exist.
    expect((await other.get('/api/v1/source-imports/999999999')).status).toBe(404);
    expect((await other.get('/api/v1/source-imports/x')).status).toBe(404);
    // Nothing changed: the entry keeps its action, the import is still ready.
    const still = (await p.get(url)).body;
    expect(still).toMatchObject({ status: 'ready', items: [{ action: 'add' }, { action: 'add' }] });
  });
});

describe('bad input', () => {
  it('refuses another content type (415) and a file over 10 MiB (413), writing nothing', async () => {
    const app = await testApp();
    const p = await someone(app);
    const before = await count(app);
    for (const type of ['text/csv', 'application/json', 'text/plain', 'application/octet-stream']) {
      const res = await upload(p, type, type === 'application/json' ? '[]' : 'a,b');
      expect([type, res.status]).toEqual([type, 415]);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const big = Buffer.alloc(IMPORT_MAX_BYTES + 1, 'a');
    const tooLarge = await upload(p, IMPORT_CONTENT_TYPES.bibtex, big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await count(app)).toEqual(before);
    // Just under the limit is taken (the global 1 MiB limit does not hold here).
    const fine = await upload(p, IMPORT_CONTENT_TYPES.bibtex, Buffer.alloc(2 * 1024 * 1024, ' '));
    expect(fine.status).toBe(201);
  });

  it('refuses a bad choice naming the field: unknown action, merge without or with an unknown source, add of an entry with errors', async () => {
    const app = await testApp();
    const p = await someone(app);
    const target = await insertSource(app, { ...BOOK, identifiers: { ...BOOK.identifiers, isbn: null } });
    const text = [
      `@book{ok, title = {A fine book ${p.userId}}, author = {Doe, Jane}, year = {2001}}`,
      '@book{bad, title = {A bad ISBN}, author = {Doe, Jane}, isbn = {978-0-306-40615-8}}',
      '@article{broken, title = {never closed,',
    ].join('\n');
    const imp = await imported(p, 'bibtex', text);
    const url = `/api/v1/source-imports/${imp.id}/entries`;
    const field = async (n: number, body: unknown) => {
      const res = await p.put(`${url}/${n}`, body);
      expect(res.status, res.text).toBe(400);
      return (res.body.errors as { field: string }[]).map((e) => e.field);
    };
    expect(await field(1, { action: 'keep' })).toEqual(['action']);
    expect(await field(1, { action: 'merge' })).toEqual(['into']);
    expect(await field(1, { action: 'merge', into: null })).toEqual(['into']);
    expect(await field(1, { action: 'merge', into: '999999999' })).toEqual(['into']);
    expect(await field(1, { action: 'merge', into: 'abc' })).toEqual(['into']);
    expect(await field(1, { action: 'add', extra: 1 })).toEqual(['extra']);
    expect(await field(2, { action: 'add' })).toEqual(['action']);
    expect(await field(3, { action: 'add' })).toEqual(['action']);
    expect(await field(3, { action: 'merge', into: target })).toEqual(['action']);
    expect((await p.put(`${url}/99`, { action: 'skip' })).status).toBe(404);
    expect((await p.put(`${url}/x`, { action: 'skip' })).status).toBe(404);
    // Nothing was written by the refusals.
    const entries = (await p.get(`/api/v1/source-imports/${imp.id}`)).body.items;
    expect(entries.map((e: { action: string; into: string | null }) => [e.action, e.into])).toEqual([
      ['add', null],
      ['skip', null],
      ['skip', null],
    ]);
    // An entry with errors may be skipped; a readable one merged.
    expect((await p.put(`${url}/2`, { action: 'skip' })).status).toBe(200);
    expect((await p.put(`${url}/1`, { action: 'merge', into: target })).body).toMatchObject({ into: target });
    // Choosing `add` again forgets the target.
    expect((await p.put(`${url}/1`, { action: 'add', into: target })).body).toMatchObject({ into: null });
  });

  it('refuses choices while the file is still being read (409)', async () => {
    const app = await testApp();
    const p = await someone(app);
    const res = await upload(p, IMPORT_CONTENT_TYPES.ris, fixture('ris'));
    const url = `/api/v1/source-imports/${res.body.id}`;
    expect((await p.get(url)).body).toMatchObject({ status: 'parsing', total: 0, items: [] });
    expect((await p.put(`${url}/entries/1`, { action: 'skip' })).status).toBe(409);
    expect((await p.post(`${url}/commit`)).status).toBe(409);
  });
});
