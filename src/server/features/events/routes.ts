// The events' API under /api/v1, one capability per sub-folder.
import type { FastifyInstance } from 'fastify';
import { listingRoutes } from './listing/routes';
import { registrationsRoutes } from './registrations/routes';
import { seriesRoutes } from './series/routes';

export function eventsRoutes(app: FastifyInstance): Promise<void> {
  listingRoutes(app);
  seriesRoutes(app);
  registrationsRoutes(app);
  return Promise.resolve();
}
