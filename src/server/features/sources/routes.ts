// The sources' API: records (add, edit, history, merge, revert, delete), search, lookups, reviews, imports,
// initiatives' sources and reading lists; and their downloads at page addresses.
import type { FastifyInstance } from 'fastify';
import { downloadRoutes } from './downloads/routes';
import { importRoutes } from './imports/routes';
import { linksRoutes } from './links/routes';
import { listDownloadRoutes } from './lists/downloads';
import { readingListsRoutes } from './lists/routes';
import { lookupRoutes } from './lookup/routes';
import { recordsRoutes } from './records/routes';
import { reviewsRoutes } from './reviews/routes';
import { searchRoutes } from './search';

export async function sourcesRoutes(app: FastifyInstance): Promise<void> {
  await app.register(recordsRoutes);
  await app.register(reviewsRoutes);
  await app.register(importRoutes);
  searchRoutes(app);
  lookupRoutes(app);
  linksRoutes(app);
  readingListsRoutes(app);
}

/** The downloads (`/sources/export.bib`, `.ris`, `.json`; a reading list's), registered outside /api/v1. */
export async function sourcesPageRoutes(app: FastifyInstance): Promise<void> {
  await app.register(async () => {});
  downloadRoutes(app);
  listDownloadRoutes(app);
}
