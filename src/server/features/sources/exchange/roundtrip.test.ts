import { describe, expect, it } from 'vitest';
import { IMPORT_FORMATS, type SourceRecord } from '../../../../contracts/sources';
import { recordInput, toRecord } from '../schema';
import { citationOf } from './cite';
import { cslToRecordInput } from './csl';
import { formatRecords, parseEntries } from './formats';

const book: SourceRecord = {
  kind: 'book',
  title: 'Leading | together: Ü & more',
  authors: [{ family: 'Müller', given: 'Anna' }, { literal: 'World Health Organization' }],
  year: 2020,
  publisher: 'WHO Press',
  languages: ['en', 'ar'],
  identifiers: { isbn: '9780306406157', doi: null, url: 'https://example.org/a', wikidata: 'Q42' },
  access: 'paywalled',
  summary: 'A *book* about leading.',
  skills: ['public_speaking', 'facilitation'],
};
const toolkit: SourceRecord = {
  ...book,
  kind: 'toolkit',
  title: 'Workshop kit',
  authors: [{ family: 'Okafor', given: 'Chidi' }],
  year: null,
  publisher: null,
  languages: [],
  identifiers: { isbn: null, doi: '10.1000/xyz-123', url: null, wikidata: null },
  access: 'open',
  summary: '',
  skills: [],
};
const article: SourceRecord = {
  ...toolkit,
  kind: 'article',
  title: 'On trust',
  publisher: 'Journal of Leading',
  year: 2019,
};

describe('export then import', () => {
  for (const format of IMPORT_FORMATS) {
    it(`gives the same records in ${format}`, () => {
      const text = formatRecords(
        [book, toolkit, article].map((record, i) => ({ id: i + 1, record })),
        format,
      );
      const back = parseEntries(format, text).map((item) => toRecord(recordInput.parse(cslToRecordInput(item))));
      expect(back).toEqual([book, toolkit, article]);
    });
  }
});

describe('how to cite', () => {
  it('formats a reference and a template whose values cannot break it', () => {
    const c = citationOf(book);
    expect(c.text).toContain('Müller, A.');
    expect(c.text).toContain('(2020)');
    expect(c.wikitext).toMatch(/^\{\{cite book \|last1=Müller \|first1=Anna \|author2=World Health Organization /);
    expect(c.wikitext).toContain('|title=Leading {{!}} together: Ü & more');
    expect(c.wikitext).toContain('|isbn=9780306406157');
    expect(citationOf(article).wikitext).toMatch(/^\{\{cite journal .*\|journal=Journal of Leading/);
    expect(citationOf({ ...toolkit, kind: 'website' }).wikitext).toMatch(/^\{\{cite web /);
    const tricky = citationOf({ ...toolkit, title: "Sign ~~~~ ''here'' __NOTOC__ [[Link]] {{x}}" }).wikitext;
    expect(tricky).toContain(
      '|title=Sign &#126;&#126;&#126;&#126; &#39;&#39;here&#39;&#39; &#95;&#95;NOTOC&#95;&#95; &#91;&#91;Link&#93;&#93; &#123;&#123;x&#125;&#125;',
    );
  });
});
