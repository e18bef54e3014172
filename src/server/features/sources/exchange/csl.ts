// A source's record and CSL-JSON, both ways: CSL-JSON is what citation-js reads from BibTeX, RIS and Zotero's
// exports and writes back to them, so every import and export goes through these two functions. Fields that
// CSL has no place for travel where the formats keep them: the summary as `abstract`, skills and a non-open
// access as keywords (`public_speaking`, `access:paywalled`), a Wikidata id in the note (`wikidata: Q42`), a
// course or toolkit as a `document` with that genre. So an export imported again gives the same records.
import { MEDIAWIKI_LANGUAGES, isMediaWikiLanguage } from '../../../../contracts/mediawiki-languages';
import { SKILLS } from '../../../../contracts/skills';
import { SOURCE_ACCESS, type SourceAuthor, type SourceKind, type SourceRecord } from '../../../../contracts/sources';

export type CslItem = Record<string, unknown>;

const KIND_TO_CSL: Record<SourceKind, string> = {
  book: 'book',
  chapter: 'chapter',
  article: 'article-journal',
  paper: 'paper-conference',
  talk: 'speech',
  video: 'motion_picture',
  podcast: 'broadcast',
  course: 'document',
  toolkit: 'document',
  website: 'webpage',
};

const CSL_TO_KIND: Record<string, SourceKind> = {
  book: 'book',
  chapter: 'chapter',
  'article-journal': 'article',
  'article-magazine': 'article',
  'article-newspaper': 'article',
  article: 'article',
  review: 'article',
  'review-book': 'article',
  'entry-encyclopedia': 'article',
  'entry-dictionary': 'article',
  'paper-conference': 'paper',
  report: 'paper',
  thesis: 'paper',
  manuscript: 'paper',
  speech: 'talk',
  interview: 'talk',
  motion_picture: 'video',
  broadcast: 'podcast',
  song: 'podcast',
  webpage: 'website',
  'post-weblog': 'website',
  post: 'website',
  software: 'toolkit',
  dataset: 'toolkit',
};

/** Articles, chapters and papers name their venue (journal, book, conference); the rest their publisher. */
const HAS_VENUE = new Set<SourceKind>(['article', 'chapter', 'paper']);

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

// English language names ("english", "French") to codes, for BibLaTeX's `langid` and RIS's `LA`.
let namesToCodes: Map<string, string> | null = null;
function languageCode(value: string): string | null {
  const v = value.trim();
  const lower = v.toLowerCase().replace(/_/g, '-');
  if (isMediaWikiLanguage(lower)) return lower;
  const primary = lower.split('-')[0] ?? '';
  if (isMediaWikiLanguage(primary)) return primary;
  // Library catalogues write ISO 639-2 codes (`eng`, `fre`, `ger`): the locale's canonical form is the short code.
  try {
    const canonical = Intl.getCanonicalLocales(primary)[0]?.toLowerCase();
    if (canonical && isMediaWikiLanguage(canonical)) return canonical;
  } catch {
    // Not a language tag: perhaps a language's name, below.
  }
  if (!namesToCodes) {
    namesToCodes = new Map();
    const names = new Intl.DisplayNames(['en'], { type: 'language' });
    for (const code of MEDIAWIKI_LANGUAGES) {
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        // Some MediaWiki codes are not BCP 47 tags (`be-x-old`, `map-bms`): they have no English name here.
      }
      if (name && !namesToCodes.has(name.toLowerCase())) namesToCodes.set(name.toLowerCase(), code);
    }
    namesToCodes.set('american', 'en').set('british', 'en').set('ngerman', 'de').set('brazil', 'pt-br');
  }
  return namesToCodes.get(lower) ?? null;
}

function authorFromCsl(a: Record<string, unknown>): SourceAuthor {
  const literal = str(a.literal);
  if (literal) return { literal };
  const family = [str(a['non-dropping-particle']), str(a.family)].filter(Boolean).join(' ') || undefined;
  const given = str(a.given);
  // A name without given names is an organization's ("{World Health Organization}" in BibTeX).
  if (family && !given) return { literal: family };
  if (!family && given) return { literal: given };
  return { ...(family ? { family } : {}), ...(given ? { given } : {}) };
}

function yearOf(issued: unknown): number | null {
  if (!issued || typeof issued !== 'object') return null;
  const parts = (issued as { 'date-parts'?: unknown[][] })['date-parts'];
  const first = Array.isArray(parts) && Array.isArray(parts[0]) ? Number(parts[0][0]) : NaN;
  if (Number.isInteger(first)) return first;
  const raw = str((issued as { raw?: unknown }).raw) ?? str((issued as { literal?: unknown }).literal);
  const m = raw ? /-?\d{1,4}/.exec(raw) : null;
  return m ? Number(m[0]) : null;
}

const keywordsOf = (item: CslItem): string[] =>
  (str(item.keyword) ?? '')
    .split(/[,;]/)
    .map((k) => k.trim())
    .filter((k) => k.length > 0);

/**
 * What a CSL-JSON item says, as a record body for the sources' schema (recordInput): the schema checks it and
 * names each field's mistake, so a bad entry is refused for the same reasons as a typed one. Values kept as
 * written (identifiers included): normalizing them is the schema's work.
 */
export function cslToRecordInput(item: CslItem): Record<string, unknown> {
  const type = str(item.type) ?? '';
  const genre = str(item.genre)?.toLowerCase();
  let kind: SourceKind =
    type === 'document' && (genre === 'course' || genre === 'toolkit')
      ? genre
      : (CSL_TO_KIND[type] ?? (str(item['container-title']) ? 'article' : str(item.URL) ? 'website' : 'book'));
  if (type === 'document' && !genre) kind = 'toolkit';
  const authors = (Array.isArray(item.author) ? item.author : Array.isArray(item.editor) ? item.editor : [])
    .filter((a): a is Record<string, unknown> => !!a && typeof a === 'object')
    .map(authorFromCsl)
    .filter((a) => a.literal || a.family);
  const keywords = keywordsOf(item);
  const skills = keywords.filter((k) => (SKILLS as readonly string[]).includes(k));
  const access = keywords
    .map((k) => /^access:(\w+)$/.exec(k)?.[1])
    .find((a) => a && (SOURCE_ACCESS as readonly string[]).includes(a));
  const language = str(item.language);
  const languages = language
    ? [...new Set(language.split(/[,;]/).map((l) => languageCode(l) ?? l.trim()))].filter((l) => l.length > 0)
    : [];
  const wikidata = /\bwikidata:\s*(Q\d+)/i.exec(str(item.note) ?? '')?.[1];
  const isbn = (str(item.ISBN) ?? '').split(/[\s,;]+/)[0];
  const venue = HAS_VENUE.has(kind) ? (str(item['container-title']) ?? str(item.publisher)) : str(item.publisher);
  return {
    kind,
    title: str(item.title) ?? '',
    authors,
    year: yearOf(item.issued),
    publisher: venue ?? null,
    languages,
    identifiers: {
      isbn: isbn || null,
      doi: str(item.DOI) ?? null,
      url: str(item.URL) ?? null,
      wikidata: wikidata ?? null,
    },
    access: access ?? 'open',
    summary: str(item.abstract) ?? '',
    skills,
  };
}

/** A record as a CSL-JSON item with the given id (a citation key). */
export function recordToCsl(record: SourceRecord, id: string): CslItem {
  const keywords = [...record.skills, ...(record.access === 'open' ? [] : [`access:${record.access}`])];
  const item: CslItem = {
    id,
    type: KIND_TO_CSL[record.kind],
    title: record.title,
    author: record.authors.map((a) => (a.literal ? { literal: a.literal } : { family: a.family, given: a.given })),
  };
  if (record.kind === 'course' || record.kind === 'toolkit') item.genre = record.kind;
  if (record.year !== null) item.issued = { 'date-parts': [[record.year]] };
  if (record.publisher) item[HAS_VENUE.has(record.kind) ? 'container-title' : 'publisher'] = record.publisher;
  if (record.languages.length) item.language = record.languages.join(', ');
  if (record.identifiers.isbn) item.ISBN = record.identifiers.isbn;
  if (record.identifiers.doi) item.DOI = record.identifiers.doi;
  if (record.identifiers.url) item.URL = record.identifiers.url;
  if (record.identifiers.wikidata) item.note = `wikidata: ${record.identifiers.wikidata}`;
  if (record.summary) item.abstract = record.summary;
  if (keywords.length) item.keyword = keywords.join(', ');
  return item;
}
