// One source as its page shows it: the record, its reviews' counts, the initiatives that recorded it (those
// hidden by moderators left out), the reading lists holding it, how to cite it, the viewer's own review and
// what the viewer may do. A merged source's address names the one it became (the route answers 301).
import type { SourceDetail } from '../../../../contracts/sources';
import type { Db } from '../../../db/connection';
import { VersionedCache } from '../../../http/content-cache';
import type { Ctx } from '../../../http/context';
import { notFound } from '../../../http/errors';
import { storedHtml } from '../../../markdown/stored';
import { parseId } from '../../conversations';
import { notHidden } from '../../moderation';
import { presentJoinedPerson } from '../../people';
import { citationOf } from '../exchange/cite';
import { canEditSources, canModerateSources, canReviewSources } from '../policy';
import { myReview } from './mine';
import { findSource, mergedInto, type SourceRow } from './repo';
import { recordOfRow } from '../records-of-rows';
import { judgementsOf } from '../list-item';

export type SourceAnswer = { detail: SourceDetail } | { movedTo: string };

const initiativesOf = (db: Db, sourceId: number) =>
  db
    .selectFrom('initiative_sources as l')
    .innerJoin('initiatives as i', 'i.id', 'l.initiative_id')
    .select(['i.id', 'i.title', 'i.stage', 'i.outcome', 'l.note'])
    .where('l.source_id', '=', sourceId)
    .where(notHidden('initiative', 'i.id'))
    .orderBy('l.created_at')
    .orderBy('i.id')
    .limit(200)
    .execute();

const readingListsOf = (db: Db, sourceId: number) =>
  db
    .selectFrom('reading_list_items as li')
    .innerJoin('reading_lists as rl', 'rl.id', 'li.list_id')
    .select(['rl.id', 'rl.title'])
    .where('li.source_id', '=', sourceId)
    .orderBy('rl.id')
    .limit(200)
    .execute();

/** How many reviews gave each usefulness, every one of "1"–"5" present. */
const usefulnessOf = (counts: Record<string, number>): Record<string, number> =>
  Object.fromEntries(['1', '2', '3', '4', '5'].map((u) => [u, counts[u] ?? 0]));

async function detailOf(ctx: Ctx, row: SourceRow): Promise<SourceDetail> {
  const record = recordOfRow(row);
  const [initiatives, lists, mine] = await Promise.all([
    initiativesOf(ctx.db, row.id),
    readingListsOf(ctx.db, row.id),
    ctx.actor ? myReview(ctx.db, row.id, ctx.actor.id) : Promise.resolve(null),
  ]);
  return {
    id: String(row.id),
    ...record,
    summaryHtml: storedHtml(record.summary, row.summary_html, row.html_version),
    judgements: judgementsOf(row.judgement_counts),
    judgement: row.judgement,
    usefulness: usefulnessOf(row.usefulness_counts),
    reviews: row.review_count,
    usedBy: row.used_count,
    initiatives: initiatives.map((i) => ({
      id: String(i.id),
      title: i.title,
      stage: i.stage,
      outcome: i.outcome,
      note: i.note,
    })),
    readingLists: lists.map((l) => ({ id: String(l.id), title: l.title })),
    citation: citationOf(record),
    revision: row.revision,
    createdBy: presentJoinedPerson(row.username, row.display_name, row.public_fields),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    mine,
    can: {
      edit: canEditSources(ctx.actor, ctx.now),
      review: canReviewSources(ctx.actor),
      moderate: canModerateSources(ctx.actor),
    },
  };
}

/** The source's answer, or where a merged one went; 404 when it never was (or was deleted). */
async function answerAfresh(ctx: Ctx, id: number): Promise<SourceAnswer> {
  const row = await findSource(ctx.db, id);
  if (row) return { detail: await detailOf(ctx, row) };
  const into = await mergedInto(ctx.db, id);
  if (into !== undefined) return { movedTo: String(into) };
  throw notFound();
}

// Anonymous visitors all see the same answer (no review of theirs, nothing they may do): kept until the sources'
// version moves (any write to sources, reviews, links, lists or merges) or the global one (moderation hiding
// an initiative). Signed-in readers' answers carry their own review and rights: read afresh.
const keptForAnonymous = new VersionedCache<SourceAnswer>('sources.detail');

export async function sourceAnswer(ctx: Ctx, idParam: string): Promise<SourceAnswer> {
  const id = parseId(idParam);
  if (id === null) throw notFound();
  if (ctx.actor) return answerAfresh(ctx, id);
  return keptForAnonymous.get(ctx.db, String(id), () => answerAfresh(ctx, id));
}

/** The source's detail as its writer sees it right after a change. */
export async function sourceDetailOf(ctx: Ctx, id: number): Promise<SourceDetail> {
  const row = await findSource(ctx.db, id);
  if (!row) throw notFound();
  return detailOf(ctx, row);
}
