import { describe, expect, it } from 'vitest';
import { normalizeDoi, normalizeIsbn, normalizeUrl, normalizeWikidata, readLookupIdentifier } from './identifiers';
import { authorsText, firstAuthorKey, textKey } from './keys';
import { recordInput, toRecord } from './schema';

describe('identifiers', () => {
  it('stores an ISBN-10 as its ISBN-13 and refuses a wrong check digit', () => {
    expect(normalizeIsbn('0-306-40615-2')).toBe('9780306406157');
    expect(normalizeIsbn('ISBN 978-0-306-40615-7')).toBe('9780306406157');
    expect(normalizeIsbn('080442957X')).toBe('9780804429573');
    expect(normalizeIsbn('978-0-306-40615-8')).toBeNull();
    expect(normalizeIsbn('0-306-40615-3')).toBeNull();
    expect(normalizeIsbn('1234567890123')).toBeNull();
    expect(normalizeIsbn('not an isbn')).toBeNull();
  });

  it('lower-cases a DOI and drops its resolver', () => {
    expect(normalizeDoi('https://doi.org/10.1000/XYZ123')).toBe('10.1000/xyz123');
    expect(normalizeDoi('doi:10.1038/NPHYS1170')).toBe('10.1038/nphys1170');
    expect(normalizeDoi('http://dx.doi.org/10.1000%2Fabc')).toBe('10.1000/abc');
    expect(normalizeDoi('11.1000/abc')).toBeNull();
    expect(normalizeDoi('10.1000/')).toBeNull();
  });

  it('gives one key to the same page written several ways', () => {
    const key = normalizeUrl('https://Example.org/Guide/')!.key;
    expect(normalizeUrl('HTTPS://EXAMPLE.ORG/Guide#part-2')!.key).toBe(key);
    expect(normalizeUrl('https://example.org/Guide?utm_source=x&utm_medium=y')!.key).toBe(key);
    expect(normalizeUrl('https://example.org/guide')!.key).not.toBe(key);
    expect(normalizeUrl('https://example.org/a?b=1&utm_campaign=z')!.key).toBe('https://example.org/a?b=1');
    expect(normalizeUrl('javascript:alert(1)')).toBeNull();
    expect(normalizeUrl('ftp://example.org/x')).toBeNull();
    expect(normalizeUrl('not a url')).toBeNull();
  });

  it('reads a Wikidata id from an item or its address', () => {
    expect(normalizeWikidata('q42')).toBe('Q42');
    expect(normalizeWikidata('https://www.wikidata.org/wiki/Q42')).toBe('Q42');
    expect(normalizeWikidata('P31')).toBeNull();
    expect(normalizeWikidata('Q0')).toBeNull();
  });

  it('tells what a pasted identifier is', () => {
    expect(readLookupIdentifier(' 10.1000/ABC ')).toEqual({ type: 'doi', value: '10.1000/abc' });
    expect(readLookupIdentifier('0306406152')).toEqual({ type: 'isbn', value: '9780306406157' });
    expect(readLookupIdentifier('Q42')).toEqual({ type: 'wikidata', value: 'Q42' });
    expect(readLookupIdentifier('hello')).toBeNull();
  });
});

describe('duplicate keys', () => {
  it('ignores case, accents and punctuation, in every script', () => {
    expect(textKey('The Art of Facilitation!')).toBe(textKey('the art of  facilitation'));
    expect(textKey('Ngũgĩ')).toBe('ngugi');
    expect(textKey('القيادة: دليل')).toBe('القيادة دليل');
    expect(firstAuthorKey([{ family: 'Müller', given: 'Anna' }])).toBe('muller');
    expect(firstAuthorKey([{ literal: 'World Health Organization' }])).toBe('world health organization');
    expect(firstAuthorKey([])).toBe('');
    expect(authorsText([{ family: 'Lee', given: 'Ana' }, { literal: 'WHO' }])).toBe('Ana Lee; WHO');
  });
});

describe('a record as written', () => {
  const base = {
    kind: 'book',
    title: 'Leading',
    authors: [{ family: 'Lee' }],
    languages: ['en'],
    access: 'open',
    skills: [],
  };

  it('normalizes identifiers and fills what was left out', () => {
    const r = recordInput.parse({ ...base, identifiers: { isbn: '0-306-40615-2', doi: '', url: null } });
    expect(toRecord(r)).toMatchObject({
      identifiers: { isbn: '9780306406157', doi: null, url: null, wikidata: null },
      year: null,
      publisher: null,
      summary: '',
    });
  });

  it('names the field of each mistake', () => {
    const paths = (input: unknown) =>
      recordInput.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(paths({ ...base, identifiers: { isbn: '978-0-306-40615-8' } })).toEqual([
      'identifiers.isbn: sources-isbn-invalid',
    ]);
    expect(paths({ ...base, identifiers: { doi: 'nope' } })).toEqual(['identifiers.doi: sources-doi-invalid']);
    expect(paths({ ...base, languages: ['xx-nope'] })).toEqual(['languages.0: sources-language-unknown']);
    expect(paths({ ...base, kind: 'novel' })[0]).toMatch(/^kind:/);
    expect(paths({ ...base, skills: ['juggling'] })[0]).toMatch(/^skills\.0:/);
    expect(paths({ ...base, authors: [{ given: 'Ana' }] })).toEqual(['authors.0: sources-author-empty']);
    expect(paths({ ...base, colour: 'red' })[0]).toMatch(/colour|^: /);
  });
});
