// A document's history: its revisions, and any two of them compared unit by unit (added, removed, moved,
// changed with a word diff), in the source or in a language. A fixed number of queries whatever the size.
import { diffArrays } from 'diff';
import type { ComparedUnit, Comparison, RevisionItem, RevisionList } from '../../../../contracts/documents';
import type { Ctx } from '../../../http/context';
import { VersionedCache } from '../../../http/content-cache';
import { badRequest } from '../../../http/errors';
import { decodeCursor, page } from '../../../http/pagination';
import { presentJoinedPerson } from '../../people';
import { notHidden } from '../../moderation';
import { unitDiff } from '../present';
import { EncodedJson } from '../reading/encoded';
import { SOURCE_LANGUAGE } from '../schema';
import { revisionPage, revisionsIn, textsAt, type DocumentRow, type RevisionRow } from './repo';
import { loadDocument } from './service';

export const presentRevision = (r: Omit<RevisionRow, 'unit_order'>): RevisionItem => ({
  revision: r.revision,
  summary: r.summary,
  minor: r.minor,
  author: presentJoinedPerson(r.a_username, r.a_display_name, r.a_public_fields),
  creditedTo: presentJoinedPerson(r.c_username, r.c_display_name, r.c_public_fields),
  amendmentId: r.amendment_id === null ? null : String(r.amendment_id),
  createdAt: r.created_at.toISOString(),
});

/** Revisions, newest first. */
export async function listRevisions(
  ctx: Ctx,
  slug: string,
  cursor: string | undefined,
  limit: number,
): Promise<RevisionList> {
  const doc = await loadDocument(ctx.db, slug);
  const [after] = decodeCursor(cursor, ['number']) ?? [];
  const rows = await revisionPage(ctx.db, doc.id, after ?? null, limit + 1);
  const { items, next } = page(rows, limit, (r) => [r.revision]);
  return { items: items.map(presentRevision), next };
}

/**
 * A translation's texts as they stood for source revisions (the latest saved for a source text at or before
 * each), hidden translations left out. One query.
 */
async function translationTextsAt(ctx: Ctx, documentId: number, language: string, revisions: number[]) {
  const rows = await ctx.db
    .selectFrom('unit_translations as t')
    .innerJoin('unit_translation_texts as x', 'x.translation_id', 't.id')
    .select(['t.unit_id', 'x.text', 'x.source_revision', 'x.revision'])
    .where('t.document_id', '=', documentId)
    .where('t.language', '=', language)
    .where('x.source_revision', '<=', Math.max(...revisions))
    .where(notHidden('unit_translation', 't.id'))
    .execute();
  const byUnit = new Map<number, typeof rows>();
  for (const r of rows) {
    const list = byUnit.get(r.unit_id);
    if (list) list.push(r);
    else byUnit.set(r.unit_id, [r]);
  }
  return (at: number, unitId: number): string | undefined => {
    let best: { text: string; revision: number } | undefined;
    for (const r of byUnit.get(unitId) ?? []) {
      if (r.source_revision <= at && (!best || r.revision > best.revision)) best = r;
    }
    return best?.text;
  };
}

const keptComparisons = new VersionedCache<EncodedJson>('documents.compare');

/**
 * Two revisions unit by unit, in the order of `to` with removed units where they stood in `from`, as JSON text
 * for the route to send as it is. Kept per document, revisions and language (the word diffs of hundreds of units
 * and their serialising cost far more than the queries).
 */
export async function compareRevisionsJson(
  ctx: Ctx,
  slug: string,
  from: number,
  to: number,
  lang: string | undefined,
): Promise<EncodedJson> {
  const doc = await loadDocument(ctx.db, slug);
  const language = lang ?? SOURCE_LANGUAGE;
  return keptComparisons.get(
    ctx.db,
    `${doc.id}|${from}|${to}|${language}`,
    async () => new EncodedJson(JSON.stringify(await compareAfresh(ctx, doc, from, to, language))),
  );
}

async function compareAfresh(
  ctx: Ctx,
  doc: DocumentRow,
  from: number,
  to: number,
  language: string,
): Promise<Comparison> {
  const [revisions, texts] = await Promise.all([
    revisionsIn(ctx.db, doc.id, [from, to]),
    textsAt(ctx.db, doc.id, [from, to]),
  ]);
  const fromRow = revisions.find((r) => r.revision === from);
  const toRow = revisions.find((r) => r.revision === to);
  if (!fromRow) throw badRequest([{ field: 'from', message: 'documents-revision-unknown' }]);
  if (!toRow) throw badRequest([{ field: 'to', message: 'documents-revision-unknown' }]);
  const translated = language === SOURCE_LANGUAGE ? null : await translationTextsAt(ctx, doc.id, language, [from, to]);
  const sourceTexts = new Map(texts.map((t) => [`${t.at}:${t.unit_id}`, t.text]));
  const textOf = (at: number, unitId: number) => translated?.(at, unitId) ?? sourceTexts.get(`${at}:${unitId}`) ?? '';
  const before = fromRow.unit_order;
  const after = toRow.unit_order;
  const fromIndex = new Map(before.map((id, i) => [id, i]));
  const toIndex = new Map(after.map((id, i) => [id, i]));
  const inBefore = new Set(before);
  const inAfter = new Set(after);
  // Units in both whose relative order changed are moved: those outside the longest common order.
  const kept = new Set<number>();
  for (const part of diffArrays(
    before.filter((id) => inAfter.has(id)),
    after.filter((id) => inBefore.has(id)),
  )) {
    if (!part.added && !part.removed) part.value.forEach((id) => kept.add(id));
  }
  const compared = (id: number): ComparedUnit => {
    const f = fromIndex.get(id) ?? -1;
    const t = toIndex.get(id) ?? -1;
    const unit = { id: String(id) };
    if (f < 0) return { ...unit, change: 'added', from: null, to: t, diff: [{ op: 'added', text: textOf(to, id) }] };
    if (t < 0) {
      return { ...unit, change: 'removed', from: f, to: null, diff: [{ op: 'removed', text: textOf(from, id) }] };
    }
    const [a, b] = [textOf(from, id), textOf(to, id)];
    const change = a !== b ? 'changed' : kept.has(id) ? 'same' : 'moved';
    return { ...unit, change, from: f, to: t, diff: a === b ? [{ op: 'same', text: b }] : unitDiff(a, b, language) };
  };
  const units: ComparedUnit[] = [];
  const placed = new Set<number>();
  // Removed units go after the unit they followed in `from` (or first).
  const removedAfter = new Map<number | null, number[]>();
  before.forEach((id, i) => {
    if (inAfter.has(id)) return;
    let j = i - 1;
    while (j >= 0 && !inAfter.has(before[j]!)) j--;
    const anchor = j >= 0 ? before[j]! : null;
    const list = removedAfter.get(anchor);
    if (list) list.push(id);
    else removedAfter.set(anchor, [id]);
  });
  const pushRemoved = (anchor: number | null) =>
    (removedAfter.get(anchor) ?? []).forEach((id) => {
      if (!placed.has(id)) units.push(compared(id));
      placed.add(id);
    });
  pushRemoved(null);
  for (const id of after) {
    units.push(compared(id));
    placed.add(id);
    pushRemoved(id);
  }
  return { slug: doc.slug, from: presentRevision(fromRow), to: presentRevision(toRow), language, units };
}
