// A source as lists show it (a reading list's items; the shape of the sources' list): its record's headline
// and the counts the database keeps. The kept judgement counts name only judgements some review gave
// ({"reliable": 2}); answers name all four (DECISIONS 8), zeros filled in.
import { JUDGEMENTS, type JudgementCounts, type SourceListItem } from '../../../contracts/sources';
import type { SourceRow } from './records-of-rows';

/** The columns it reads. */
export type ListItemColumns = Pick<
  SourceRow,
  | 'id'
  | 'kind'
  | 'title'
  | 'authors'
  | 'year'
  | 'languages'
  | 'access'
  | 'judgement_counts'
  | 'judgement'
  | 'review_count'
  | 'used_count'
>;

/** The counts the database keeps on the sources aliased `s`, for queries whose rows are presented as list items. */
export const KEPT_COUNTS = ['s.judgement_counts', 's.judgement', 's.review_count', 's.used_count'] as const;

export function judgementsOf(kept: Partial<Record<keyof JudgementCounts, number>>): JudgementCounts {
  return Object.fromEntries(JUDGEMENTS.map((j) => [j, Number(kept[j] ?? 0)])) as JudgementCounts;
}

export function presentSourceListItem(row: ListItemColumns): SourceListItem {
  return {
    id: String(row.id),
    kind: row.kind,
    title: row.title,
    authors: row.authors,
    year: row.year,
    languages: row.languages,
    access: row.access,
    judgements: judgementsOf(row.judgement_counts),
    judgement: row.judgement,
    reviews: row.review_count,
    usedBy: row.used_count,
  };
}
