// Request shapes of the documents (the answers' are in src/contracts/documents.ts).
import { z } from 'zod';
import { isMediaWikiLanguage } from '../../../contracts/mediawiki-languages';
import { SOURCE_LANGUAGE } from '../../../contracts/language-fallbacks';
import { listQuery } from '../../http/pagination';

export { SOURCE_LANGUAGE };

/** A MediaWiki language code (the languages documents are translated into and read in). */
export const languageCode = z.string().max(30).refine(isMediaWikiLanguage, 'documents-language-unknown');
/** A language a translation is saved in: any MediaWiki code but English, the source's. */
export const targetLanguage = languageCode.refine((l) => l !== SOURCE_LANGUAGE, 'documents-language-source');

export const SLUG = /^[a-z0-9][a-z0-9-]{0,59}$/;
const slug = z.string().max(60);
/** Markdown of one unit. */
export const unitText = z.string().trim().min(1, 'validation-required').max(20000);
export const summary = z.string().trim().max(300);
/** A unit id in a path: `T:n`'s n. */
const unitIdParam = z
  .string()
  .regex(/^\d{1,9}$/, 'documents-unit-unknown')
  .transform(Number);
/** A unit id in a body: a decimal string as answers give it (DECISIONS 7), like amendments' `unitIds`; a number is taken too. */
const unitRef = z
  .union([z.string().regex(/^\d{1,9}$/, 'validation-format'), z.number().int().min(0)])
  .transform(Number);
const revisionNumber = z.coerce.number().int().min(1).max(1e9);

export const slugParams = z.object({ slug });
export const unitParams = z.object({ slug, unitId: unitIdParam });
export const translationParams = z.object({ slug, unitId: unitIdParam, lang: targetLanguage });
export const languageParams = z.object({ slug, lang: targetLanguage });

const blank = (v: unknown) => (v === '' ? undefined : v);

export const readQuery = z.object({
  /** The language to read (the interface language by default); missing units fall back along its chain. */
  lang: z.preprocess(blank, languageCode.optional()),
  /** An older revision of the source (the current one by default). */
  revision: z.preprocess(blank, revisionNumber.optional()),
});

export const listDocumentsQuery = z.object({ ...listQuery });
export const revisionsQuery = z.object({ ...listQuery });

export const compareQuery = z.object({
  from: revisionNumber,
  to: revisionNumber,
  lang: z.preprocess(blank, languageCode.optional()),
});

export const createBody = z
  .strictObject({
    slug: z.string().regex(SLUG, 'documents-slug-invalid'),
    title: z.string().trim().min(1, 'validation-required').max(300),
    /** The text in Markdown (markers `<!--T:n-->` keep their ids)… */
    markdown: z.string().max(1_000_000).optional(),
    /** …or a Translate page's wikitext from Meta. */
    wikitext: z.string().max(1_000_000).optional(),
    summary,
  })
  .superRefine((b, ctx) => {
    if ((b.markdown === undefined) === (b.wikitext === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['markdown'], message: 'documents-markdown-or-wikitext' });
    }
  });
export type CreateBody = z.infer<typeof createBody>;

export const patchBody = z.strictObject({
  title: z.string().trim().min(1, 'validation-required').max(300).optional(),
  /** Languages listed first and always shown with a bar. */
  priorityLanguages: z.array(targetLanguage).max(50).optional(),
  summary: summary.optional(),
});
export type PatchBody = z.infer<typeof patchBody>;

export const putUnitBody = z.strictObject({
  text: unitText.optional(),
  /** Move the unit after this one (null: right after the title). */
  after: unitRef.nullable().optional(),
  /** The document revision the editor started from (DECISIONS 9). */
  baseRevision: z.number().int().min(0),
  /** A small fix: translations up to date stay so. */
  minor: z.boolean().optional(),
  summary: summary.optional(),
});
export type PutUnitBody = z.infer<typeof putUnitBody>;

export const addUnitBody = z.strictObject({
  after: unitRef.nullable(),
  text: unitText,
  summary: summary.optional(),
});
export type AddUnitBody = z.infer<typeof addUnitBody>;

export const deleteUnitQuery = z.object({
  baseRevision: z.preprocess(blank, z.coerce.number().int().min(0).optional()),
  summary: summary.optional(),
});

export const putTextBody = z.strictObject({
  /** The whole text, `<!--T:n-->` before each block (what GET …/text gives, or writeMarked writes). */
  markdown: z.string().min(1, 'validation-required').max(1_000_000),
  baseRevision: z.number().int().min(0),
  summary,
  minor: z.boolean().optional(),
});
export type PutTextBody = z.infer<typeof putTextBody>;

export const putTranslationBody = z.strictObject({
  text: unitText,
  /** The translation's own revision the translator started from; 0 when it has none yet. */
  baseRevision: z.number().int().min(0),
  /** The document revision of the source text translated (the unit's current one by default). */
  sourceRevision: z.number().int().min(1).optional(),
});
export type PutTranslationBody = z.infer<typeof putTranslationBody>;
