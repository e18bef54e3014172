// A file split into its entries as text, before citation-js reads any of them: so a broken entry spoils only
// itself (the parser stops at the first syntax error of what it is given), the entries can be read a few at a
// time between turns of the event loop, and each entry keeps its place `n` in the file.
import type { ImportFormat } from '../../../../contracts/sources';

/** The entries of a file as texts, and the BibTeX `@string` macros every entry may use. */
export interface SplitFile {
  entries: string[];
  /** `@string{…}` definitions, put before each chunk given to the parser (empty for RIS and CSL-JSON). */
  preamble: string;
}

/** Splitting a 10 MiB file is one pass over it, but it gives the event loop a turn every so often. */
const SLICE_MS = 20;
const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

// An entry starts at an `@` at the start of a line (after spaces): `@book{`, `@string(`, …
const BIBTEX_START = /^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(]/gm;
// A RIS record ends at its `ER  -` line.
const RIS_END = /^ER {2}-.*$/gm;

async function splitBibtex(text: string): Promise<SplitFile> {
  const starts: { at: number; type: string }[] = [];
  let started = performance.now();
  for (let m = BIBTEX_START.exec(text); m; m = BIBTEX_START.exec(text)) {
    starts.push({ at: m.index, type: (m[1] ?? '').toLowerCase() });
    if (starts.length % 500 === 0 && performance.now() - started > SLICE_MS) {
      const resumeAt = BIBTEX_START.lastIndex;
      await yieldTurn();
      BIBTEX_START.lastIndex = resumeAt;
      started = performance.now();
    }
  }
  BIBTEX_START.lastIndex = 0;
  const entries: string[] = [];
  const macros: string[] = [];
  starts.forEach((s, i) => {
    const chunk = text.slice(s.at, starts[i + 1]?.at ?? text.length).trim();
    if (s.type === 'string') macros.push(chunk);
    else if (s.type !== 'comment' && s.type !== 'preamble') entries.push(chunk);
  });
  return { entries, preamble: macros.length ? `${macros.join('\n')}\n` : '' };
}

async function splitRis(text: string): Promise<SplitFile> {
  const entries: string[] = [];
  let from = 0;
  let started = performance.now();
  for (let m = RIS_END.exec(text); m; m = RIS_END.exec(text)) {
    const end = m.index + m[0].length;
    const record = text.slice(from, end).trim();
    if (/^TY {2}-/m.test(record)) entries.push(record);
    from = end;
    if (entries.length % 500 === 0 && performance.now() - started > SLICE_MS) {
      const resumeAt = RIS_END.lastIndex;
      await yieldTurn();
      RIS_END.lastIndex = resumeAt;
      started = performance.now();
    }
  }
  RIS_END.lastIndex = 0;
  // A last record without its ER line is still an entry (it will be read, or get its own error).
  const rest = text.slice(from).trim();
  if (/^TY {2}-/m.test(rest)) entries.push(rest);
  return { entries, preamble: '' };
}

/**
 * The entries of a BibTeX or RIS file as texts; for CSL-JSON, each item of the array as JSON text. Throws when
 * a CSL-JSON file is not JSON (the file cannot be read at all).
 */
export async function splitFile(format: ImportFormat, text: string): Promise<SplitFile> {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (format === 'bibtex') return splitBibtex(body);
  if (format === 'ris') return splitRis(body);
  const data: unknown = JSON.parse(body);
  const list = Array.isArray(data) ? data : [data];
  return { entries: list.map((item) => JSON.stringify(item ?? null)), preamble: '' };
}
