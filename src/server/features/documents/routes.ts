// The documents' API: reading, the source (admins), translations; and their downloads at page addresses.
import type { FastifyInstance } from 'fastify';
import { exchangeRoutes } from './exchange/routes';
import { readingRoutes } from './reading/routes';
import { sourceRoutes } from './source/routes';
import { translationsRoutes } from './translations/routes';

export async function documentsRoutes(app: FastifyInstance): Promise<void> {
  await app.register(readingRoutes);
  await app.register(sourceRoutes);
  await app.register(translationsRoutes);
}

/** The downloads (`/documents/<slug>/export.md`, `export.wikitext`), registered outside /api/v1. */
export function documentsPageRoutes(app: FastifyInstance): Promise<void> {
  exchangeRoutes(app);
  return Promise.resolve();
}
