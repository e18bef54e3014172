// The documents' answers: the list with a bar per language, a document in a language (unit by unit, each marked
// source, current, outdated or fallback), translation progress, revisions, comparisons and what changed in the
// source since a translation. The web derives its types with z.infer through `import type`.
import { z } from 'zod';
import { personRef } from './people';

export const UNIT_KINDS = ['title', 'heading', 'paragraph', 'list', 'table', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A unit as a reader sees it in a language (DECISIONS 12: four disjoint translation states per unit and language). */
export const UNIT_STATES = ['source', 'current', 'outdated', 'fallback'] as const;
export type UnitState = (typeof UNIT_STATES)[number];

/** Translation states counted per language (a unit is in exactly one). */
export const TRANSLATION_STATES = ['untranslated', 'outdated', 'translated', 'proofread'] as const;
export type TranslationState = (typeof TRANSLATION_STATES)[number];

export const languageProgress = z.object({
  language: z.string(),
  /** Units translated and up to date, not proofread. */
  translated: z.number().int(),
  proofread: z.number().int(),
  outdated: z.number().int(),
  untranslated: z.number().int(),
  /** Admins listed this language first. */
  priority: z.boolean(),
});
export type LanguageProgress = z.infer<typeof languageProgress>;

export const documentSummary = z.object({
  id: z.string(),
  slug: z.string(),
  /** The title in English (the source). */
  title: z.string(),
  revision: z.number().int(),
  /** Priority languages first, then every language with a translated unit (DECISIONS 12). */
  languages: z.array(languageProgress),
});
export type DocumentSummary = z.infer<typeof documentSummary>;

export const documentList = z.object({ items: z.array(documentSummary), next: z.string().nullable() });
export type DocumentList = z.infer<typeof documentList>;

export const openAmendmentRef = z.object({ id: z.string(), title: z.string() });

export const readerUnit = z.object({
  /** `T:n`'s n as a decimal string; '0' is the title. */
  id: z.string(),
  kind: z.enum(UNIT_KINDS),
  /** Markdown. */
  text: z.string(),
  /** Sanitized HTML rendered from the text. */
  html: z.string(),
  /** The language of the text shown: the one asked for, or the next of its fallback chain that has one. */
  language: z.string(),
  dir: z.enum(['ltr', 'rtl']),
  state: z.enum(UNIT_STATES),
  proofread: z.boolean(),
  /** Open amendments of this unit (count). */
  openAmendments: z.number().int(),
});
export type ReaderUnit = z.infer<typeof readerUnit>;

export const documentDetail = z.object({
  id: z.string(),
  slug: z.string(),
  /** The title in the language shown (unit 0). */
  title: z.string(),
  revision: z.number().int(),
  /** The revision shown (the current one unless `?revision=` asked for an older one). */
  shownRevision: z.number().int(),
  /** The language asked for. */
  requested: z.string(),
  dir: z.enum(['ltr', 'rtl']),
  units: z.array(readerUnit),
  progress: languageProgress,
  /** Languages with a bar, for the language switcher. */
  languages: z.array(languageProgress),
  priorityLanguages: z.array(z.string()),
  adaptations: z.array(
    z.object({
      id: z.string(),
      community: z.object({ slug: z.string(), name: z.string() }),
      language: z.string(),
    }),
  ),
  /**
   * The subject id (`document_language`) of the language shown, to follow it; null for English (the source: follow
   * the document) and for anonymous readers. A signed-in reader's first read of a language creates it.
   */
  languageSubjectId: z.string().nullable(),
  /** The reader follows the document / this language of it (false when anonymous). */
  following: z.object({ document: z.boolean(), language: z.boolean() }),
  /** What the reader may do (admins edit the source). */
  can: z.object({ edit: z.boolean(), translate: z.boolean() }),
});
export type DocumentDetail = z.infer<typeof documentDetail>;

const diffPart = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() });
export type DiffPart = z.infer<typeof diffPart>;

/** One unit to translate: the source beside its translation in a language, with the source's changes if outdated. */
export const translationUnit = z.object({
  id: z.string(),
  kind: z.enum(UNIT_KINDS),
  source: z.object({ text: z.string(), html: z.string(), sourceRevision: z.number().int() }),
  translation: z
    .object({
      id: z.string(),
      text: z.string(),
      html: z.string(),
      /** The translation's own revision: the `baseRevision` of its next save. */
      revision: z.number().int(),
      sourceRevision: z.number().int(),
      translatedBy: personRef.nullable(),
      proofreadBy: personRef.nullable(),
      updatedAt: z.string(),
    })
    .nullable(),
  state: z.enum(TRANSLATION_STATES),
  /** The source's word diff since the revision translated (outdated units only). */
  sourceChanges: z.array(diffPart).nullable(),
  /** A translation of an identical source text elsewhere (a suggestion), when this unit has none. */
  suggestion: z.string().nullable(),
});
export type TranslationUnit = z.infer<typeof translationUnit>;

export const translationView = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  revision: z.number().int(),
  language: z.string(),
  dir: z.enum(['ltr', 'rtl']),
  progress: languageProgress,
  units: z.array(translationUnit),
});
export type TranslationView = z.infer<typeof translationView>;

export const savedTranslation = z.object({
  unitId: z.string(),
  language: z.string(),
  text: z.string(),
  html: z.string(),
  revision: z.number().int(),
  sourceRevision: z.number().int(),
  state: z.enum(TRANSLATION_STATES),
  progress: languageProgress,
});
export type SavedTranslation = z.infer<typeof savedTranslation>;

export const sourceChangesAnswer = z.object({
  language: z.string(),
  items: z.array(
    z.object({ unitId: z.string(), from: z.number().int(), to: z.number().int(), diff: z.array(diffPart) }),
  ),
  next: z.null(),
});
export type SourceChangesAnswer = z.infer<typeof sourceChangesAnswer>;

export const progressAnswer = z.object({ units: z.number().int(), items: z.array(languageProgress), next: z.null() });
export type ProgressAnswer = z.infer<typeof progressAnswer>;

export const revisionItem = z.object({
  revision: z.number().int(),
  summary: z.string(),
  minor: z.boolean(),
  author: personRef.nullable(),
  /** An accepted amendment's author, credited for this revision. */
  creditedTo: personRef.nullable(),
  amendmentId: z.string().nullable(),
  createdAt: z.string(),
});
export type RevisionItem = z.infer<typeof revisionItem>;

export const revisionList = z.object({ items: z.array(revisionItem), next: z.string().nullable() });
export type RevisionList = z.infer<typeof revisionList>;

export const UNIT_CHANGES = ['added', 'removed', 'moved', 'changed', 'same'] as const;
export const comparedUnit = z.object({
  id: z.string(),
  change: z.enum(UNIT_CHANGES),
  /** Positions (0-based) in the two revisions; null where the unit is absent. */
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
  /** The word diff of a changed unit; the text of an added or removed one as a single part. */
  diff: z.array(diffPart),
});
export type ComparedUnit = z.infer<typeof comparedUnit>;

export const comparison = z.object({
  slug: z.string(),
  from: revisionItem,
  to: revisionItem,
  language: z.string(),
  /** Units of either revision, in the order of `to` with removed ones where they stood. Unchanged units included. */
  units: z.array(comparedUnit),
});
export type Comparison = z.infer<typeof comparison>;

/** The body of an edit conflict's 409 (a problem+json extension member, `current`). */
export const editConflict = z.object({
  text: z.string(),
  revision: z.number().int(),
  editor: personRef.nullable(),
  at: z.string(),
});
export type EditConflict = z.infer<typeof editConflict>;

/** An admin's edit of the source: the document's new revision and the unit as saved. */
export const savedUnit = z.object({
  revision: z.number().int(),
  unit: z.object({ id: z.string(), kind: z.enum(UNIT_KINDS), text: z.string(), html: z.string() }),
  position: z.number().int().nullable(),
});
export type SavedUnit = z.infer<typeof savedUnit>;

/** The whole source with a `<!--T:n-->` marker before each unit (the title first, as `T:0`), for admins to edit. */
export const markedText = z.object({ revision: z.number().int(), markdown: z.string() });
export type MarkedText = z.infer<typeof markedText>;
