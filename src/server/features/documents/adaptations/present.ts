// An adaptation as its answers show it: each unit against its base (same, changed, added, dropped) and the base
// units changed upstream since last reviewed, with the base's word diff. Pure functions of rows already read.
import type { AdaptationSummary, AdaptedUnit, UpstreamChangeItem } from '../../../../contracts/adaptations';
import { isRtl } from '../../../../contracts/languages';
import { diffWords } from '../../../text/diff';
import { presentJoinedPerson } from '../../people';
import { dirOf, unitHtml } from '../present';
import type { BaseUnit } from './base';
import { isLocalUnit, type AdaptationRow, type AdaptedUnitRow } from './repo';

/** What changed upstream for a unit of the adaptation (null when its base is as last reviewed). */
export function upstreamOf(
  row: Pick<AdaptedUnitRow, 'unit_id' | 'base_text'>,
  base: BaseUnit | undefined,
  lang?: string,
): UpstreamChangeItem | null {
  if (isLocalUnit(row.unit_id)) return null;
  const now = base?.text ?? null;
  if (now === row.base_text) return null;
  const before = row.base_text ?? '';
  const after = now ?? '';
  return {
    change: row.base_text === null ? 'added' : now === null ? 'removed' : 'changed',
    before,
    after,
    afterHtml: after ? unitHtml(base?.kind ?? 'paragraph', after) : '',
    diff: diffWords(before, after, lang),
    baseRevision: base?.sourceRevision ?? null,
  };
}

function stateOf(row: AdaptedUnitRow): AdaptedUnit['state'] {
  if (row.dropped) return 'dropped';
  if (isLocalUnit(row.unit_id)) return 'added';
  return row.text === row.base_text ? 'same' : 'changed';
}

/**
 * The language of a unit's text: the group's own units and changed texts are in the adaptation's language; a text
 * as the base gave it is in the base unit's language (the translation's, or English where the base has none).
 * A base text not reviewed since the base changed is taken to be in the base's language now.
 */
function languageOf(row: AdaptedUnitRow, base: BaseUnit | undefined, language: string): string {
  if (isLocalUnit(row.unit_id) || row.text !== row.base_text) return language;
  return base?.language ?? language;
}

export function presentUnit(
  row: AdaptedUnitRow,
  base: BaseUnit | undefined,
  open: Map<number, number>,
  lang: string,
): AdaptedUnit {
  const language = languageOf(row, base, lang);
  return {
    id: String(row.unit_id),
    local: isLocalUnit(row.unit_id),
    kind: row.kind,
    text: row.text,
    html: unitHtml(row.kind, row.text),
    language,
    dir: dirOf(language),
    note: row.note,
    state: stateOf(row),
    baseText: isLocalUnit(row.unit_id) ? null : row.base_text,
    revision: row.revision,
    upstream: upstreamOf(row, base, lang),
    openAmendments: open.get(row.unit_id) ?? 0,
    updatedBy: presentJoinedPerson(row.username, row.display_name, row.public_fields),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A base unit added upstream that the adaptation has not reviewed yet: shown where it stands in the base. */
function pendingBaseUnit(base: BaseUnit, at: Date, lang: string): AdaptedUnit {
  return {
    id: String(base.id),
    local: false,
    kind: base.kind,
    text: '',
    html: '',
    language: base.language,
    dir: dirOf(base.language),
    note: '',
    state: 'same',
    baseText: null,
    revision: 0,
    upstream: upstreamOf({ unit_id: base.id, base_text: null }, base, lang),
    openAmendments: 0,
    updatedBy: null,
    updatedAt: at.toISOString(),
  };
}

/**
 * Every unit in the adaptation's order, and the base units it has no row for (added upstream since) right after
 * the unit standing before them in the base.
 */
export function presentUnits(
  rows: AdaptedUnitRow[],
  base: BaseUnit[],
  open: Map<number, number>,
  at: Date,
  lang: string,
): AdaptedUnit[] {
  const byId = new Map(base.map((b) => [b.id, b]));
  const have = new Set(rows.map((r) => r.unit_id));
  const after = new Map<number | null, BaseUnit[]>();
  let previous: number | null = null;
  for (const b of base) {
    if (!have.has(b.id)) after.set(previous, [...(after.get(previous) ?? []), b]);
    else previous = b.id;
  }
  const out: AdaptedUnit[] = (after.get(null) ?? []).map((b) => pendingBaseUnit(b, at, lang));
  for (const r of rows) {
    out.push(presentUnit(r, byId.get(r.unit_id), open, lang));
    for (const b of after.get(r.unit_id) ?? []) out.push(pendingBaseUnit(b, at, lang));
  }
  return out;
}

export function presentSummary(a: AdaptationRow, units: AdaptedUnit[]): AdaptationSummary {
  return {
    id: String(a.id),
    title: a.own_title !== null && !a.own_title_dropped ? a.own_title : a.document_title,
    community: { id: String(a.community_id), slug: a.community_slug, name: a.community_name },
    language: a.language,
    dir: isRtl(a.language) ? 'rtl' : 'ltr',
    base: {
      document: { id: String(a.document_id), slug: a.document_slug, title: a.document_title },
      language: a.language,
      basedOn: a.based_on,
      revision: a.base_revision,
      currentRevision: a.document_revision,
    },
    revision: a.revision,
    differing: units.filter((u) => u.state !== 'same').length,
    pendingReview: units.filter((u) => u.upstream).length,
    createdBy: presentJoinedPerson(a.username, a.display_name, a.public_fields),
    createdAt: a.created_at.toISOString(),
    updatedAt: a.updated_at.toISOString(),
  };
}
