// The sources' API: records (add, edit, history, merge, lookups, search), reviews, reading lists, initiatives'
// sources and imports; and their downloads at page addresses. Each part registers its own routes here.
import type { FastifyInstance } from 'fastify';
import { downloadRoutes } from './downloads/routes';
import { importRoutes } from './imports/routes';
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
}

/** The downloads (`/sources/export.bib`, `.ris`, `.json`; a reading list's), registered outside /api/v1. */
export async function sourcesPageRoutes(app: FastifyInstance): Promise<void> {
  await app.register(async () => {});
  downloadRoutes(app);
}
