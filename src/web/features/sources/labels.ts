// Message keys of the sources' vocabularies (kinds, access, judgements, sorts) and the identifiers' addresses.
import { JUDGEMENTS } from '../../../contracts/sources';

export { JUDGEMENTS, SOURCE_ACCESS, SOURCE_KINDS, SOURCE_SORTS, authorLine } from '../../../contracts/sources';

export const kindKey = (k: string) => `sources-kind-${k}`;
export const accessKey = (a: string) => `sources-access-${a}`;
export const judgementKey = (j: string) => `sources-judgement-${j.replace('_', '-')}`;
export const sortKey = (s: string) => `sources-sort-${s}`;

/** The rows of a judgements' spread (SpreadBars), every judgement in order, with its count (0 when none). */
export const judgementRows = (t: (key: string) => string, counts: Partial<Record<string, number>>) =>
  JUDGEMENTS.map((j) => ({ key: j, label: t(judgementKey(j)), count: counts[j] ?? 0 }));

/** Usefulness from 1 to 5, as the review form offers it and the spread counts it. */
export const USEFULNESS = ['1', '2', '3', '4', '5'] as const;

export const doiUrl = (doi: string) => `https://doi.org/${doi}`;
export const isbnUrl = (isbn: string) =>
  `https://en.wikipedia.org/wiki/Special:BookSources/${encodeURIComponent(isbn)}`;
/** Only http(s) addresses become links: a stored URL is normalized, but a link must never run script. */
export const safeUrl = (url: string) => (/^https?:\/\//i.test(url) ? url : null);
