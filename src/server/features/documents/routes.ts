// The documents' API: reading, the source (admins), translations.
import type { FastifyInstance } from 'fastify';
import { readingRoutes } from './reading/routes';
import { sourceRoutes } from './source/routes';
import { translationsRoutes } from './translations/routes';

export async function documentsRoutes(app: FastifyInstance): Promise<void> {
  await app.register(readingRoutes);
  await app.register(sourceRoutes);
  await app.register(translationsRoutes);
}
