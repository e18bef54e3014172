// "Add by identifier" against local stand-ins of doi.org, Open Library and Wikidata: found (each catalogue),
// not found, no answer in time, a catalogue turned off, a duplicate reported, bad input, and signed-in only.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { signedUp, TestClient } from '../../../testing/client';
import { testApp, unique } from '../../../testing/harness';
import { insertSource } from '../search/testing';
import { startLookupStandin, type LookupStandin } from './standin';

let standin: LookupStandin;
let app: FastifyInstance;
let off: FastifyInstance;
let person: TestClient;

beforeAll(async () => {
  standin = await startLookupStandin();
  const lookups = (on: boolean) => ({
    doiBase: on ? standin.base : null,
    openLibraryBase: on ? `${standin.base}/ol` : null,
    wikidataBase: on ? `${standin.base}/wd` : null,
    timeoutMs: 1500,
  });
  app = await testApp({ configOverrides: { lookups: lookups(true) } });
  off = await testApp({ configOverrides: { lookups: lookups(false) } });
  person = await signedUp(app, unique('look'));
});
afterAll(() => standin.close());
beforeEach(() => {
  standin.records.clear();
  standin.silent.clear();
  standin.requests.length = 0;
});

const lookup = (identifier: unknown, c = person) => c.post('/api/v1/sources/lookup', { identifier });

describe('POST /api/v1/sources/lookup', () => {
  it('fills a record from a DOI by content negotiation for CSL-JSON, naming the platform', async () => {
    const title = unique('Deliberation in small groups ');
    standin.records.set('/10.5555/abc%3B1', {
      type: 'article-journal',
      title,
      author: [{ family: 'Ostrom', given: 'Elinor' }, { literal: 'World Health Organization' }],
      issued: { 'date-parts': [[2009, 4]] },
      'container-title': 'Journal of Examples',
      DOI: '10.5555/ABC;1',
      ISBN: 'not an isbn',
      language: 'en',
      abstract: 'How groups decide.',
    });
    const res = await lookup('https://doi.org/10.5555/ABC;1');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      record: {
        kind: 'article',
        title,
        authors: [{ family: 'Ostrom', given: 'Elinor' }, { literal: 'World Health Organization' }],
        year: 2009,
        publisher: 'Journal of Examples',
        languages: ['en'],
        // The malformed ISBN the catalogue gave is left out; the rest is filled.
        identifiers: { isbn: null, doi: '10.5555/abc;1', url: null, wikidata: null },
        access: 'open',
        summary: 'How groups decide.',
        skills: [],
      },
      duplicates: [],
    });
    const asked = standin.requests[0]!;
    expect(asked.accept).toBe('application/vnd.citationstyles.csl+json');
    expect(asked.userAgent).toMatch(/^LDN-platform\/\S+ \(http:\/\/localhost:8080; /);
    // Nothing was saved.
    expect(await app.db.selectFrom('sources').select('id').where('title', '=', title).execute()).toEqual([]);
  });

  it('fills a book from Open Library by its ISBN (ISBN-10 read as ISBN-13)', async () => {
    standin.records.set('/ol/api/books?bibkeys=ISBN%3A9780306406157&jscmd=data&format=json', {
      'ISBN:9780306406157': {
        title: 'Facilitator’s Guide',
        subtitle: 'to Participatory Decision-Making',
        authors: [{ name: 'Sam Kaner' }, { name: 'Lenny Lind' }],
        publishers: [{ name: 'Jossey-Bass' }],
        publish_date: 'April 2014',
      },
    });
    const res = await lookup('ISBN 0-306-40615-2');
    expect(res.status, res.text).toBe(200);
    expect(res.body.record).toMatchObject({
      kind: 'book',
      title: 'Facilitator’s Guide: to Participatory Decision-Making',
      authors: [
        { family: 'Kaner', given: 'Sam' },
        { family: 'Lind', given: 'Lenny' },
      ],
      year: 2014,
      publisher: 'Jossey-Bass',
      identifiers: { isbn: '9780306406157', doi: null, url: null, wikidata: null },
    });
  });

  it('fills a record from Wikidata, reading the authors’ and publisher’s labels in a second request', async () => {
    const item = (id: string) => ({ mainsnak: { datavalue: { value: { 'entity-type': 'item', id } } } });
    const str = (value: string) => ({ mainsnak: { datavalue: { value } } });
    standin.records.set('/wd/wiki/Special:EntityData/Q4242.json', {
      entities: {
        Q4242: {
          id: 'Q4242',
          labels: { en: { value: 'Label title' } },
          claims: {
            P31: [item('Q571')],
            P1476: [{ mainsnak: { datavalue: { value: { text: 'Rules for Radicals', language: 'en' } } } }],
            P50: [item('Q1001')],
            P2093: [str('Jane Doe')],
            P577: [{ mainsnak: { datavalue: { value: { time: '+1971-00-00T00:00:00Z' } } } }],
            P123: [item('Q2002')],
            P212: [str('978-0-306-40615-7')],
            P407: [item('Q1860')],
            P856: [str('https://example.org/rules#top')],
          },
        },
      },
    });
    standin.records.set(
      '/wd/w/api.php?action=wbgetentities&ids=Q1001%7CQ2002&props=labels&languages=en&languagefallback=1&format=json',
      {
        entities: {
          Q1001: { labels: { en: { value: 'Saul Alinsky' } } },
          Q2002: { labels: { en: { value: 'Random House' } } },
        },
      },
    );
    const res = await lookup('https://www.wikidata.org/wiki/Q4242');
    expect(res.status, res.text).toBe(200);
    expect(res.body.record).toEqual({
      kind: 'book',
      title: 'Rules for Radicals',
      authors: [
        { family: 'Alinsky', given: 'Saul' },
        { family: 'Doe', given: 'Jane' },
      ],
      year: 1971,
      publisher: 'Random House',
      languages: ['en'],
      identifiers: { isbn: '9780306406157', doi: null, url: 'https://example.org/rules#top', wikidata: 'Q4242' },
      access: 'open',
      summary: '',
      skills: [],
    });
  });

  it('reports sources already in the database with the same identifier or title and first author', async () => {
    const title = unique('Already here ');
    const byDoi = await insertSource(app, {
      title: unique('Other title '),
      identifiers: { isbn: null, doi: '10.5555/dup', url: null, wikidata: null },
    });
    const byTitle = await insertSource(app, {
      title: `${title.toUpperCase()}!`,
      authors: [{ family: 'Ostróm', given: 'E.' }],
    });
    await insertSource(app, { title, authors: [{ family: 'Someone Else' }] });
    standin.records.set('/10.5555/dup', {
      type: 'book',
      title,
      author: [{ family: 'Ostrom', given: 'Elinor' }],
      DOI: '10.5555/dup',
    });
    const res = await lookup('doi:10.5555/DUP');
    expect(res.status, res.text).toBe(200);
    expect(res.body.duplicates).toEqual([
      { id: String(byDoi), title: expect.any(String), reason: 'doi' },
      { id: String(byTitle), title: `${title.toUpperCase()}!`, reason: 'title' },
    ]);
  });

  it('answers 404 when the catalogue knows nothing, for each kind of identifier', async () => {
    standin.records.set('/ol/api/books?bibkeys=ISBN%3A9780306406157&jscmd=data&format=json', {});
    for (const identifier of ['10.5555/none', '9780306406157', 'Q999999']) {
      const res = await lookup(identifier);
      expect(res.status, identifier).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.detail).toMatch(/Nothing was found/);
    }
  });

  it('gives up with a 504 when the catalogue does not answer in time', async () => {
    standin.silent.add('/10.5555/slow');
    const started = Date.now();
    const res = await lookup('10.5555/slow');
    expect(res.status).toBe(504);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('answers 502 when the catalogue answers something unreadable', async () => {
    standin.records.set('/10.5555/odd', 'just a string');
    expect((await lookup('10.5555/odd')).status).toBe(502);
  });

  it('answers 503 when the catalogue is turned off, and asks nothing', async () => {
    const someone = await signedUp(off, unique('off'));
    for (const identifier of ['10.5555/x', '9780306406157', 'Q42']) {
      const res = await lookup(identifier, someone);
      expect(res.status, identifier).toBe(503);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect(standin.requests).toEqual([]);
  });

  it('refuses what is not an identifier, and unknown fields, with a 400 naming the field', async () => {
    for (const [body, field] of [
      [{ identifier: 'not an id' }, 'identifier'],
      [{ identifier: '978-0-306-40615-8' }, 'identifier'],
      [{ identifier: '' }, 'identifier'],
      [{}, 'identifier'],
      [{ identifier: 'Q42', extra: 1 }, 'extra'],
    ] as const) {
      const res = await person.post('/api/v1/sources/lookup', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    expect(standin.requests).toEqual([]);
  });

  it('is for signed-in people only', async () => {
    const anon = await new TestClient(app).start();
    expect((await lookup('10.5555/x', anon as never)).status).toBe(401);
    expect(standin.requests).toEqual([]);
  });
});
