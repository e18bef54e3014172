// Loader of the new-document page (admins). Anyone else gets the API's own refusal (401 signed out, 403 not an
// admin), which the layout shows as the page: asked of an admin-only read, before it looks for the document.
import type { LoadContext } from '../../../state';

export interface NewDocumentPageData {
  admin: true;
}

export async function loadNewDocument(ctx: LoadContext): Promise<NewDocumentPageData> {
  if (!ctx.state.user?.roles.includes('admin')) await ctx.api.get('/documents/new/text');
  return { admin: true };
}
