// Local adaptations: a group's coordinators adapt a document in a language, from the source or a translation;
// they change, add or drop units (each with an optional note), and review the base units changed upstream
// (take the new base, keep theirs, or merge). Each use case checks who may do it first; every change is audited
// in the same transaction; a unit's save names the unit revision it started from (DECISIONS 9) and meets a 409
// carrying the current text when someone saved in between.
import type { AdaptationDetail, SavedAdaptedUnit } from '../../../../contracts/adaptations';
import { isMediaWikiLanguage } from '../../../../contracts/mediawiki-languages';
import type { Db } from '../../../db/connection';
import { isUniqueViolation } from '../../../db/errors';
import { ensure, requireUser } from '../../../http/access';
import { actorOf, audit } from '../../../http/audit';
import type { Ctx } from '../../../http/context';
import { badRequest, conflict, notFound } from '../../../http/errors';
import { kindOf } from '../../../text/units';
import { parseId } from '../../conversations';
import { rolesInCommunity } from '../../communities';
import { followFor } from '../../notifications';
import { baseUnits, findDocumentBySlug, translatedCount } from './base';
import { canChangeAdaptation } from './policy';
import { presentSummary, presentUnits } from './present';
import { findAdaptation, openAmendmentCounts, unitsOf, type AdaptationRow, type AdaptedUnitRow } from './repo';
import { editUnit, addUnitAfter, reviewUpstream } from './units';
import type { AddUnitBody, CreateAdaptationBody, DropUnitBody, ReviewBody, SaveUnitBody } from './schema';

export async function loadAdaptation(db: Db, idParam: string): Promise<AdaptationRow> {
  const id = parseId(idParam);
  const row = id === null ? undefined : await findAdaptation(db, id);
  if (!row) throw notFound();
  return row;
}

/** Whether the person asking is one of the adaptation's group's coordinators. */
export async function mayChange(ctx: Ctx, a: { community_id: number }): Promise<boolean> {
  if (!ctx.actor) return false;
  return canChangeAdaptation(ctx.actor, await rolesInCommunity(ctx.db, ctx.actor.id, a.community_id));
}

/** The coordinators' check, first in every change: logs and refuses (403) anyone else. */
export async function ensureCoordinator(ctx: Ctx, a: AdaptationRow, action: string): Promise<void> {
  requireUser(ctx);
  await ensure(ctx, await mayChange(ctx, a), action, { type: 'adaptation', id: a.id });
}

/** The adaptation with every unit against its base: five queries whatever its size. */
export async function present(ctx: Ctx, a: AdaptationRow): Promise<AdaptationDetail> {
  const [rows, base, open, can] = await Promise.all([
    unitsOf(ctx.db, a.id),
    baseUnits(ctx.db, a.document_id, a.based_on, a.language),
    openAmendmentCounts(ctx.db, 'adaptation', a.id),
    mayChange(ctx, a),
  ]);
  const units = presentUnits(rows, base, open, a.updated_at, a.language);
  return {
    ...presentSummary(a, units),
    units,
    subject: { type: 'adaptation', id: String(a.id) },
    can: { edit: can, review: can, amend: !!ctx.actor },
  };
}

export async function getAdaptation(ctx: Ctx, idParam: string): Promise<AdaptationDetail> {
  return present(ctx, await loadAdaptation(ctx.db, idParam));
}

export async function createAdaptation(ctx: Ctx, slug: string, body: CreateAdaptationBody): Promise<AdaptationDetail> {
  const user = requireUser(ctx);
  const doc = await findDocumentBySlug(ctx.db, slug);
  if (!doc) throw notFound();
  const community = await ctx.db
    .selectFrom('communities')
    .select('id')
    .where('slug', '=', body.community)
    .executeTakeFirst();
  if (!community) throw badRequest([{ field: 'community', message: 'adaptations-community-unknown' }]);
  await ensure(
    ctx,
    canChangeAdaptation(user, await rolesInCommunity(ctx.db, user.id, community.id)),
    'adaptation.create',
    { type: 'community', id: community.id },
  );
  if (!isMediaWikiLanguage(body.language))
    throw badRequest([{ field: 'language', message: 'adaptations-language-unknown' }]);
  if (body.from === 'translation') {
    if (body.language === 'en') throw badRequest([{ field: 'from', message: 'adaptations-translation-of-source' }]);
    if ((await translatedCount(ctx.db, doc.id, body.language)) === 0)
      throw badRequest([{ field: 'language', message: 'adaptations-no-translation' }]);
  }
  const base = await baseUnits(ctx.db, doc.id, body.from, body.language);
  let id: number;
  try {
    id = await ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('adaptations')
        .values({
          document_id: doc.id,
          community_id: community.id,
          language: body.language,
          based_on: body.from,
          base_revision: doc.revision,
          created_by: user.id,
          created_at: ctx.now,
          updated_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (base.length) {
        await trx
          .insertInto('adaptation_units')
          .values(
            base.map((b, i) => ({
              adaptation_id: row.id,
              unit_id: b.id,
              kind: b.kind,
              text: b.text,
              position: i,
              base_text: b.text,
              base_revision: b.sourceRevision,
              revision: 1,
              updated_by: user.id,
              updated_at: ctx.now,
            })),
          )
          .execute();
      }
      await audit(trx, {
        ...actorOf(ctx),
        action: 'adaptation.create',
        objectType: 'adaptation',
        objectId: row.id,
        details: { document: doc.id, community: community.id, language: body.language, from: body.from },
      });
      await followFor(trx, user.id, { type: 'adaptation', id: row.id }, ctx.now);
      return row.id;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('adaptations-exists', 'language');
    throw err;
  }
  return getAdaptation(ctx, String(id));
}

/** A unit id from the path: a decimal integer, or 404. */
function unitIdOf(param: string): number {
  if (!/^\d{1,10}$/.test(param)) throw notFound();
  return Number(param);
}

async function changed(ctx: Ctx, a: AdaptationRow, unitId: number, revision: number): Promise<SavedAdaptedUnit> {
  const detail = await present(ctx, (await findAdaptation(ctx.db, a.id)) ?? a);
  const position = detail.units.findIndex((u) => u.id === String(unitId));
  const unit = detail.units[position];
  if (!unit) throw notFound();
  return { adaptationId: String(a.id), revision, unit, position };
}

export async function saveUnit(
  ctx: Ctx,
  idParam: string,
  unitParam: string,
  body: SaveUnitBody,
): Promise<SavedAdaptedUnit> {
  const a = await loadAdaptation(ctx.db, idParam);
  await ensureCoordinator(ctx, a, 'adaptation.unit.save');
  const unitId = unitIdOf(unitParam);
  const revision = await editUnit(
    ctx,
    a,
    unitId,
    body.baseRevision,
    (u: AdaptedUnitRow) => ({
      text: body.text,
      kind: unitId === 0 ? 'title' : kindOf(body.text),
      note: body.note ?? u.note,
      dropped: false,
    }),
    'adaptation.unit.save',
  );
  return changed(ctx, a, unitId, revision);
}

export async function dropUnit(
  ctx: Ctx,
  idParam: string,
  unitParam: string,
  body: DropUnitBody,
): Promise<SavedAdaptedUnit> {
  const a = await loadAdaptation(ctx.db, idParam);
  await ensureCoordinator(ctx, a, 'adaptation.unit.drop');
  const unitId = unitIdOf(unitParam);
  const revision = await editUnit(
    ctx,
    a,
    unitId,
    body.baseRevision,
    (u: AdaptedUnitRow) => {
      if (u.dropped) throw conflict('adaptations-unit-dropped');
      return { text: u.text, kind: u.kind, note: body.note ?? u.note, dropped: true };
    },
    'adaptation.unit.drop',
  );
  return changed(ctx, a, unitId, revision);
}

export async function addUnit(ctx: Ctx, idParam: string, body: AddUnitBody): Promise<SavedAdaptedUnit> {
  const a = await loadAdaptation(ctx.db, idParam);
  await ensureCoordinator(ctx, a, 'adaptation.unit.add');
  const { unitId, revision } = await addUnitAfter(ctx, a, body);
  return changed(ctx, a, unitId, revision);
}

export async function reviewUnit(
  ctx: Ctx,
  idParam: string,
  unitParam: string,
  body: ReviewBody,
): Promise<SavedAdaptedUnit> {
  const a = await loadAdaptation(ctx.db, idParam);
  await ensureCoordinator(ctx, a, 'adaptation.unit.review');
  const unitId = unitIdOf(unitParam);
  if (body.take === 'merged' && body.text === undefined)
    throw badRequest([{ field: 'text', message: 'validation-required' }]);
  const revision = await reviewUpstream(ctx, a, unitId, body);
  return changed(ctx, a, unitId, revision);
}
