// What people need outside /api/v1: old person-page addresses redirect after a rename.
import type { FastifyInstance } from 'fastify';
import { registerPersonPageRedirects } from './redirects';

export function registerPeopleRootHooks(app: FastifyInstance): void {
  registerPersonPageRedirects(app);
}
