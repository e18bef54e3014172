// A source row of the search as a list item, and as the record the downloads write.
import type { SourceListItem, SourceRecord } from '../../../../contracts/sources';
import type { SourceRow } from './repo';

export function presentListItem(r: SourceRow): SourceListItem {
  const j = r.judgement_counts;
  return {
    id: String(r.id),
    kind: r.kind,
    title: r.title,
    authors: r.authors,
    year: r.year,
    languages: r.languages,
    access: r.access,
    judgements: {
      reliable: j.reliable ?? 0,
      mixed: j.mixed ?? 0,
      unreliable: j.unreliable ?? 0,
      not_sure: j.not_sure ?? 0,
    },
    judgement: r.judgement,
    reviews: r.review_count,
    usedBy: r.used_count,
  };
}

export function recordOf(r: SourceRow): SourceRecord {
  return {
    kind: r.kind,
    title: r.title,
    authors: r.authors,
    year: r.year,
    publisher: r.publisher,
    languages: r.languages,
    identifiers: { isbn: r.isbn, doi: r.doi, url: r.url, wikidata: r.wikidata },
    access: r.access,
    summary: r.summary,
    skills: r.skills,
  };
}
