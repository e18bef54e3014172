// Loaders of a document's history (its revisions, newest first, with author, credited amendment author, summary
// and minor mark) and of a comparison of two revisions unit by unit (`?from=&to=`, and `?lang=` for a language).
import type { LoadContext } from '../../../state';
import type { Comparison, RevisionItem, RevisionList } from '../../../../contracts/documents';
import { query } from '../../../api';
import { documentPath, languageOf, slugOf, timeText, textDir } from '../common';

export interface ShownRevision extends RevisionItem {
  createdText: string;
}

export interface HistoryPageData {
  slug: string;
  items: ShownRevision[];
  next: string | null;
}

const shown = (r: RevisionItem, ctx: LoadContext): ShownRevision => ({ ...r, createdText: timeText(r.createdAt, ctx) });

export async function loadHistory(ctx: LoadContext): Promise<HistoryPageData> {
  const slug = slugOf(ctx);
  const c = ctx.route.query.cursor;
  const res = await ctx.api.get<RevisionList>(
    `${documentPath(slug)}/revisions${query({ cursor: typeof c === 'string' ? c : '', limit: 50 })}`,
  );
  return { slug, items: res.items.map((r) => shown(r, ctx)), next: res.next };
}

export interface ComparePageData extends Omit<Comparison, 'from' | 'to'> {
  from: ShownRevision;
  to: ShownRevision;
  dir: 'ltr' | 'rtl';
}

const revisionOf = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? v : undefined);

export async function loadCompare(ctx: LoadContext): Promise<ComparePageData> {
  const q = ctx.route.query;
  const c = await ctx.api.get<Comparison>(
    `${documentPath(slugOf(ctx))}/compare${query({ from: revisionOf(q.from), to: revisionOf(q.to), lang: languageOf(q.lang) })}`,
  );
  return { ...c, from: shown(c.from, ctx), to: shown(c.to, ctx), dir: textDir(c.language) };
}
