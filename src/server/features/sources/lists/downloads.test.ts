// A reading list downloaded as BibTeX, RIS or CSL-JSON and read back gives the list's records, in its order.
import { describe, expect, it } from 'vitest';
import { IMPORT_FORMATS, type SourceRecord } from '../../../../contracts/sources';
import { TestClient } from '../../../testing/client';
import { testApp, unique } from '../../../testing/harness';
import { someone } from '../../initiatives/testing';
import { cslToRecordInput } from '../exchange/csl';
import { DOWNLOADS, parseEntries } from '../exchange/formats';
import { recordInput, toRecord } from '../schema';
import { RECORD, sourceRow } from './testing';

const records: SourceRecord[] = [
  {
    ...RECORD,
    title: 'Leading together: Ü & more',
    authors: [{ family: 'Müller', given: 'Anna' }, { literal: 'World Health Organization' }],
    year: 2020,
    languages: ['en', 'ar'],
    identifiers: { isbn: '9780306406157', doi: null, url: 'https://example.org/a', wikidata: 'Q42' },
    access: 'paywalled',
    skills: ['public_speaking', 'facilitation'],
  },
  {
    ...RECORD,
    kind: 'article',
    title: 'On trust',
    authors: [{ family: 'Okafor', given: 'Chidi' }],
    publisher: 'Journal of Leading',
    year: 2019,
    languages: [],
    identifiers: { isbn: null, doi: `10.5555/${Date.now()}`, url: null, wikidata: null },
    access: 'open',
    summary: '',
    skills: [],
  },
];

describe('a reading list downloaded', () => {
  it('gives back its records in order in every format', async () => {
    const app = await testApp();
    const owner = await someone(app, 'rldl');
    // Identifiers are unique: the first record's are made unique to this run.
    const unique1 = {
      ...records[0]!,
      identifiers: {
        ...records[0]!.identifiers,
        isbn: null,
        url: `https://example.org/${unique('a')}`,
        wikidata: null,
      },
    };
    const wanted = [records[1]!, unique1];
    const ids = [];
    for (const r of wanted) ids.push(await sourceRow(app, r));
    const l = await owner.post('/api/v1/reading-lists', { title: 'Downloaded' });
    const put = await owner.put(`/api/v1/reading-lists/${l.body.id}/items`, {
      items: ids.map((id) => ({ source: String(id) })),
    });
    expect(put.status, put.text).toBe(200);
    const anon = await new TestClient(app).start();
    for (const format of IMPORT_FORMATS) {
      const { extension, contentType } = DOWNLOADS[format];
      const res = await anon.get(`/reading-lists/${l.body.id}/export.${extension}`);
      expect(res.status, res.text).toBe(200);
      expect(res.headers['content-type']).toBe(contentType);
      expect(res.headers['content-disposition']).toContain(`reading-list-${l.body.id}.${extension}`);
      const back = parseEntries(format, res.text).map((item) => toRecord(recordInput.parse(cslToRecordInput(item))));
      expect(back).toEqual(wanted);
    }
    expect((await anon.get('/reading-lists/999999999/export.bib')).status).toBe(404);
  });
});
