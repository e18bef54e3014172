// Loader of the documents list: each document with a bar per language, priority languages first (the API's
// order), named in the reader's language.
import type { LoadContext } from '../../state';
import type { DocumentList, DocumentSummary } from '../../../contracts/documents';
import { query } from '../../api';
import { bar, type Bar } from './common';

export interface ListedDocument extends Omit<DocumentSummary, 'languages'> {
  bars: Bar[];
}

export interface DocumentsPageData {
  items: ListedDocument[];
  next: string | null;
}

export async function loadDocuments(ctx: LoadContext): Promise<DocumentsPageData> {
  const c = ctx.route.query.cursor;
  const res = await ctx.api.get<DocumentList>(`/documents${query({ cursor: typeof c === 'string' ? c : '' })}`);
  return {
    items: res.items.map(({ languages, ...d }) => ({ ...d, bars: languages.map((l) => bar(l, ctx.state.lang)) })),
    next: res.next,
  };
}
