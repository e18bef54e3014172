// BibTeX (written as BibLaTeX, which keeps abstracts, keywords and languages), RIS and CSL-JSON, read and written
// by citation-js. Reading gives CSL-JSON items (csl.ts turns them into records); writing takes records.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import type { ImportFormat, SourceRecord } from '../../../../contracts/sources';
import { recordToCsl, type CslItem } from './csl';

/** What a download of each format is sent as, and its file name's ending. */
export const DOWNLOADS: Record<ImportFormat, { contentType: string; extension: string }> = {
  bibtex: { contentType: 'application/x-bibtex; charset=utf-8', extension: 'bib' },
  ris: { contentType: 'application/x-research-info-systems; charset=utf-8', extension: 'ris' },
  'csl-json': { contentType: 'application/vnd.citationstyles.csl+json; charset=utf-8', extension: 'json' },
};

/** Records as a file of the format; each entry's key is `ldn<id>`. */
export function formatRecords(items: readonly { id: number | string; record: SourceRecord }[], format: ImportFormat) {
  const csl = items.map((i) => recordToCsl(i.record, `ldn${i.id}`));
  if (format === 'csl-json') return `${JSON.stringify(csl, null, 2)}\n`;
  if (!csl.length) return '';
  const cite = new Cite(csl);
  return format === 'bibtex' ? cite.format('biblatex', { format: 'text' }) : cite.format('ris', { format: 'text' });
}

/** The CSL-JSON items a text of the format holds; throws when the text cannot be read at all. */
export function parseEntries(format: ImportFormat, text: string): CslItem[] {
  if (format === 'csl-json') {
    const data: unknown = JSON.parse(text);
    const list = Array.isArray(data) ? data : [data];
    return list.map((d) => (d && typeof d === 'object' ? (d as CslItem) : {}));
  }
  const forced = format === 'bibtex' ? '@biblatex/text' : '@ris/file';
  return new Cite(text, { forceType: forced }).data.map((d) => {
    const { _graph: _dropped, ...item } = d;
    return item;
  });
}
