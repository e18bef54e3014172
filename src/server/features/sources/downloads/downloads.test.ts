// Downloads of sources at page addresses: a search's download holds exactly its matches, `ids=` gives those
// sources in that order, bad or too many ids are a 400 naming `ids`, and what is written reads back the same.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TestClient } from '../../../testing/client';
import { testApp, unique } from '../../../testing/harness';
import { cslToRecordInput } from '../exchange/csl';
import { parseEntries } from '../exchange/formats';
import { matchingRecords } from '../search';
import { insertSources } from '../search/testing';

let app: FastifyInstance;
let anon: TestClient;
beforeAll(async () => {
  app = await testApp();
  anon = new TestClient(app);
});

describe('GET /sources/export.*', () => {
  it('downloads exactly what the search shows, in its order, as CSL-JSON, BibTeX and RIS', async () => {
    const m = unique('dl');
    const [a, b, c] = await insertSources(app, [
      { title: `${m} Facilitating groups`, kind: 'book', authors: [{ family: 'Kaner', given: 'Sam' }], year: 2014 },
      { title: `${m} Speaking up`, kind: 'talk', year: 2020, summary: 'A keynote.' },
      { title: `${m} Other`, kind: 'article', year: 2001 },
    ]);
    const search = await anon.get(`/api/v1/sources?q=${m}&from=2010`);
    expect(search.body.items.map((i: { id: string }) => i.id)).toEqual([String(b), String(a)]);

    const json = await anon.get(`/sources/export.json?q=${m}&from=2010`);
    expect(json.status, json.text).toBe(200);
    expect(json.headers['content-type']).toBe('application/vnd.citationstyles.csl+json; charset=utf-8');
    expect(json.headers['content-disposition']).toBe('attachment; filename="sources.json"');
    expect(json.headers['x-ldn-export-count']).toBe('2');
    expect(json.headers['x-ldn-export-limit']).toBeUndefined();
    expect(json.body.map((i: { id: string; title: string }) => [i.id, i.title])).toEqual([
      [`ldn${b}`, `${m} Speaking up`],
      [`ldn${a}`, `${m} Facilitating groups`],
    ]);
    expect(json.text).not.toContain(`ldn${c}`);

    const bib = await anon.get(`/sources/export.bib?q=${m}&from=2010`);
    expect(bib.status).toBe(200);
    expect(bib.headers['content-disposition']).toBe('attachment; filename="sources.bib"');
    expect(bib.headers['content-type']).toBe('application/x-bibtex; charset=utf-8');
    const read = parseEntries('bibtex', bib.text).map((e) => cslToRecordInput(e).title);
    expect(read).toEqual([`${m} Speaking up`, `${m} Facilitating groups`]);

    const ris = await anon.get(`/sources/export.ris?q=${m}&from=2010`);
    expect(ris.status).toBe(200);
    expect(ris.headers['content-disposition']).toBe('attachment; filename="sources.ris"');
    expect(parseEntries('ris', ris.text)).toHaveLength(2);
  });

  it('downloads the sources named by ids, in that order, leaving out ids of no source', async () => {
    const m = unique('di');
    const [a, b, c] = await insertSources(app, [{ title: `${m} a` }, { title: `${m} b` }, { title: `${m} c` }]);
    const res = await anon.get(`/sources/export.json?ids=${c},${a},999999999,${c}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.map((i: { title: string }) => i.title)).toEqual([`${m} c`, `${m} a`]);
    expect(res.text).not.toContain(`ldn${b}"`);
  });

  it('cuts a search longer than a download holds, and says so', async () => {
    const m = unique('dc');
    await insertSources(app, [{ title: `${m} 1` }, { title: `${m} 2` }, { title: `${m} 3` }]);
    const cut = await matchingRecords(app.db, { q: m }, 2);
    expect(cut.more).toBe(true);
    expect(cut.items.map((i) => i.record.title)).toEqual([`${m} 3`, `${m} 2`]);
    expect((await matchingRecords(app.db, { q: m }, 3)).more).toBe(false);
  });

  it('refuses bad ids, too many ids and bad filters with a 400 naming the field', async () => {
    const many = Array.from({ length: 1001 }, (_, n) => n + 1).join(',');
    for (const [query, field] of [
      ['ids=1,x', 'ids'],
      ['ids=', 'ids'],
      ['ids=1,,2', 'ids'],
      ['ids=-3', 'ids'],
      [`ids=${many}`, 'ids'],
      ['kind=novel', 'kind'],
      ['from=2020&to=2000', 'to'],
    ]) {
      const res = await anon.get(`/sources/export.bib?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(
        res.body.errors.map((e: { field: string }) => e.field),
        query,
      ).toEqual([field]);
    }
  });
});
