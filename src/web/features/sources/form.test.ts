// The source form's conversions: a record fills the fields, the fields make the API's body, a 409 names duplicates.
import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '../../../contracts/sources';
import { bodyOf, duplicatesOf, fieldsOf } from './form';

const record: SourceRecord = {
  kind: 'article',
  title: 'Facilitating Volunteer Communities',
  authors: [{ family: 'Okafor', given: 'Ngozi' }, { literal: 'World Health Organization' }],
  year: 2021,
  publisher: 'Journal of Open Communities',
  languages: ['en'],
  identifiers: { isbn: null, doi: '10.5555/x', url: null, wikidata: 'Q42' },
  access: 'paywalled',
  summary: 'A *study*.',
  skills: ['facilitation'],
};

describe('source form', () => {
  it('fills the fields from a record and makes the same record back', () => {
    const fields = fieldsOf(record);
    expect(fields.authors).toEqual([
      { type: 'person', family: 'Okafor', given: 'Ngozi', literal: '' },
      { type: 'organization', family: '', given: '', literal: 'World Health Organization' },
    ]);
    expect(fields.year).toBe('2021');
    expect(bodyOf(fields)).toEqual({
      kind: 'article',
      title: 'Facilitating Volunteer Communities',
      authors: [{ family: 'Okafor', given: 'Ngozi' }, { literal: 'World Health Organization' }],
      year: 2021,
      publisher: 'Journal of Open Communities',
      languages: ['en'],
      identifiers: { doi: '10.5555/x', wikidata: 'Q42' },
      access: 'paywalled',
      summary: 'A *study*.',
      skills: ['facilitation'],
    });
  });

  it('starts empty with one person row, and leaves empty rows out', () => {
    const fields = fieldsOf(null);
    expect(fields.authors).toHaveLength(1);
    fields.title = 'Untitled';
    fields.authors.push({ type: 'person', family: ' ', given: '', literal: '' });
    const body = bodyOf(fields);
    expect(body.authors).toEqual([]);
    expect(body.identifiers).toEqual({});
    // Empty is null, so that an edit clears a year or a publisher.
    expect(body.year).toBeNull();
    expect(body.publisher).toBeNull();
  });

  it('sends a year that is not a number as typed, for the API to name its field', () => {
    const fields = fieldsOf(record);
    fields.year = '20x1';
    expect(bodyOf(fields).year).toBe('20x1');
  });

  it('reads the duplicates of a 409, and nothing else', () => {
    expect(duplicatesOf([{ id: '3', title: 'T', reason: 'doi' }, { nope: 1 }])).toEqual([
      { id: '3', title: 'T', reason: 'doi' },
    ]);
    expect(duplicatesOf(undefined)).toEqual([]);
  });
});
