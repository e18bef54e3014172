// A looked-up record checked by the same schema as a typed one (schema.ts), but leniently: what a catalogue
// gives that the schema refuses (a malformed ISBN, an unknown language, an author without a family name, a title
// too long) is dropped or emptied, so the lookup still fills whatever it can and the person completes the rest.
import type { SourceRecord } from '../../../../contracts/sources';
import { recordInput, toRecord } from '../schema';

type Raw = Record<string, unknown>;

/** The schema's limits on lists: a longer list is cut rather than refused. */
const MAX_ITEMS: Record<string, number> = { authors: 100, languages: 20, skills: 15 };
const cut = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : v);

/** What replaces a top-level field the schema refuses. */
const FALLBACK: Raw = {
  kind: 'book',
  authors: [],
  year: null,
  publisher: null,
  languages: [],
  identifiers: {},
  access: 'open',
  summary: '',
  skills: [],
};

function drop(input: Raw, path: PropertyKey[]): void {
  const [top, second] = path;
  if (typeof top !== 'string') return;
  const value = input[top];
  if (Array.isArray(value) && typeof second === 'number') {
    // An element the schema refused (an author, a language): left out; later issues name later indexes.
    value[second] = undefined;
    return;
  }
  if (top === 'identifiers' && typeof second === 'string' && value && typeof value === 'object') {
    (value as Raw)[second] = null;
    return;
  }
  if (top in FALLBACK) input[top] = FALLBACK[top];
  else delete input[top];
}

/** The record a lookup fills: every field the schema accepts, the others emptied. Title '' when none was found. */
export function lenientRecord(raw: Raw): SourceRecord {
  const title = typeof raw.title === 'string' ? raw.title.trim().slice(0, 500) : '';
  // The schema wants a title; a lookup without one still fills the other fields, and the form asks for it.
  const input: Raw = {
    ...raw,
    title: title || '-',
    publisher: cut(raw.publisher, 300),
    summary: cut(raw.summary, 20000),
  };
  for (const [k, max] of Object.entries(MAX_ITEMS)) if (Array.isArray(input[k])) input[k] = input[k].slice(0, max);
  for (let round = 0; round < 5; round++) {
    const parsed = recordInput.safeParse(input);
    if (parsed.success) return { ...toRecord(parsed.data), title };
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
        for (const k of issue.keys) delete input[k];
      } else drop(input, issue.path);
    }
    for (const [k, v] of Object.entries(input)) {
      if (Array.isArray(v)) input[k] = [...new Set(v.filter((e) => e !== undefined))].slice(0, MAX_ITEMS[k] ?? 100);
    }
  }
  return { ...toRecord(recordInput.parse({ ...FALLBACK, title: title || '-' })), title };
}
