// Adding and reading sources: who may, bad input naming its field, duplicates (each identifier, the title and
// `force`, two adds at once), the detail answer's parts, and nothing written by a refused request.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TestClient } from '../../../testing/client';
import { testApp, unique } from '../../../testing/harness';
import { toRecord } from '../schema';
import { answeringDuplicates } from './duplicates';
import { addSource, freshIsbn, moderator, RECORD, someone, suspended, type Person } from './testing';

let app: FastifyInstance;
let author: Person;
beforeAll(async () => {
  app = await testApp();
  author = await someone(app);
}, 90_000);

const countOf = async (table: 'sources' | 'source_revisions' | 'audit_log') =>
  Number(
    (
      await app.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('adding a source', () => {
  it('adds a source with its first revision, keys and audit, and answers its detail', async () => {
    const isbn = freshIsbn();
    const s = await addSource(author, {
      identifiers: {
        isbn: `ISBN ${isbn.slice(0, 3)}-${isbn.slice(3)}`,
        url: `https://Example.org/${unique('g')}/?utm_source=x`,
      },
      authors: [{ family: 'Müller', given: 'Anna' }, { literal: 'World Health Organization' }],
    });
    expect(s.identifiers.isbn).toBe(isbn);
    expect(s).toMatchObject({
      kind: 'book',
      revision: 1,
      summaryHtml: expect.stringContaining('<strong>volunteer</strong>'),
      judgements: { reliable: 0, mixed: 0, unreliable: 0, not_sure: 0 },
      usefulness: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
      judgement: null,
      reviews: 0,
      usedBy: 0,
      initiatives: [],
      readingLists: [],
      mine: null,
      createdBy: { username: author.username },
      can: { edit: true, review: true, moderate: false },
    });
    expect(s.citation.text).toContain('Müller');
    expect(s.citation.wikitext).toMatch(/^\{\{cite book/);
    const row = await app.db.selectFrom('sources').selectAll().where('id', '=', Number(s.id)).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      authors_text: 'Anna Müller; World Health Organization',
      first_author_key: 'muller',
      title_key: s.title.toLowerCase(),
      created_by: author.userId,
    });
    expect(row.url_key).toMatch(/^https:\/\/example\.org\/[^?#]*[^/]$/);
    const revisions = await app.db.selectFrom('source_revisions').selectAll().where('source_id', '=', row.id).execute();
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ revision: 1, created_by: author.userId, record: { title: s.title } });
    const logged = await app.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'source')
      .where('object_id', '=', s.id)
      .execute();
    expect(logged.map((l) => l.action)).toEqual(['source.create']);
  });

  it('refuses anonymous visitors (401) and suspended people (403), writing nothing', async () => {
    const before = await countOf('sources');
    const anon = await new TestClient(app).start();
    expect((await anon.post('/api/v1/sources', { ...RECORD, title: 'Anonymous' })).status).toBe(401);
    const banned = await suspended(app);
    expect((await banned.post('/api/v1/sources', { ...RECORD, title: 'Suspended' })).status).toBe(403);
    expect(await countOf('sources')).toBe(before);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = [await countOf('sources'), await countOf('source_revisions')];
    const bad: [Record<string, unknown>, string][] = [
      [{ identifiers: { isbn: '978-0-306-40615-8' } }, 'identifiers.isbn'],
      [{ identifiers: { doi: '11.1000/abc' } }, 'identifiers.doi'],
      [{ identifiers: { url: 'javascript:alert(1)' } }, 'identifiers.url'],
      [{ identifiers: { wikidata: 'P31' } }, 'identifiers.wikidata'],
      [{ kind: 'novel' }, 'kind'],
      [{ languages: ['xx-nope'] }, 'languages.0'],
      [{ skills: ['juggling'] }, 'skills.0'],
      [{ colour: 'red' }, 'colour'],
      [{ title: ' ' }, 'title'],
      [{ authors: [{ given: 'Ana' }] }, 'authors.0'],
      [{ year: 'soon' }, 'year'],
    ];
    for (const [change, field] of bad) {
      const res = await author.post('/api/v1/sources', { ...RECORD, title: unique('Bad '), ...change });
      expect(res.status, `${field}: ${res.text}`).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect([await countOf('sources'), await countOf('source_revisions')]).toEqual(before);
  });
});

describe('duplicates', () => {
  it('answers 409 naming the source with the same ISBN, DOI, URL or Wikidata id', async () => {
    const doi = `10.5555/${unique('dup').toLowerCase()}`;
    const page = `https://example.org/${unique('page')}`;
    const wikidata = `Q${Date.now() % 1e9}${Math.floor(Math.random() * 90 + 10)}`;
    const isbn = freshIsbn();
    const first = await addSource(author, { identifiers: { isbn, doi, url: page, wikidata } });
    const cases: [Record<string, string>, string][] = [
      [{ isbn: `${isbn.slice(0, 3)}-${isbn.slice(3)}` }, 'isbn'],
      [{ doi: `https://doi.org/${doi.toUpperCase()}` }, 'doi'],
      [{ url: `${page.replace('https://example.org', 'HTTPS://EXAMPLE.ORG')}/#part` }, 'url'],
      [{ wikidata: `https://www.wikidata.org/wiki/${wikidata}` }, 'wikidata'],
    ];
    const before = await countOf('sources');
    for (const [identifiers, reason] of cases) {
      const res = await author.post('/api/v1/sources', {
        ...RECORD,
        title: unique('Another '),
        identifiers,
        force: true,
      });
      expect(res.status, `${reason}: ${res.text}`).toBe(409);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.duplicates).toEqual([{ id: first.id, title: first.title, reason }]);
    }
    expect(await countOf('sources')).toBe(before);
  });

  it('answers 409 for the same title and first author, unless forced', async () => {
    const title = unique('The Art of Facilitation ');
    const first = await addSource(author, { title, authors: [{ family: 'Ngũgĩ' }] });
    const again = await author.post('/api/v1/sources', {
      ...RECORD,
      title: `${title.toUpperCase()}!`,
      authors: [{ family: 'Ngugi', given: 'W.' }],
    });
    expect(again.status).toBe(409);
    expect(again.body.duplicates).toEqual([{ id: first.id, title: first.title, reason: 'title' }]);
    // Another author is another work.
    await addSource(author, { title, authors: [{ family: 'Someone Else' }] });
    const forced = await author.post('/api/v1/sources', {
      ...RECORD,
      title,
      authors: [{ family: 'Ngugi' }],
      force: true,
    });
    expect(forced.status, forced.text).toBe(201);
  });

  it('gives one 201 and one 409 to two adds of the same ISBN at once', async () => {
    const isbn = freshIsbn();
    const other = await someone(app);
    const [a, b] = await Promise.all(
      [author, other].map((p) =>
        p.post('/api/v1/sources', { ...RECORD, title: unique('Race '), identifiers: { isbn }, force: true }),
      ),
    );
    expect([a!.status, b!.status].sort()).toEqual([201, 409]);
    const won = a!.status === 201 ? a! : b!;
    const lost = a!.status === 201 ? b! : a!;
    expect(lost.body.duplicates).toEqual([{ id: won.body.id, title: won.body.title, reason: 'isbn' }]);
    const rows = await app.db.selectFrom('sources').select('id').where('isbn', '=', isbn).execute();
    expect(rows).toHaveLength(1);
  });
});

describe('a unique violation', () => {
  it('becomes the duplicates’ 409 naming the source that took the identifier', async () => {
    const isbn = freshIsbn();
    const first = await addSource(author, { identifiers: { isbn } });
    const record = toRecord({ ...(RECORD as any), title: unique('Late '), identifiers: { isbn } });
    // A write the check before it could not warn about: the index refuses it.
    const write = () =>
      app.db
        .insertInto('sources')
        .values({ kind: 'book', title: record.title, title_key: 'late', authors: '[]', access: 'open', isbn })
        .execute();
    const err = await answeringDuplicates(app.db, () => record, null, write).catch((e: unknown) => e);
    expect(err).toMatchObject({
      status: 409,
      options: { extensions: { duplicates: [{ id: first.id, title: first.title, reason: 'isbn' }] } },
    });
    // Other errors pass through as they are.
    const boom = new Error('boom');
    await expect(
      answeringDuplicates(
        app.db,
        () => record,
        null,
        () => Promise.reject(boom),
      ),
    ).rejects.toBe(boom);
  });
});

describe('reading a source', () => {
  it('shows initiatives (not hidden ones), reading lists, counts, the viewer’s review and rights', async () => {
    const s = await addSource(author);
    const id = Number(s.id);
    const reviewer = await someone(app);
    const initiative = async (title: string, stage: string, outcome: string | null) => {
      const row = await app.db
        .insertInto('initiatives')
        .values({
          author_id: author.userId,
          title,
          summary: 'x',
          stage,
          outcome,
          last_activity_at: new Date(),
          created_at: new Date(),
          updated_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await app.db
        .insertInto('initiative_sources')
        .values({ initiative_id: row.id, source_id: id, note: `used by ${title}` })
        .execute();
      return row.id;
    };
    const done = await initiative('Archived one', 'archived', 'met');
    const hidden = await initiative('Hidden one', 'active', null);
    const action = await app.db
      .insertInto('moderation_actions')
      .values({ kind: 'hide', subject_type: 'initiative', subject_id: hidden, reason: 'spam', created_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await app.db
      .insertInto('moderation_hidden')
      .values({
        subject_type: 'initiative',
        subject_id: hidden,
        action_id: action.id,
        reason: 'spam',
        automatic: false,
        hidden_at: new Date(),
      })
      .execute();
    const list = await app.db
      .insertInto('reading_lists')
      .values({ title: 'To read', owner_id: author.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await app.db.insertInto('reading_list_items').values({ list_id: list.id, source_id: id, position: 1 }).execute();
    await app.db
      .insertInto('source_reviews')
      .values({
        source_id: id,
        user_id: reviewer.userId,
        judgement: 'reliable',
        usefulness: 4,
        reasons: 'Clear *steps*',
      })
      .execute();

    const anon = await new TestClient(app).start();
    const seen = await anon.get(`/api/v1/sources/${id}`);
    expect(seen.status, seen.text).toBe(200);
    expect(seen.body).toMatchObject({
      judgements: { reliable: 1, mixed: 0, unreliable: 0, not_sure: 0 },
      judgement: 'reliable',
      usefulness: { '4': 1, '1': 0 },
      reviews: 1,
      usedBy: 1,
      initiatives: [
        { id: String(done), title: 'Archived one', stage: 'archived', outcome: 'met', note: 'used by Archived one' },
      ],
      readingLists: [{ id: String(list.id), title: 'To read' }],
      mine: null,
      can: { edit: false, review: false, moderate: false },
    });
    // Kept for anonymous visitors, and renewed after a change.
    expect((await anon.get(`/api/v1/sources/${id}`)).body).toEqual(seen.body);
    await author.patch(`/api/v1/sources/${id}`, { title: 'Renamed source', baseRevision: 1 });
    expect((await anon.get(`/api/v1/sources/${id}`)).body.title).toBe('Renamed source');

    const mine = (await reviewer.get(`/api/v1/sources/${id}`)).body;
    expect(mine.mine).toMatchObject({
      author: { username: reviewer.username },
      judgement: 'reliable',
      usefulness: 4,
      reasonsHtml: expect.stringContaining('<em>steps</em>'),
      replies: 0,
      hidden: null,
    });
    expect(mine.can).toEqual({ edit: true, review: true, moderate: false });
    const mod = await moderator(app);
    expect((await mod.get(`/api/v1/sources/${id}`)).body.can.moderate).toBe(true);
    const banned = await suspended(app);
    expect((await banned.get(`/api/v1/sources/${id}`)).body.can).toMatchObject({ edit: false, review: true });
  });

  it('answers 404 for unknown and malformed ids', async () => {
    const anon = await new TestClient(app).start();
    expect((await anon.get('/api/v1/sources/999999999')).status).toBe(404);
    expect((await anon.get('/api/v1/sources/x')).status).toBe(404);
    expect((await anon.get('/api/v1/sources/999999999/revisions')).status).toBe(404);
  });
});
