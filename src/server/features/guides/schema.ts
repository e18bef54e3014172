// Request and response shapes of the guides.
import { z } from 'zod';
import { listQuery } from '../../http/pagination';
import { isMediaWikiLanguage } from '../../../contracts/mediawiki-languages';
import { PHASES } from './tables';

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

const phase = z.enum(PHASES).nullable();

const languageState = z.object({
  language: z.string(),
  /** A translation whose English text changed since it was last brought up to date. */
  outdated: z.boolean(),
});

const neighbour = z.object({ slug: z.string(), phase, title: z.string(), language: z.string() }).nullable();

export const guideSummary = z.object({
  slug: z.string(),
  /** The LDP guide's phase; null for the overview. */
  phase,
  position: z.number(),
  /** The language of the text shown: the one asked for, or English when it has none. */
  language: z.string(),
  /** The text is English because the language asked for has no version. */
  fallback: z.boolean(),
  outdated: z.boolean(),
  title: z.string(),
  summary: z.string(),
});

export const guideList = z.object({
  items: z.array(guideSummary),
  next: z.null(),
  /** The language asked for (the interface language by default). */
  requested: z.string(),
});

export const checklistEntry = z.object({
  /** The item's key within its guide. */
  key: z.string(),
  /** `<phase>_<key>` (dashes as underscores): what an initiative records when the item is done. */
  id: z.string(),
  text: z.string(),
  /** The item's own language: English where the translation has no text for it. */
  language: z.string(),
});

export const guideDetail = guideSummary.extend({
  requested: z.string(),
  /** Markdown source, for editing. */
  body: z.string(),
  /** Sanitized HTML rendered from the body. */
  bodyHtml: z.string(),
  checklist: z.array(checklistEntry),
  revision: z.number(),
  /** For a translation: the English revision it translates. */
  sourceRevision: z.number().nullable(),
  /** The English version's current revision. */
  sourceCurrentRevision: z.number(),
  updatedAt: z.string(),
  /** Every language the guide has a version in. */
  languages: z.array(languageState),
  previous: neighbour,
  next: neighbour,
});

export const revisionItem = z.object({
  revision: z.number(),
  language: z.string(),
  title: z.string(),
  note: z.string(),
  minor: z.boolean(),
  sourceRevision: z.number().nullable(),
  createdAt: z.string(),
  /** null for the text shipped with the platform, or an account since deleted. */
  editor: z.object({ username: z.string(), displayName: z.string() }).nullable(),
});

export const revisionList = z.object({ items: z.array(revisionItem), next: z.string().nullable() });

export const revisionDetail = revisionItem.extend({
  summary: z.string(),
  body: z.string(),
  checklist: z.array(z.object({ key: z.string(), text: z.string() })),
});

const diffPart = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() });

export const sourceChanges = z.object({
  /** The English revision the translation translates, and the current one. */
  from: z.number(),
  to: z.number(),
  changed: z.boolean(),
  title: z.array(diffPart),
  summary: z.array(diffPart),
  body: z.array(diffPart),
  checklist: z.array(diffPart),
});
