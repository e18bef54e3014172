// How to cite a source: a formatted reference (CSL's APA style, by citation-js) and the wiki template people paste
// into an article ({{cite book}}, {{cite journal}} or {{cite web}}, with the parameters English Wikipedia's
// citation templates document). Template values never break the template: a `|` becomes {{!}}, braces and
// brackets, signatures (~~~), quote markup ('') and behaviour switches (__) are escaped as HTML entities, line
// breaks become spaces.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { SourceRecord } from '../../../../contracts/sources';
import { recordToCsl } from './csl';

/** The reference as text, APA style, in English (the style's own punctuation and words). */
export function citationText(record: SourceRecord): string {
  return new Cite([recordToCsl(record, 'source')])
    .format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' })
    .trim();
}

const TEMPLATE: Record<SourceRecord['kind'], 'cite book' | 'cite journal' | 'cite web'> = {
  book: 'cite book',
  chapter: 'cite book',
  article: 'cite journal',
  paper: 'cite journal',
  talk: 'cite web',
  video: 'cite web',
  podcast: 'cite web',
  course: 'cite web',
  toolkit: 'cite web',
  website: 'cite web',
};

/** A value safe inside a template parameter. */
const escapeValue = (v: string) =>
  v
    .replace(/[\r\n]+/g, ' ')
    .replace(/\{/g, '&#123;')
    .replace(/\}/g, '&#125;')
    .replace(/\[/g, '&#91;')
    .replace(/\]/g, '&#93;')
    .replace(/</g, '&lt;')
    .replace(/\|/g, '{{!}}')
    // Signatures (~~~~), bold and italic quotes and behaviour switches (__TOC__) would act inside a template.
    .replace(/~{3,}/g, (m) => '&#126;'.repeat(m.length))
    .replace(/''/g, '&#39;&#39;')
    .replace(/__/g, '&#95;&#95;')
    .trim();

/** The citation template for a record, on one line. */
export function citeTemplate(record: SourceRecord): string {
  const name = TEMPLATE[record.kind];
  const params: [string, string][] = [];
  record.authors.forEach((a, i) => {
    const n = i + 1;
    if (a.literal) params.push([`author${n}`, a.literal]);
    else {
      if (a.family) params.push([`last${n}`, a.family]);
      if (a.given) params.push([`first${n}`, a.given]);
    }
  });
  params.push(['title', record.title]);
  if (record.kind === 'chapter') params.splice(params.length - 1, 1, ['chapter', record.title]);
  if (record.publisher) {
    const venue = name === 'cite journal' ? 'journal' : name === 'cite web' ? 'website' : 'publisher';
    params.push([venue, record.publisher]);
  }
  if (record.year !== null) params.push(['year', String(record.year)]);
  if (record.identifiers.isbn) params.push(['isbn', record.identifiers.isbn]);
  if (record.identifiers.doi) params.push(['doi', record.identifiers.doi]);
  if (record.identifiers.url) params.push(['url', record.identifiers.url]);
  if (record.languages[0]) params.push(['language', record.languages.join(', ')]);
  if (record.access !== 'open')
    params.push([
      record.identifiers.url ? 'url-access' : 'access',
      record.access === 'paywalled' ? 'subscription' : 'registration',
    ]);
  const body = params
    .filter(([, v]) => v.trim() !== '')
    .map(([k, v]) => ` |${k}=${escapeValue(v)}`)
    .join('');
  return `{{${name}${body}}}`;
}

/** Both, for a source's page. */
export const citationOf = (record: SourceRecord) => ({ text: citationText(record), wikitext: citeTemplate(record) });
