// A source's record as people write it (the add and edit forms, a lookup's answer, an import's entries): one set
// of rules, so an imported entry is refused for the same reasons as a typed one. Identifiers arrive as written and
// leave normalized (identifiers.ts); a bad one is a 400 naming its field (`identifiers.isbn`, …).
import { z } from 'zod';
import { isMediaWikiLanguage } from '../../../contracts/mediawiki-languages';
import { SKILLS } from '../../../contracts/skills';
import { SOURCE_ACCESS, SOURCE_KINDS, type SourceRecord } from '../../../contracts/sources';
import { normalizeDoi, normalizeIsbn, normalizeUrl, normalizeWikidata } from './identifiers';

const unique = <T>(items: T[]) => new Set(items).size === items.length;
const name = z.string().trim().min(1, 'validation-required').max(200);

/** One author: a person's family name (with given names, optional), or an organization's name as `literal`. */
export const authorInput = z
  .strictObject({ family: name.optional(), given: name.optional(), literal: name.optional() })
  .refine((a) => !!a.family || !!a.literal, 'sources-author-empty')
  .refine((a) => !(a.literal && (a.family || a.given)), 'sources-author-both');

/** An identifier field: blank or null is none; otherwise it must normalize, else the field's own message. */
function identifier(normalize: (s: string) => string | null, message: string) {
  return z
    .string()
    .max(2000)
    .nullable()
    .optional()
    .transform((v, ctx) => {
      if (v === null || v === undefined || v.trim() === '') return null;
      const n = normalize(v);
      if (n === null) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return n;
    });
}

export const identifiersInput = z.strictObject({
  isbn: identifier(normalizeIsbn, 'sources-isbn-invalid'),
  doi: identifier(normalizeDoi, 'sources-doi-invalid'),
  url: identifier((s) => normalizeUrl(s)?.url ?? null, 'sources-url-invalid'),
  wikidata: identifier(normalizeWikidata, 'sources-wikidata-invalid'),
});

export const recordFields = {
  kind: z.enum(SOURCE_KINDS),
  title: z.string().trim().min(1, 'validation-required').max(500),
  authors: z.array(authorInput).max(100),
  year: z.number().int().min(-3000).max(3000).nullable().optional(),
  publisher: z.string().trim().max(300).nullable().optional(),
  languages: z
    .array(z.string().max(30).refine(isMediaWikiLanguage, 'sources-language-unknown'))
    .max(20)
    .refine(unique, 'sources-duplicates'),
  identifiers: identifiersInput.optional(),
  access: z.enum(SOURCE_ACCESS),
  summary: z.string().trim().max(20000).optional(),
  skills: z.array(z.enum(SKILLS)).max(15).refine(unique, 'sources-duplicates'),
};

/** A record as typed or imported. */
export const recordInput = z.strictObject(recordFields);
export type RecordInput = z.infer<typeof recordInput>;

/** The record as kept (every field present, identifiers normalized). */
export function toRecord(input: RecordInput): SourceRecord {
  return {
    kind: input.kind,
    title: input.title,
    authors: input.authors.map((a) => ({
      ...(a.family ? { family: a.family } : {}),
      ...(a.given ? { given: a.given } : {}),
      ...(a.literal ? { literal: a.literal } : {}),
    })),
    year: input.year ?? null,
    publisher: input.publisher && input.publisher.length > 0 ? input.publisher : null,
    languages: input.languages,
    identifiers: {
      isbn: input.identifiers?.isbn ?? null,
      doi: input.identifiers?.doi ?? null,
      url: input.identifiers?.url ?? null,
      wikidata: input.identifiers?.wikidata ?? null,
    },
    access: input.access,
    summary: input.summary ?? '',
    skills: input.skills,
  };
}
