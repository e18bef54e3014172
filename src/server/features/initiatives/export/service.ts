// The downloads' use cases: one initiative as a report with its progress updates, and the archive with the
// archive page's filters as report records. Anyone may download what they may read.
import type { Ctx } from '../../../http/context';
import { notFound } from '../../../http/errors';
import { canManage, loadInitiative, todayOf } from '../access';
import { archiveIds } from '../archive/service';
import type { ArchiveFilterQuery } from '../archive/schema';
import { initiativeView } from '../policy';
import { findInitiatives, type InitiativeRow } from '../repo';
import { updatesOf } from '../records/repo';
import { reports, type Report } from './present';
import { exportRecords } from './repo';
import { usedSourcesOf, type UsedSource } from './sources';

/** At most this many initiatives go into one archive download (the newest ended first). */
export const EXPORT_MAX = 5000;

/** The archive, with the archive page's filters, as report records. */
export async function archiveReports(ctx: Ctx, q: ArchiveFilterQuery): Promise<Report[]> {
  // Exactly what the archive search shows with the same filters (archive/service.ts), newest ended first.
  const ids = await archiveIds(ctx.db, q, EXPORT_MAX);
  const found = new Map<number, InitiativeRow>();
  for (let n = 0; n < ids.length; n += 500)
    for (const r of await findInitiatives(ctx.db, ids.slice(n, n + 500), todayOf(ctx))) found.set(r.id, r);
  const kept = ids.map((id) => found.get(id)).filter((r): r is InitiativeRow => !!r);
  return reports(
    kept,
    await exportRecords(
      ctx.db,
      kept.map((r) => r.id),
    ),
    ctx.config.baseUrl,
  );
}

export interface InitiativeReport {
  report: Report;
  updates: { title: string; body: string; createdAt: string }[];
  sources: UsedSource[];
}

/**
 * One initiative as a report record with its progress updates, oldest first. Hidden by moderation, it is only
 * for its author, leads and moderators (404 for others); hidden progress updates are left out.
 */
export async function initiativeReport(ctx: Ctx, idParam: string): Promise<InitiativeReport> {
  const row = await loadInitiative(ctx, idParam);
  if (!initiativeView(row, ctx.actor, await canManage(ctx, ctx.actor, row.id)).readable) throw notFound();
  const [records, updates, sources] = await Promise.all([
    exportRecords(ctx.db, [row.id]),
    updatesOf(ctx.db, row.id),
    usedSourcesOf(ctx.db, row.id),
  ]);
  const [report] = reports([row], records, ctx.config.baseUrl);
  // One row in, one report out.
  if (!report) throw notFound();
  return {
    report,
    updates: updates
      .filter((u) => u.hidden_reason === null)
      .reverse()
      .map((u) => ({ title: u.title, body: u.body, createdAt: u.created_at.toISOString() })),
    sources,
  };
}
