// Imports of real files: a Zotero BibTeX export (Unicode names, a corporate author, a missing year, LaTeX escapes,
// a macro, a broken entry, duplicates in the file and in the database), a library catalogue's RIS, Zotero's
// CSL-JSON; the importer's choices, the commit that makes every entry visible at once, and export then import.
import { describe, expect, it } from 'vitest';
import { IMPORT_CONTENT_TYPES, type SourceRecord } from '../../../../contracts/sources';
import { testApp } from '../../../testing/harness';
import { formatRecords } from '../exchange/formats';
import { BOOK, fixture, forgetFixtureSources, imported, insertSource, runImportJobs, someone, upload } from './testing';

async function sourceRecords(app: Awaited<ReturnType<typeof testApp>>, ids: string[]) {
  const rows = await app.db
    .selectFrom('source_revisions')
    .select(['source_id', 'revision', 'record', 'created_by'])
    .where('source_id', 'in', ids.map(Number))
    .orderBy('source_id')
    .execute();
  return rows;
}

describe('a Zotero BibTeX file', () => {
  it('is read entry by entry: each broken entry has its own errors, duplicates default to skip', async () => {
    const app = await testApp();
    await forgetFixtureSources(app, 'bibtex');
    const existing = await insertSource(app, BOOK);
    const p = await someone(app);
    const imp = await imported(p, 'bibtex', fixture('bibtex'));
    expect(imp).toMatchObject({ format: 'bibtex', status: 'ready', total: 8, parsed: 8, error: null, next: null });
    const [muller, who, okafor, gorres, broken, badIsbn, copy, already] = imp.items;
    // Unicode names and a macro-free entry with a language name and a skill as keyword.
    expect(muller).toMatchObject({
      n: 1,
      action: 'add',
      errors: [],
      duplicates: [],
      record: {
        kind: 'book',
        title: 'Leading together: Über Grenzen',
        authors: [
          { family: 'Müller', given: 'Anna' },
          { family: 'Şahin', given: 'Elif' },
          { family: 'Øster', given: 'Bjørn' },
        ],
        year: 2020,
        languages: ['de'],
        identifiers: { isbn: '9781852330002' },
        skills: ['facilitation'],
      },
    });
    // A corporate author in double braces, a publisher given by an @string macro.
    expect(who!.record).toMatchObject({
      authors: [{ literal: 'World Health Organization' }],
      publisher: 'WHO Press',
      year: 2017,
    });
    expect(okafor!.record).toMatchObject({ kind: 'website', year: null, authors: [{ family: 'Okafor' }] });
    // LaTeX escapes.
    expect(gorres!.record).toMatchObject({
      title: 'Grüne Wege & neue Ideen',
      authors: [{ family: 'Görres', given: 'Jürgen' }],
      publisher: 'Zeitschrift für Gemeinwesenarbeit',
      identifiers: { doi: '10.5555/ldn-import-1' },
    });
    // An entry the parser cannot read, and one with a bad ISBN: their own errors, skipped.
    expect(broken).toMatchObject({
      n: 5,
      record: null,
      errors: [{ field: 'entry', message: 'sources-import-entry-unreadable' }],
      action: 'skip',
    });
    expect(badIsbn).toMatchObject({
      record: { title: 'A book with a wrong check digit' },
      errors: [{ field: 'identifiers.isbn', message: 'sources-isbn-invalid' }],
      action: 'skip',
    });
    // The same DOI written another way later in the file points at the first; a source already there is named.
    expect(copy).toMatchObject({ action: 'skip', duplicates: [{ id: null, n: 4, reason: 'doi' }] });
    expect(already).toMatchObject({
      action: 'skip',
      duplicates: [{ id: existing, n: null, title: 'Pedagogy of hope', reason: 'isbn' }],
    });
    // Nothing is a source before the commit.
    const before = await app.db
      .selectFrom('sources')
      .select('id')
      .where('title', '=', 'Leading together: Über Grenzen')
      .execute();
    expect(before).toEqual([]);
  }, 90_000);

  it('commits the choices: adds in one go, merges into an existing source, skips the rest, with counts', async () => {
    const app = await testApp();
    await forgetFixtureSources(app, 'bibtex');
    const existing = await insertSource(app, BOOK);
    const p = await someone(app);
    const imp = await imported(p, 'bibtex', fixture('bibtex'));
    const url = `/api/v1/source-imports/${imp.id}`;
    const merged = await p.put(`${url}/entries/8`, { action: 'merge', into: existing });
    expect(merged.status, merged.text).toBe(200);
    expect(merged.body).toMatchObject({ n: 8, action: 'merge', into: existing, source: null });
    expect((await p.put(`${url}/entries/3`, { action: 'skip' })).body.action).toBe('skip');

    const commit = await p.post(`${url}/commit`);
    expect(commit.status, commit.text).toBe(202);
    expect(commit.body).toEqual({ id: imp.id, status: 'committing' });
    expect((await p.get(url)).body.status).toBe('committing');
    await runImportJobs(app);
    const done = (await p.get(url)).body;
    expect(done).toMatchObject({ status: 'done', counts: { added: 3, merged: 1, skipped: 4 } });
    const added = done.items.filter((e: { source: string | null; action: string }) => e.action === 'add');
    expect(added.map((e: { n: number }) => e.n)).toEqual([1, 2, 4]);
    const ids = added.map((e: { source: string }) => e.source);
    const revisions = await sourceRecords(app, ids);
    expect(revisions.map((r) => [r.revision, r.created_by])).toEqual(ids.map(() => [1, p.userId]));
    expect(revisions.map((r) => r.record)).toEqual(added.map((e: { record: SourceRecord }) => e.record));
    const who = await app.db
      .selectFrom('sources')
      .select(['authors_text', 'url', 'url_key', 'title_key', 'first_author_key', 'created_by'])
      .where('id', '=', Number(ids[1]))
      .executeTakeFirstOrThrow();
    expect(who).toEqual({
      authors_text: 'World Health Organization',
      url: 'https://www.who.int/publications/i/item/community-engagement?utm_source=zotero#top',
      url_key: 'https://www.who.int/publications/i/item/community-engagement',
      title_key: 'community engagement a health promotion guide',
      first_author_key: 'world health organization',
      created_by: p.userId,
    });
    // The merge filled the existing source's empty fields only, as its revision 2.
    const target = await app.db
      .selectFrom('sources')
      .select(['title', 'year', 'publisher', 'revision', 'isbn'])
      .where('id', '=', Number(existing))
      .executeTakeFirstOrThrow();
    expect(target).toEqual({
      title: 'Pedagogy of hope',
      year: 1992,
      publisher: 'WHO Press',
      revision: 2,
      isbn: '9780199535569',
    });
    expect(done.items[7]).toMatchObject({ action: 'merge', source: existing });
    const history = await sourceRecords(app, [existing]);
    expect(history.map((r) => r.revision)).toEqual([1, 2]);
    const logged = await app.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('object_type', '=', 'source_import')
      .where('object_id', '=', imp.id)
      .orderBy('id')
      .execute();
    expect(logged.map((l) => l.action)).toEqual([
      'source.import.upload',
      'source.import.choose',
      'source.import.choose',
      'source.import.commit-requested',
      'source.import.commit',
    ]);
    expect(logged.at(-1)!.details).toEqual({ added: 3, merged: 1, skipped: 4 });
    // Done: no more choices or commits.
    expect((await p.put(`${url}/entries/1`, { action: 'skip' })).status).toBe(409);
    expect((await p.post(`${url}/commit`)).status).toBe(409);
  }, 60_000);
});

describe('other formats', () => {
  it('reads RIS as a library catalogue exports it', async () => {
    const app = await testApp();
    await forgetFixtureSources(app, 'ris');
    const p = await someone(app);
    const imp = await imported(p, 'ris', fixture('ris'));
    expect(imp).toMatchObject({ status: 'ready', total: 2, parsed: 2 });
    expect(imp.items.map((e) => [e.record, e.errors, e.action])).toEqual([
      [
        {
          kind: 'book',
          title: 'Pedagogy of the oppressed',
          authors: [{ family: 'Freire', given: 'Paulo' }],
          year: 1970,
          publisher: 'Herder and Herder',
          languages: ['en'],
          identifiers: {
            isbn: '9780826400475',
            doi: null,
            url: 'https://catalogue.example.org/record/12345',
            wikidata: null,
          },
          access: 'open',
          summary: '',
          skills: [],
        },
        [],
        'add',
      ],
      [expect.objectContaining({ title: 'Development as freedom', languages: ['en'] }), [], 'add'],
    ]);
  });

  it('reads CSL-JSON as Zotero exports it', async () => {
    const app = await testApp();
    await forgetFixtureSources(app, 'csl-json');
    const p = await someone(app);
    const imp = await imported(p, 'csl-json', fixture('csl-json'));
    expect(imp).toMatchObject({ status: 'ready', total: 3 });
    expect(imp.items.map((e) => e.record)).toMatchObject([
      {
        kind: 'article',
        year: 2010,
        publisher: 'American Economic Review',
        identifiers: { doi: '10.5555/ldn-import-csl-1' },
        summary: 'Contemporary research on the outcomes of collective action.',
      },
      { kind: 'book', authors: [{ literal: 'UNESCO' }], languages: ['fr'], identifiers: { isbn: '9780807013007' } },
      { kind: 'website', year: null, identifiers: { url: 'https://example.org/ubuntu-csl' } },
    ]);
    expect(imp.items.every((e) => e.errors.length === 0 && e.action === 'add')).toBe(true);
  });

  it('gives the same records when an export is imported again through the routes', async () => {
    const app = await testApp();
    const p = await someone(app);
    const tag = `${Date.now().toString(36)}${p.userId}`;
    const records: SourceRecord[] = [
      {
        kind: 'book',
        title: `Leading | together ${tag}`,
        authors: [{ family: 'Müller', given: 'Anna' }, { literal: 'World Health Organization' }],
        year: 2020,
        publisher: 'WHO Press',
        languages: ['en', 'ar'],
        identifiers: { isbn: null, doi: null, url: `https://example.org/round/${tag}`, wikidata: null },
        access: 'paywalled',
        summary: 'A *book* about leading.',
        skills: ['public_speaking', 'facilitation'],
      },
      {
        kind: 'toolkit',
        title: `Workshop kit ${tag}`,
        authors: [{ family: 'Okafor', given: 'Chidi' }],
        year: null,
        publisher: null,
        languages: [],
        identifiers: { isbn: null, doi: `10.5555/round-${tag}`, url: null, wikidata: null },
        access: 'open',
        summary: '',
        skills: [],
      },
    ];
    for (const format of ['bibtex', 'ris', 'csl-json'] as const) {
      const text = formatRecords(
        records.map((record, i) => ({ id: i + 1, record })),
        format,
      );
      const imp = await imported(p, format, text);
      expect(
        imp.items.map((e) => e.record),
        format,
      ).toEqual(records);
      // Committed once (BibTeX): the sources say the same.
      if (format !== 'bibtex') continue;
      expect((await p.post(`/api/v1/source-imports/${imp.id}/commit`)).status).toBe(202);
      await runImportJobs(app);
      const done = (await p.get(`/api/v1/source-imports/${imp.id}`)).body;
      expect(done.counts).toEqual({ added: 2, merged: 0, skipped: 0 });
      const kept = await sourceRecords(
        app,
        done.items.map((e: { source: string }) => e.source),
      );
      expect(kept.map((r) => r.record)).toEqual(records);
    }
  });
});

describe('a file that cannot be read', () => {
  it('fails with a message key, not a 500; one that holds no entry too', async () => {
    const app = await testApp();
    const p = await someone(app);
    const bad = await imported(p, 'csl-json', '[{"title": "unfinished"');
    expect(bad).toMatchObject({ status: 'failed', error: 'sources-import-file-unreadable', items: [] });
    const empty = await imported(p, 'bibtex', '% nothing but a comment\n@comment{x}\n');
    expect(empty).toMatchObject({ status: 'failed', error: 'sources-import-file-empty' });
    expect((await p.post(`/api/v1/source-imports/${bad.id}/commit`)).status).toBe(409);
  });

  it('reads a file of many entries in chunks, paged 100 at a time', async () => {
    const app = await testApp();
    const p = await someone(app);
    const tag = `${Date.now().toString(36)}${p.userId}`;
    const entries = Array.from(
      { length: 250 },
      (_, i) =>
        `@article{e${i},\n  title = {Generated entry ${i} of ${tag}},\n  author = {Doe, Jane},\n  year = {2000}\n}`,
    );
    entries.splice(120, 0, '@article{broken, title = {never closed,\n');
    const imp = await imported(p, 'bibtex', entries.join('\n\n'));
    expect(imp).toMatchObject({ status: 'ready', total: 251, parsed: 251 });
    expect(imp.items.map((e) => e.n)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const second = (await p.get(`/api/v1/source-imports/${imp.id}?cursor=${imp.next}`)).body;
    expect(second.items[0].n).toBe(101);
    expect(second.items[20]).toMatchObject({ n: 121, record: null, action: 'skip' });
    const third = (await p.get(`/api/v1/source-imports/${imp.id}?cursor=${second.next}`)).body;
    expect(third.items.map((e: { n: number }) => e.n).at(-1)).toBe(251);
    expect(third.next).toBeNull();
    expect((await p.get(`/api/v1/source-imports/${imp.id}?cursor=nonsense`)).status).toBe(400);
  });
});

describe('uploads', () => {
  it('take a charset parameter and a byte-order mark', async () => {
    const app = await testApp();
    const p = await someone(app);
    const res = await upload(p, `${IMPORT_CONTENT_TYPES.ris}; charset=utf-8`, `\uFEFF${fixture('ris')}`);
    expect(res.status, res.text).toBe(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^\d+$/), status: 'parsing' });
    await runImportJobs(app);
    expect((await p.get(`/api/v1/source-imports/${res.body.id}`)).body.total).toBe(2);
  });
});
