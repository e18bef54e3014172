// The search's filters read from a query: each malformed value is a 400 naming its parameter (an unknown kind,
// language, skill, judgement, access or sort; a year that is not `YYYY`; `from` after `to`).
import { isMediaWikiLanguage } from '../../../../contracts/mediawiki-languages';
import { isSkill } from '../../../../contracts/skills';
import {
  JUDGEMENTS,
  SOURCE_ACCESS,
  SOURCE_KINDS,
  SOURCE_SORTS,
  type Judgement,
  type SourceAccess,
  type SourceKind,
  type SourceSort,
} from '../../../../contracts/sources';
import { badRequest, type FieldError } from '../../../http/errors';
import type { SourceFilterQuery } from './schema';

/** At most this many words are searched; more are ignored. */
export const MAX_WORDS = 8;

export interface SourceFilters {
  /** Words that must each appear (anywhere, any case) in the title, the authors or the summary. */
  words: string[];
  kind?: SourceKind;
  language?: string;
  skill?: string;
  judgement?: Judgement;
  access?: SourceAccess;
  from?: number;
  to?: number;
  sort: SourceSort;
}

/** The words of a search: split at spaces, each once, at most MAX_WORDS. */
export function wordsOf(q: string | undefined): string[] {
  const words = (q ?? '').trim().split(/\s+/u).filter(Boolean);
  return [...new Set(words.map((w) => w.toLowerCase()))].slice(0, MAX_WORDS);
}

function choice<T extends string>(value: string | undefined, choices: readonly T[]): T | undefined | null {
  if (!value) return undefined;
  return (choices as readonly string[]).includes(value) ? (value as T) : null;
}

export function sourceFiltersOf(q: SourceFilterQuery): SourceFilters {
  const errors: FieldError[] = [];
  const f: SourceFilters = { words: wordsOf(q.q), sort: 'newest' };
  const pick = <T extends string>(field: keyof SourceFilterQuery, choices: readonly T[]) => {
    const v = choice(q[field], choices);
    if (v === null) errors.push({ field, message: 'validation-invalid-choice' });
    return v ?? undefined;
  };
  f.kind = pick('kind', SOURCE_KINDS);
  f.judgement = pick('judgement', JUDGEMENTS);
  f.access = pick('access', SOURCE_ACCESS);
  f.sort = pick('sort', SOURCE_SORTS) ?? 'newest';
  if (q.language) {
    if (isMediaWikiLanguage(q.language)) f.language = q.language;
    else errors.push({ field: 'language', message: 'sources-language-unknown' });
  }
  if (q.skill) {
    if (isSkill(q.skill)) f.skill = q.skill;
    else errors.push({ field: 'skill', message: 'validation-invalid-choice' });
  }
  for (const field of ['from', 'to'] as const) {
    const v = q[field];
    if (!v) continue;
    if (/^\d{4}$/.test(v)) f[field] = Number(v);
    else errors.push({ field, message: 'sources-year-format' });
  }
  if (f.from !== undefined && f.to !== undefined && f.from > f.to) {
    errors.push({ field: 'to', message: 'sources-to-before-from' });
  }
  if (errors.length) throw badRequest(errors);
  // Unset filters are left out, so two queries that mean the same are one kept answer.
  for (const k of Object.keys(f) as (keyof SourceFilters)[]) if (f[k] === undefined) delete f[k];
  return f;
}
