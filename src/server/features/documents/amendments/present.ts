// Amendments as their answers show them. Pure functions of rows already read.
import type { AmendedUnit, AmendmentDetail, AmendmentSummary, Position } from '../../../../contracts/amendments';
import { storedExcerpt, storedHtml } from '../../../markdown/stored';
import { diffWords } from '../../../text/diff';
import { presentJoinedPerson } from '../../people';
import { unitHtml } from '../present';
import type { AmendmentRow } from './repo';
import type { CurrentUnit, TargetInfo } from './target';

/** The units the amendment replaces as they are now, each with its revision when proposed and now. */
export function amendedUnits(
  row: Pick<AmendmentRow, 'unit_ids' | 'base_revisions'>,
  units: CurrentUnit[],
): AmendedUnit[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  return row.unit_ids.map((id) => {
    const u = byId.get(id);
    return {
      id: String(id),
      text: u && !u.removed ? u.text : '',
      html: u && !u.removed ? unitHtml(u.kind, u.text) : '',
      proposedAt: row.base_revisions[String(id)] ?? 0,
      current: u?.revision ?? 0,
      removed: !u || u.removed,
    };
  });
}

export const isStale = (row: Pick<AmendmentRow, 'status'>, units: AmendedUnit[]): boolean =>
  row.status === 'open' && units.some((u) => u.removed || u.current !== u.proposedAt);

/** The units' current text as one Markdown text (blocks separated by blank lines). */
export const joinedText = (units: AmendedUnit[]): string =>
  units
    .filter((u) => !u.removed)
    .map((u) => u.text)
    .join('\n\n');

export function presentAmendment(row: AmendmentRow, target: TargetInfo, units: CurrentUnit[]): AmendmentSummary {
  return {
    id: String(row.id),
    target: {
      type: target.type,
      id: target.id,
      title: target.title,
      slug: target.slug,
      language: target.language,
      community: target.community,
      link: target.link,
    },
    unitIds: row.unit_ids.map(String),
    text: row.text,
    html: row.unit_ids[0] === 0 ? unitHtml('title', row.text) : storedHtml(row.text, row.text_html, row.html_version),
    rationale: row.rationale,
    rationaleText: storedExcerpt(row.rationale, row.rationale_lead, row.html_version, 240),
    author: presentJoinedPerson(row.username, row.display_name, row.public_fields),
    status: row.status,
    positions: {
      support: Number(row.support ?? 0),
      oppose: Number(row.oppose ?? 0),
      neutral: Number(row.neutral ?? 0),
    },
    stale: isStale(row, amendedUnits(row, units)),
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
  };
}

export function presentAmendmentDetail(
  row: AmendmentRow,
  target: TargetInfo,
  units: CurrentUnit[],
  extra: Pick<AmendmentDetail, 'adoptions' | 'can'> & { myPosition: Position | null },
): AmendmentDetail {
  const current = amendedUnits(row, units);
  return {
    ...presentAmendment(row, target, units),
    rationaleHtml: storedHtml(row.rationale, row.rationale_html, row.html_version),
    units: current,
    diff: diffWords(joinedText(current), row.text, target.language),
    decidedBy: presentJoinedPerson(row.d_username, row.d_display_name, row.d_public_fields),
    reason: row.reason,
    acceptedRevision: row.accepted_revision,
    adoptions: extra.adoptions,
    myPosition: extra.myPosition,
    subject: { type: 'amendment', id: String(row.id) },
    can: extra.can,
  };
}
