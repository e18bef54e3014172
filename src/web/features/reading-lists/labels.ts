// Message keys the reading lists share with the source pages (judgements and kinds are the sources' own).
export const judgementKey = (j: string) => `sources-judgement-${j.replace('_', '-')}`;
export const exportFormats = [
  { ext: 'bib', key: 'reading-lists-export-bibtex' },
  { ext: 'ris', key: 'reading-lists-export-ris' },
  { ext: 'json', key: 'reading-lists-export-csl' },
] as const;
