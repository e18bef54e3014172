// What an amendment amends: a document (its English source) or a group's adaptation. Read in batches, so a
// list of amendments costs a fixed number of queries: the targets' names and the current state of their units.
import type { AmendmentTarget, AmendmentTargetRef } from '../../../../contracts/amendments';
import type { UnitKind } from '../../../../contracts/documents';
import type { Db } from '../../../db/connection';
import { badRequest } from '../../../http/errors';

export interface TargetInfo extends AmendmentTargetRef {
  numericId: number;
  documentId: number;
  communityId: number | null;
  /** The target's current revision. */
  revision: number;
}

export interface CurrentUnit {
  id: number;
  kind: UnitKind;
  text: string;
  /** A document unit's text_revision, an adaptation unit's own revision. */
  revision: number;
  /** Removed from the document, or dropped from the adaptation. */
  removed: boolean;
  position: number;
}

export const targetKey = (type: AmendmentTarget, id: number): string => `${type}:${id}`;

/** The targets named, by key: two queries at most. */
export async function targetsOf(
  db: Db,
  refs: { type: AmendmentTarget; id: number }[],
): Promise<Map<string, TargetInfo>> {
  const out = new Map<string, TargetInfo>();
  const docIds = [...new Set(refs.filter((r) => r.type === 'document').map((r) => r.id))];
  const adaptationIds = [...new Set(refs.filter((r) => r.type === 'adaptation').map((r) => r.id))];
  if (docIds.length) {
    const rows = await db
      .selectFrom('documents as d')
      .leftJoin('document_units as t', (j) => j.onRef('t.document_id', '=', 'd.id').on('t.unit_id', '=', 0))
      .select(['d.id', 'd.slug', 'd.revision', 't.text as title'])
      .where('d.id', 'in', docIds)
      .execute();
    for (const r of rows) {
      out.set(targetKey('document', r.id), {
        type: 'document',
        id: String(r.id),
        numericId: r.id,
        documentId: r.id,
        communityId: null,
        revision: r.revision,
        title: r.title ?? r.slug,
        slug: r.slug,
        language: 'en',
        community: null,
        link: `/documents/${r.slug}`,
      });
    }
  }
  if (adaptationIds.length) {
    const rows = await db
      .selectFrom('adaptations as a')
      .innerJoin('documents as d', 'd.id', 'a.document_id')
      .innerJoin('communities as c', 'c.id', 'a.community_id')
      .leftJoin('document_units as t', (j) => j.onRef('t.document_id', '=', 'd.id').on('t.unit_id', '=', 0))
      .leftJoin('adaptation_units as at', (j) =>
        j.onRef('at.adaptation_id', '=', 'a.id').on('at.unit_id', '=', 0).on('at.dropped', '=', false),
      )
      .select([
        'a.id',
        'a.document_id',
        'a.community_id',
        'a.language',
        'a.revision',
        'd.slug',
        't.text as doc_title',
        'at.text as title',
        'c.slug as c_slug',
        'c.name as c_name',
      ])
      .where('a.id', 'in', adaptationIds)
      .execute();
    for (const r of rows) {
      out.set(targetKey('adaptation', r.id), {
        type: 'adaptation',
        id: String(r.id),
        numericId: r.id,
        documentId: r.document_id,
        communityId: r.community_id,
        revision: r.revision,
        title: r.title ?? r.doc_title ?? r.slug,
        slug: r.slug,
        language: r.language,
        community: { slug: r.c_slug, name: r.c_name },
        link: `/adaptations/${r.id}`,
      });
    }
  }
  return out;
}

/** Every unit of one target (removed or dropped ones too), in order. */
export async function unitsOfTarget(db: Db, type: AmendmentTarget, id: number): Promise<CurrentUnit[]> {
  return (await unitsOfTargets(db, [{ type, id }])).get(targetKey(type, id)) ?? [];
}

/** The units of several targets, by target key: two queries at most. */
export async function unitsOfTargets(
  db: Db,
  refs: { type: AmendmentTarget; id: number }[],
  onlyUnits?: number[],
): Promise<Map<string, CurrentUnit[]>> {
  const out = new Map<string, CurrentUnit[]>();
  const push = (key: string, u: CurrentUnit) => out.set(key, [...(out.get(key) ?? []), u]);
  const docIds = [...new Set(refs.filter((r) => r.type === 'document').map((r) => r.id))];
  const adaptationIds = [...new Set(refs.filter((r) => r.type === 'adaptation').map((r) => r.id))];
  if (docIds.length) {
    let q = db
      .selectFrom('document_units')
      .select(['document_id', 'unit_id', 'kind', 'text', 'text_revision', 'position'])
      .where('document_id', 'in', docIds);
    if (onlyUnits) q = q.where('unit_id', 'in', onlyUnits.length ? onlyUnits : [-1]);
    for (const r of await q.orderBy('document_id').orderBy('position').execute()) {
      push(targetKey('document', r.document_id), {
        id: r.unit_id,
        kind: r.kind,
        text: r.text,
        revision: r.text_revision,
        removed: r.position === null,
        position: r.position ?? -1,
      });
    }
  }
  if (adaptationIds.length) {
    let q = db
      .selectFrom('adaptation_units')
      .select(['adaptation_id', 'unit_id', 'kind', 'text', 'revision', 'dropped', 'position'])
      .where('adaptation_id', 'in', adaptationIds);
    if (onlyUnits) q = q.where('unit_id', 'in', onlyUnits.length ? onlyUnits : [-1]);
    for (const r of await q.orderBy('adaptation_id').orderBy('position').execute()) {
      push(targetKey('adaptation', r.adaptation_id), {
        id: r.unit_id,
        kind: r.kind,
        text: r.text,
        revision: r.revision,
        removed: r.dropped,
        position: r.position,
      });
    }
  }
  return out;
}

/**
 * Checks that the units named are one unit, or consecutive units of one section, of the target as it is now
 * (a heading starts a section; the title stands alone): 400 naming `unitIds` otherwise. Answers them in order.
 */
export function chosenUnits(all: CurrentUnit[], unitIds: number[]): CurrentUnit[] {
  const current = all.filter((u) => !u.removed);
  const index = new Map(current.map((u, i) => [u.id, i]));
  const at = unitIds.map((id) => index.get(id));
  if (at.some((i) => i === undefined)) throw badRequest([{ field: 'unitIds', message: 'amendments-unit-unknown' }]);
  const idx = at as number[];
  if (idx.some((i, k) => k > 0 && i !== idx[k - 1]! + 1))
    throw badRequest([{ field: 'unitIds', message: 'amendments-units-not-consecutive' }]);
  const chosen = idx.map((i) => current[i]!);
  if (
    chosen.some((u, k) => k > 0 && (u.kind === 'heading' || u.kind === 'title')) ||
    (chosen[0]!.kind === 'title' && chosen.length > 1)
  )
    throw badRequest([{ field: 'unitIds', message: 'amendments-units-across-sections' }]);
  return chosen;
}
