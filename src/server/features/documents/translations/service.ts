// Translating a document unit by unit: the translators' view (source beside translation, what changed in the
// source, suggestions), saving a unit (409 with the current text when someone saved it since the base),
// proofreading someone else's unit, and every outdated unit with what changed in its source.
import type {
  EditConflict,
  SavedTranslation,
  SourceChangesAnswer,
  TranslationState,
  TranslationView,
} from '../../../../contracts/documents';
import type { Db } from '../../../db/connection';
import { isUniqueViolation } from '../../../db/errors';
import { ensure, requireUser } from '../../../http/access';
import { actorOf, audit } from '../../../http/audit';
import type { Ctx } from '../../../http/context';
import { badRequest, conflict, notFound } from '../../../http/errors';
import { followFor } from '../../notifications';
import { presentJoinedPerson } from '../../people';
import { canProofread, canTranslate } from '../policy';
import { dirOf, unitDiff, unitHtml } from '../present';
import type { PutTranslationBody } from '../schema';
import { currentUnits } from '../source/repo';
import { ensureLanguages, loadDocument } from '../source/service';
import { languageProgress, progressOf } from './progress';
import {
  findUnit,
  lockTranslation,
  outdatedSources,
  translationsIn,
  translationsOfTexts,
  type TranslationRow,
} from './repo';

export const stateOf = (
  t: { source_revision: number; proofread_by: number | null } | undefined,
  unit: { source_revision: number },
): TranslationState =>
  !t
    ? 'untranslated'
    : t.source_revision < unit.source_revision
      ? 'outdated'
      : t.proofread_by
        ? 'proofread'
        : 'translated';

async function progressIn(db: Db, documentId: number, language: string, priority: string[]) {
  const p = await progressOf(db, [documentId], language);
  return languageProgress(p.get(documentId)!, language, priority);
}

/** A current unit of the document, or 400 naming `unitId`. */
async function currentUnit(db: Db, documentId: number, unitId: number) {
  const unit = await findUnit(db, documentId, unitId);
  if (!unit || unit.position === null) {
    throw badRequest([{ field: 'unitId', message: 'documents-unit-unknown', params: [unitId] }]);
  }
  return unit;
}

/** The 409 of a save from an old base, with the translation as it is now (a hidden one's text left out). */
async function conflictWithCurrent(db: Db, documentId: number, unitId: number, language: string, revision = 0) {
  const [row] = await translationsIn(db, documentId, language, unitId);
  const current: EditConflict = {
    text: row?.text ?? '',
    revision: row?.revision ?? revision,
    editor: row ? presentJoinedPerson(row.tb_username, row.tb_display_name, row.tb_public_fields) : null,
    at: (row?.updated_at ?? new Date(0)).toISOString(),
  };
  return conflict('documents-edit-conflict', 'baseRevision', [], { current });
}

async function savedAnswer(
  db: Db,
  doc: { id: number; priority_languages: string[] },
  unitId: number,
  language: string,
) {
  const [[row], unit, progress] = await Promise.all([
    translationsIn(db, doc.id, language, unitId),
    findUnit(db, doc.id, unitId),
    progressIn(db, doc.id, language, doc.priority_languages),
  ]);
  if (!row || !unit) throw notFound();
  const answer: SavedTranslation = {
    unitId: String(unitId),
    language,
    text: row.text,
    html: unitHtml(unit.kind, row.text),
    revision: row.revision,
    sourceRevision: row.source_revision,
    state: stateOf(row, unit),
    progress,
  };
  return answer;
}

/**
 * Saves a unit's translation (anyone signed in) as its next revision, translating the unit's current source
 * (or `sourceRevision`); clears its proofreading, and has the translator follow the language. 409 with the
 * current text when the translation's revision is not `baseRevision` (of two first saves, the second meets the
 * unique key: a 409 too, never a 500).
 */
export async function saveTranslation(
  ctx: Ctx,
  slug: string,
  unitId: number,
  language: string,
  body: PutTranslationBody,
): Promise<SavedTranslation> {
  const user = requireUser(ctx);
  await ensure(ctx, canTranslate(user), 'documents.translate');
  const doc = await loadDocument(ctx.db, slug);
  const unit = await currentUnit(ctx.db, doc.id, unitId);
  const sourceRevision = body.sourceRevision ?? unit.source_revision;
  if (sourceRevision > doc.revision) {
    throw badRequest([{ field: 'sourceRevision', message: 'documents-revision-unknown' }]);
  }
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const current = await lockTranslation(trx, doc.id, unitId, language);
      if ((current?.revision ?? 0) !== body.baseRevision)
        throw await conflictWithCurrent(trx, doc.id, unitId, language, current?.revision);
      const revision = (current?.revision ?? 0) + 1;
      const values = {
        text: body.text,
        revision,
        source_revision: sourceRevision,
        translated_by: user.id,
        updated_at: ctx.now,
        proofread_by: null,
        proofread_at: null,
      };
      const id = current
        ? (await trx.updateTable('unit_translations').set(values).where('id', '=', current.id).execute(), current.id)
        : Number(
            (
              await trx
                .insertInto('unit_translations')
                .values({ document_id: doc.id, unit_id: unitId, language, ...values })
                .returning('id')
                .executeTakeFirstOrThrow()
            ).id,
          );
      await trx
        .insertInto('unit_translation_texts')
        .values({
          translation_id: id,
          revision,
          text: body.text,
          source_revision: sourceRevision,
          created_by: user.id,
          created_at: ctx.now,
        })
        .execute();
      await ensureLanguages(trx, doc.id, [language], ctx.now);
      const lang = await trx
        .selectFrom('document_languages')
        .select('id')
        .where('document_id', '=', doc.id)
        .where('language', '=', language)
        .executeTakeFirstOrThrow();
      await followFor(trx, user.id, { type: 'document_language', id: Number(lang.id) }, ctx.now);
      await audit(trx, {
        ...actorOf(ctx),
        action: 'documents.translate',
        objectType: 'unit_translation',
        objectId: id,
        details: { document: doc.id, unit: unitId, language, revision, sourceRevision },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw await conflictWithCurrent(ctx.db, doc.id, unitId, language);
    throw err;
  }
  return savedAnswer(ctx.db, doc, unitId, language);
}

/** Marks a unit's translation proofread: anyone signed in but its last translator, while it is up to date. */
export async function proofread(ctx: Ctx, slug: string, unitId: number, language: string): Promise<SavedTranslation> {
  const user = requireUser(ctx);
  const doc = await loadDocument(ctx.db, slug);
  const unit = await currentUnit(ctx.db, doc.id, unitId);
  const [row] = await translationsIn(ctx.db, doc.id, language, unitId);
  if (!row) throw notFound();
  await ensure(ctx, canProofread(user, row), 'documents.proofread', { type: 'unit_translation', id: row.id });
  if (row.source_revision < unit.source_revision) throw conflict('documents-proofread-outdated', 'unitId');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('unit_translations')
      .set({ proofread_by: user.id, proofread_at: ctx.now })
      .where('id', '=', row.id)
      .execute();
    await audit(trx, {
      ...actorOf(ctx),
      action: 'documents.proofread',
      objectType: 'unit_translation',
      objectId: row.id,
      details: { document: doc.id, unit: unitId, language, revision: row.revision },
    });
  });
  return savedAnswer(ctx.db, doc, unitId, language);
}

const person = (row: TranslationRow, who: 'tb' | 'pb') =>
  presentJoinedPerson(row[`${who}_username`], row[`${who}_display_name`], row[`${who}_public_fields`]);

/** The translators' view of a language: every unit, source beside translation. A fixed number of queries. */
export async function translationView(ctx: Ctx, slug: string, language: string): Promise<TranslationView> {
  const doc = await loadDocument(ctx.db, slug);
  const [units, rows, changes, progress] = await Promise.all([
    currentUnits(ctx.db, doc.id),
    translationsIn(ctx.db, doc.id, language),
    outdatedSources(ctx.db, doc.id, language),
    progressIn(ctx.db, doc.id, language, doc.priority_languages),
  ]);
  const byUnit = new Map(rows.map((r) => [r.unit_id, r]));
  const before = new Map(changes.map((c) => [c.unit_id, c.before]));
  const missing = units.filter((u) => !byUnit.has(u.unit_id)).map((u) => u.text);
  const suggestions = await translationsOfTexts(ctx.db, language, missing);
  return {
    id: String(doc.id),
    slug: doc.slug,
    title: byUnit.get(0)?.text ?? units[0]?.text ?? doc.slug,
    revision: doc.revision,
    language,
    dir: dirOf(language),
    progress,
    units: units.map((u) => {
      const t = byUnit.get(u.unit_id);
      const state = stateOf(t, u);
      const old = before.get(u.unit_id);
      return {
        id: String(u.unit_id),
        kind: u.kind,
        source: { text: u.text, html: unitHtml(u.kind, u.text), sourceRevision: u.source_revision },
        translation: t
          ? {
              id: String(t.id),
              text: t.text,
              html: unitHtml(u.kind, t.text),
              revision: t.revision,
              sourceRevision: t.source_revision,
              translatedBy: person(t, 'tb'),
              proofreadBy: person(t, 'pb'),
              updatedAt: t.updated_at.toISOString(),
            }
          : null,
        state,
        sourceChanges: state === 'outdated' && old !== undefined ? unitDiff(old, u.text, 'en') : null,
        suggestion: t ? null : (suggestions.get(u.text) ?? null),
      };
    }),
  };
}

/** Every outdated unit of a language with what changed in its source since the revision translated. */
export async function sourceChanges(ctx: Ctx, slug: string, language: string): Promise<SourceChangesAnswer> {
  const doc = await loadDocument(ctx.db, slug);
  const changes = await outdatedSources(ctx.db, doc.id, language);
  return {
    language,
    items: changes.map((c) => ({
      unitId: String(c.unit_id),
      from: Number(c.from),
      to: Number(c.to),
      diff: unitDiff(c.before, c.after, 'en'),
    })),
    next: null,
  };
}
