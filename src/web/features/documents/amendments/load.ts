// Loaders of a document's amendments (with the source's units, for proposing one) and of one amendment (its
// proposed text against the units as they are now, positions, decision, adoptions).
import type { LoadContext } from '../../../state';
import type { DocumentDetail } from '../../../../contracts/documents';
import type {
  AmendmentDetail,
  AmendmentList,
  AmendmentStatus,
  AmendmentSummary,
} from '../../../../contracts/amendments';
import { query } from '../../../api';
import { documentPath, languageName, slugOf, timeText, textDir } from '../common';

/** The API's AMENDMENT_STATUSES, kept here so that pages need no schema code. */
export const STATUSES: readonly AmendmentStatus[] = ['open', 'accepted', 'rejected', 'withdrawn'];

export type ShownAmendment<T extends AmendmentSummary = AmendmentSummary> = T & {
  createdText: string;
  decidedText: string | null;
};

const shown = <T extends AmendmentSummary>(a: T, ctx: LoadContext): ShownAmendment<T> => ({
  ...a,
  createdText: timeText(a.createdAt, ctx),
  decidedText: a.decidedAt ? timeText(a.decidedAt, ctx) : null,
});

export interface AmendmentsPageData {
  slug: string;
  documentId: string;
  title: string;
  /** The source's units (id and text), for choosing what to amend. */
  units: { id: string; text: string }[];
  items: ShownAmendment[];
  next: string | null;
  /** ?status= filter ('' for all) and ?unit= (units' amendments only; null for all). */
  status: string;
  unit: string | null;
}

export async function loadAmendments(ctx: LoadContext): Promise<AmendmentsPageData> {
  const slug = slugOf(ctx);
  const q = ctx.route.query;
  const d = await ctx.api.get<DocumentDetail>(`${documentPath(slug)}?lang=en`);
  const status = (STATUSES as readonly string[]).includes(String(q.status)) ? String(q.status) : '';
  const unit = typeof q.unit === 'string' && /^\d{1,9}$/.test(q.unit) ? String(Number(q.unit)) : null;
  const res = await ctx.api.get<AmendmentList>(
    `/amendments${query({ targetType: 'document', targetId: d.id, status, cursor: typeof q.cursor === 'string' ? q.cursor : '' })}`,
  );
  return {
    slug,
    documentId: d.id,
    title: d.title,
    units: d.units.map((u) => ({ id: u.id, text: u.text })),
    items: res.items.filter((a) => unit === null || a.unitIds.includes(unit)).map((a) => shown(a, ctx)),
    next: res.next,
    status,
    unit,
  };
}

export interface AmendmentPageData extends ShownAmendment<AmendmentDetail> {
  dir: 'ltr' | 'rtl';
  languageName: string;
  adoptionNames: Record<string, string>;
}

export async function loadAmendment(ctx: LoadContext): Promise<AmendmentPageData> {
  const a = await ctx.api.get<AmendmentDetail>(`/amendments/${encodeURIComponent(String(ctx.route.params.id))}`);
  const adoptionNames: Record<string, string> = {};
  for (const l of [...a.adoptions.map((x) => x.language), ...a.can.adoptInto.map((x) => x.language)])
    adoptionNames[l] ??= languageName(l, ctx.state.lang);
  return {
    ...shown(a, ctx),
    dir: textDir(a.target.language),
    languageName: languageName(a.target.language, ctx.state.lang),
    adoptionNames,
  };
}
