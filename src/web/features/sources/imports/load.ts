// Loaders of the import pages. Only the importer sees an import: anyone else gets the API's own refusal (401
// signed out, 403 or 404), which the layout shows as the page.
import { query } from '../../../api';
import type { LoadContext } from '../../../state';
import type { SourceImport } from '../../../../contracts/sources';
import { queryString } from '../../communities';

export interface ImportUploadData {
  signedIn: boolean;
}

export const loadImportUpload = (ctx: LoadContext): Promise<ImportUploadData> =>
  Promise.resolve({ signedIn: !!ctx.state.user });

export interface ImportData {
  imp: SourceImport;
  /** The page of entries shown ('' for the first). */
  cursor: string;
}

export const fetchImport = (ctx: Pick<LoadContext, 'api'>, id: string, cursor: string) =>
  ctx.api.get<SourceImport>(`/source-imports/${encodeURIComponent(id)}${query({ cursor })}`);

export async function loadImport(ctx: LoadContext): Promise<ImportData> {
  const cursor = queryString(ctx.route.query.cursor);
  return { imp: await fetchImport(ctx, String(ctx.route.params.id), cursor), cursor };
}
