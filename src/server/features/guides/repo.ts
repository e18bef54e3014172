// SQL for the guides, their language versions and their revisions.
import { markdownInsert } from '../../markdown/stored';
import type { Db } from '../../db/connection';
import type { ChecklistItem, Phase } from './tables';

export const allGuides = (db: Db) =>
  db.selectFrom('guides').select(['id', 'slug', 'phase', 'position']).orderBy('position').orderBy('id').execute();
export type GuideRow = Awaited<ReturnType<typeof allGuides>>[number];

export const findGuide = (db: Db, slug: string) =>
  db.selectFrom('guides').select(['id', 'slug', 'phase', 'position']).where('slug', '=', slug).executeTakeFirst();

export const findGuideByPhase = (db: Db, phase: Phase) =>
  db.selectFrom('guides').select(['id', 'slug', 'phase', 'position']).where('phase', '=', phase).executeTakeFirst();

const versionColumns = [
  'guide_id',
  'language',
  'title',
  'summary',
  'body',
  'body_html',
  'html_version',
  'checklist',
  'revision',
  'source_revision',
  'updated_at',
] as const;

/** Full versions of some guides in some languages. */
export const versionsIn = (db: Db, guideIds: number[], languages: string[]) =>
  guideIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('guide_versions')
        .select(versionColumns)
        .where('guide_id', 'in', guideIds)
        .where('language', 'in', languages)
        .execute();
export type VersionRow = Awaited<ReturnType<typeof versionsIn>>[number];

/** Titles and summaries only, for lists. */
export const versionHeadsIn = (db: Db, guideIds: number[], languages: string[]) =>
  guideIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('guide_versions')
        .select(['guide_id', 'language', 'title', 'summary', 'revision', 'source_revision'])
        .where('guide_id', 'in', guideIds)
        .where('language', 'in', languages)
        .execute();
export type VersionHead = Awaited<ReturnType<typeof versionHeadsIn>>[number];

/** Every language a guide has a version in, with what it needs to tell whether it is outdated. */
export const languagesOf = (db: Db, guideId: number) =>
  db
    .selectFrom('guide_versions')
    .select(['language', 'revision', 'source_revision'])
    .where('guide_id', '=', guideId)
    .orderBy('language')
    .execute();

export const findVersion = (db: Db, guideId: number, language: string) =>
  db
    .selectFrom('guide_versions')
    .select(versionColumns)
    .where('guide_id', '=', guideId)
    .where('language', '=', language)
    .executeTakeFirst();

/** The current version, locked against a concurrent save on PostgreSQL. */
export const lockVersion = (db: Db, guideId: number, language: string) =>
  db
    .selectFrom('guide_versions')
    .select(['revision', 'source_revision'])
    .where('guide_id', '=', guideId)
    .where('language', '=', language)
    .forUpdate()
    .executeTakeFirst();

export interface VersionValues {
  guideId: number;
  language: string;
  title: string;
  summary: string;
  body: string;
  checklist: ChecklistItem[];
  revision: number;
  sourceRevision: number | null;
  minor: boolean;
  note: string;
  editorId: number | null;
  at: Date;
}

/**
 * Writes the version and its revision row. A first save inserts (two first saves at once: the second meets the
 * unique key and fails, so it is told instead of silently replacing the first); later saves replace the row
 * the caller locked.
 */
export async function saveVersion(db: Db, v: VersionValues, first: boolean): Promise<void> {
  const checklist = JSON.stringify(v.checklist);
  const content = {
    title: v.title,
    summary: v.summary,
    body: v.body,
    checklist,
    revision: v.revision,
    source_revision: v.sourceRevision,
  };
  if (first) {
    await db
      .insertInto('guide_versions')
      .values({
        guide_id: v.guideId,
        language: v.language,
        ...content,
        ...markdownInsert({ body: v.body }),
        updated_by: v.editorId,
        updated_at: v.at,
      })
      .execute();
  } else {
    await db
      .updateTable('guide_versions')
      .set({ ...content, ...markdownInsert({ body: v.body }), updated_by: v.editorId, updated_at: v.at })
      .where('guide_id', '=', v.guideId)
      .where('language', '=', v.language)
      .execute();
  }
  await db
    .insertInto('guide_revisions')
    .values({
      guide_id: v.guideId,
      language: v.language,
      ...content,
      minor: v.minor,
      note: v.note,
      created_by: v.editorId,
      created_at: v.at,
    })
    .execute();
}

/** After a minor English edit: translations that were up to date with `from` now translate `to`. */
export const carryTranslations = (db: Db, guideId: number, sourceLanguage: string, from: number, to: number) =>
  db
    .updateTable('guide_versions')
    .set({ source_revision: to })
    .where('guide_id', '=', guideId)
    .where('language', '<>', sourceLanguage)
    .where('source_revision', '>=', from)
    .execute();

export const deleteVersion = (db: Db, guideId: number, language: string) =>
  db.deleteFrom('guide_versions').where('guide_id', '=', guideId).where('language', '=', language).execute();

const revisionColumns = [
  'r.revision',
  'r.language',
  'r.title',
  'r.note',
  'r.minor',
  'r.source_revision',
  'r.created_at',
  'u.username as editor_username',
  'u.display_name as editor_display_name',
  'u.public_fields as editor_public_fields',
] as const;

/** A language's revisions, newest first, from before `beforeRevision` when given. */
export const revisionsOf = (db: Db, guideId: number, language: string, beforeRevision: number | null, limit: number) =>
  db
    .selectFrom('guide_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select(revisionColumns)
    .where('r.guide_id', '=', guideId)
    .where('r.language', '=', language)
    .$if(beforeRevision !== null, (q) => q.where('r.revision', '<', beforeRevision!))
    .orderBy('r.revision', 'desc')
    .limit(limit)
    .execute();
export type RevisionRow = Awaited<ReturnType<typeof revisionsOf>>[number];

export const findRevision = (db: Db, guideId: number, language: string, revision: number) =>
  db
    .selectFrom('guide_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select([...revisionColumns, 'r.summary', 'r.body', 'r.checklist'])
    .where('r.guide_id', '=', guideId)
    .where('r.language', '=', language)
    .where('r.revision', '=', revision)
    .executeTakeFirst();
export type RevisionContentRow = NonNullable<Awaited<ReturnType<typeof findRevision>>>;

/** The last revision number a language ever had (kept after its version is deleted, so numbers never repeat). */
export async function lastRevision(db: Db, guideId: number, language: string): Promise<number> {
  const row = await db
    .selectFrom('guide_revisions')
    .select((eb) => eb.fn.max('revision').as('last'))
    .where('guide_id', '=', guideId)
    .where('language', '=', language)
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}
