// What a download of sources holds: the sources with the ids asked for, or those the search shows with the
// filters, at most EXPORT_MAX either way (more ids than that is a 400; a longer search is cut and says so).
import type { Ctx } from '../../../http/context';
import { badRequest } from '../../../http/errors';
import { matchingRecords, recordsByIds, type FoundRecord, type SourceFilterQuery } from '../search';

export const EXPORT_MAX = 1000;

/** `ids=1,2,3`: decimal ids separated by commas, each once, at most EXPORT_MAX; anything else a 400 naming `ids`. */
export function idsOf(text: string): number[] {
  const parts = text.split(',').map((p) => p.trim());
  if (!parts.every((p) => /^[1-9]\d{0,15}$/.test(p) && Number.isSafeInteger(Number(p)))) {
    throw badRequest([{ field: 'ids', message: 'sources-ids-invalid' }]);
  }
  const ids = [...new Set(parts.map(Number))];
  if (ids.length > EXPORT_MAX) {
    throw badRequest([{ field: 'ids', message: 'validation-too-many', params: [EXPORT_MAX] }]);
  }
  return ids;
}

/** GET /sources/export.*: anyone (sources are public). */
export async function sourcesToDownload(
  ctx: Ctx,
  q: SourceFilterQuery & { ids?: string },
): Promise<{ items: FoundRecord[]; more: boolean }> {
  if (q.ids !== undefined) return { items: await recordsByIds(ctx.db, idsOf(q.ids)), more: false };
  return matchingRecords(ctx.db, q, EXPORT_MAX);
}
