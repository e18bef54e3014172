// Request shapes of the guides (the answers' are in src/contracts/guides.ts).
import { z } from 'zod';
import { listQuery } from '../../http/pagination';
import { isMediaWikiLanguage } from '../../../contracts/mediawiki-languages';

/** The language English guides are written in, and that readers fall back to. */
export const SOURCE_LANGUAGE = 'en';

export const languageCode = z.string().max(30).refine(isMediaWikiLanguage, 'guides-language-unknown');

/** A checklist item's key: short, lower-case, stable across edits and languages. */
export const CHECKLIST_KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const CHECKLIST_MAX = 20;

const checklistItem = z.strictObject({
  /** Leave out for a new English item: the server gives it a key. Translations name the English item's key. */
  key: z.string().regex(CHECKLIST_KEY, 'guides-checklist-key-invalid').optional(),
  text: z.string().trim().min(1, 'validation-required').max(300),
});

export const putVersionBody = z.strictObject({
  title: z.string().trim().min(1, 'validation-required').max(200),
  summary: z.string().trim().min(1, 'validation-required').max(600),
  /** Markdown. */
  body: z.string().trim().min(1, 'validation-required').max(50000),
  checklist: z
    .array(checklistItem)
    .max(CHECKLIST_MAX)
    .refine((items) => {
      const keys = items.flatMap((i) => (i.key ? [i.key] : []));
      return new Set(keys).size === keys.length;
    }, 'guides-checklist-duplicate-key'),
  /** What changed, for the history. */
  note: z.string().trim().max(300).optional(),
  /**
   * The revision the editor started from: when someone else saved in between, the save is refused (409)
   * instead of overwriting their work. Leave out to overwrite; 0 means "this language has no version yet".
   */
  baseRevision: z.number().int().min(0).optional(),
  /** Translations: the English revision this text translates (the current one when left out). */
  sourceRevision: z.number().int().min(1).optional(),
  /** English only: a small fix that leaves up-to-date translations up to date. */
  minor: z.boolean().optional(),
});
export type PutVersionBody = z.infer<typeof putVersionBody>;

export const langQuery = z.object({
  /** The language to read (the interface language by default); English is shown when it has no version. */
  lang: z.preprocess((v) => (v === '' ? undefined : v), languageCode.optional()),
});

export const slugParams = z.object({ slug: z.string().max(60) });
export const versionParams = z.object({ slug: z.string().max(60), lang: languageCode });
export const revisionParams = z.object({ slug: z.string().max(60), lang: languageCode, revision: z.string().max(12) });
export const revisionsQuery = z.object({ ...listQuery });
