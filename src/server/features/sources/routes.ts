// The sources' API: records (add, edit, history, merge, lookups, search), reviews, reading lists, initiatives'
// sources and imports; and their downloads at page addresses. Each part registers its own routes here.
import type { FastifyInstance } from 'fastify';
import { linksRoutes } from './links/routes';
import { listDownloadRoutes } from './lists/downloads';
import { readingListsRoutes } from './lists/routes';

export async function sourcesRoutes(app: FastifyInstance): Promise<void> {
  await app.register(async () => {});
  linksRoutes(app);
  readingListsRoutes(app);
}

/** The downloads (`/sources/export.bib`, `.ris`, `.json`; a reading list's), registered outside /api/v1. */
export async function sourcesPageRoutes(app: FastifyInstance): Promise<void> {
  await app.register(async () => {});
  listDownloadRoutes(app);
}
