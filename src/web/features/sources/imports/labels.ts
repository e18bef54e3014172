// Message keys of what an import's preview names: the sources' kinds (the source pages' own keys), why an entry
// looks like another, what to do with it, and the record's fields an error names.
export const kindKey = (k: string) => `sources-kind-${k}`;
export const reasonKey = (r: string) => `sources-import-reason-${r}`;

const FIELDS = ['kind', 'title', 'authors', 'year', 'publisher', 'languages', 'identifiers', 'access', 'skills'];

/** "identifiers.doi" → the DOI's label; "authors.0.family" → the authors' label; anything else: the record's. */
export function fieldKey(field: string): string {
  const [head, sub] = field.split('.');
  if (head === 'identifiers' && sub && ['isbn', 'doi', 'url', 'wikidata'].includes(sub))
    return `sources-import-field-${sub}`;
  return head && FIELDS.includes(head) ? `sources-import-field-${head}` : 'sources-import-field-record';
}
