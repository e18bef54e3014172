// The commit: one of two commits at once passes; a crash leaves nothing visible and the retry (or a new commit
// after the last attempt) commits it all; an identifier taken meanwhile skips its entry, never the commit.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { SourceImport } from '../../../../contracts/sources';
import { testApp } from '../../../testing/harness';
import { BOOK, fixture, forgetFixtureSources, imported, insertSource, runImportJobs, someone } from './testing';

type App = Awaited<ReturnType<typeof testApp>>;

const bibtexOf = (tag: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) => `@book{b${i}, title = {Committed book ${i} ${tag}}, author = {Doe, Jane}, year = {2001}}`,
  ).join('\n');

const sourcesTitled = async (app: App, tag: string) =>
  app.db.selectFrom('sources').select('id').where('title', 'like', `%${tag}`).execute();

/** Makes the commit of one import fail at its very end (the status moving to done), until dropped. */
async function breakCommitOf(app: App, importId: string) {
  const name = sql.raw(`ldn_test_break_${importId}`);
  await sql`create function ${name}() returns trigger language plpgsql as $$
    begin raise exception 'the machine stopped'; end $$`.execute(app.db);
  await sql`create trigger ${name} before update on source_imports for each row
    when (new.id = ${sql.raw(importId)} and new.status = 'done') execute function ${name}()`.execute(app.db);
  return async () => {
    await sql`drop trigger ${name} on source_imports`.execute(app.db);
    await sql`drop function ${name}()`.execute(app.db);
  };
}

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe('committing an import', () => {
  it('gives one 202 and one 409 to two commits at once', async () => {
    const app = await testApp();
    const p = await someone(app);
    const tag = `${Date.now().toString(36)}${p.userId}`;
    const imp = await imported(p, 'bibtex', bibtexOf(tag, 3));
    const answers = await Promise.all([
      p.post(`/api/v1/source-imports/${imp.id}/commit`),
      p.post(`/api/v1/source-imports/${imp.id}/commit`),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409]);
    await runImportJobs(app);
    expect((await sourcesTitled(app, tag)).length).toBe(3);
    const jobs = await app.db
      .selectFrom('jobs')
      .select('status')
      .where('kind', '=', 'sources.import.commit')
      .where(sql<boolean>`payload->>'importId' = ${imp.id}`)
      .execute();
    expect(jobs).toEqual([{ status: 'done' }]);
    // The first test of the file may start the app (migrations), slow on a busy machine.
  }, 90_000);

  it('leaves nothing visible when the job fails mid-way, and its retry commits everything', async () => {
    const app = await testApp();
    const p = await someone(app);
    const tag = `${Date.now().toString(36)}${p.userId}`;
    const imp = await imported(p, 'bibtex', bibtexOf(tag, 5));
    const target = await insertSource(app, {
      ...BOOK,
      title: `Merge target ${tag}`,
      identifiers: { isbn: null, doi: null, url: null, wikidata: null },
    });
    const url = `/api/v1/source-imports/${imp.id}`;
    expect((await p.put(`${url}/entries/5`, { action: 'merge', into: target })).status).toBe(200);
    const repair = await breakCommitOf(app, imp.id);
    expect((await p.post(`${url}/commit`)).status).toBe(202);
    await runImportJobs(app);
    // Neither the added sources, nor the merge's revision, nor the entries' links are there.
    expect(await sourcesTitled(app, tag)).toEqual([{ id: Number(target) }]);
    const revisions = await app.db
      .selectFrom('source_revisions')
      .select('revision')
      .where('source_id', '=', Number(target))
      .execute();
    expect(revisions).toEqual([{ revision: 1 }]);
    const stalled = (await p.get(url)).body as SourceImport;
    expect(stalled).toMatchObject({ status: 'committing', counts: null });
    expect(stalled.items.every((e) => e.source === null)).toBe(true);

    await repair();
    await runImportJobs(app, later(60));
    const done = (await p.get(url)).body as SourceImport;
    expect(done).toMatchObject({ status: 'done', counts: { added: 4, merged: 1, skipped: 0 } });
    expect((await sourcesTitled(app, tag)).length).toBe(5);
  });

  it('is ready to commit again after the last attempt failed', async () => {
    const app = await testApp();
    const p = await someone(app);
    const tag = `${Date.now().toString(36)}${p.userId}`;
    const imp = await imported(p, 'bibtex', bibtexOf(tag, 2));
    const url = `/api/v1/source-imports/${imp.id}`;
    const repair = await breakCommitOf(app, imp.id);
    expect((await p.post(`${url}/commit`)).status).toBe(202);
    await runImportJobs(app);
    await runImportJobs(app, later(60));
    await runImportJobs(app, later(120));
    expect((await p.get(url)).body.status).toBe('ready');
    expect(await sourcesTitled(app, tag)).toEqual([]);
    await repair();
    expect((await p.post(`${url}/commit`)).status).toBe(202);
    await runImportJobs(app, later(180));
    expect((await p.get(url)).body).toMatchObject({ status: 'done', counts: { added: 2, merged: 0, skipped: 0 } });
  });

  it('skips an entry whose identifier another source took meanwhile, noting it, and adds the rest', async () => {
    const app = await testApp();
    await forgetFixtureSources(app, 'ris');
    const p = await someone(app);
    const imp = await imported(p, 'ris', fixture('ris'));
    expect(imp.items.map((e) => e.action)).toEqual(['add', 'add']);
    const taken = await insertSource(app, {
      ...BOOK,
      title: 'Pedagogia do oprimido',
      identifiers: { ...BOOK.identifiers, isbn: '9780826400475' },
    });
    expect((await p.post(`/api/v1/source-imports/${imp.id}/commit`)).status).toBe(202);
    await runImportJobs(app);
    const done = (await p.get(`/api/v1/source-imports/${imp.id}`)).body as SourceImport;
    expect(done).toMatchObject({ status: 'done', counts: { added: 1, merged: 0, skipped: 1 } });
    expect(done.items[0]).toMatchObject({
      action: 'skip',
      source: null,
      duplicates: [{ id: taken, n: null, title: 'Pedagogia do oprimido', reason: 'isbn' }],
    });
    expect(done.items[1]).toMatchObject({ action: 'add', source: expect.stringMatching(/^\d+$/) });
  });

  it('adds the first of two entries of the file chosen both, and skips the second as its duplicate', async () => {
    const app = await testApp();
    const p = await someone(app);
    const tag = `${Date.now().toString(36)}${p.userId}`;
    const text = [
      `@misc{a, title = {First ${tag}}, author = {Doe, Jane}, url = {https://example.org/twice/${tag}}}`,
      `@misc{b, title = {Second ${tag}}, author = {Doe, Jane}, url = {https://EXAMPLE.org/twice/${tag}/}}`,
    ].join('\n');
    const imp = await imported(p, 'bibtex', text);
    expect(imp.items[1]).toMatchObject({ action: 'skip', duplicates: [{ n: 1, reason: 'url' }] });
    expect((await p.put(`/api/v1/source-imports/${imp.id}/entries/2`, { action: 'add' })).status).toBe(200);
    expect((await p.post(`/api/v1/source-imports/${imp.id}/commit`)).status).toBe(202);
    await runImportJobs(app);
    const done = (await p.get(`/api/v1/source-imports/${imp.id}`)).body as SourceImport;
    expect(done.counts).toEqual({ added: 1, merged: 0, skipped: 1 });
    expect(done.items[1]).toMatchObject({
      action: 'skip',
      duplicates: [
        { n: 1, reason: 'url' },
        { id: done.items[0]!.source, reason: 'url' },
      ],
    });
  });
});
