// What people and communities need outside /api/v1: old person-page addresses redirect after a rename, and
// state-changing requests tell the directory cache to look at the data again.
import type { FastifyInstance } from 'fastify';
import { registerDirectoryCacheHooks } from '../communities/directory-cache';
import { registerPersonPageRedirects } from './redirects';

export function registerPeopleRootHooks(app: FastifyInstance): void {
  registerPersonPageRedirects(app);
  registerDirectoryCacheHooks(app);
}
