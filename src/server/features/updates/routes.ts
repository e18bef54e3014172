// The Community Updates API. Each route declares its policy as data (http/route-policy.ts); who leads which
// group (the finer check) stays in the use cases.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { VersionedCache } from '../../http/content-cache';
import { ctxOf } from '../../http/ctx';
import { sendKeptJson } from '../../http/kept-json';
import {
  postableCommunities as postableSchema,
  updateDetail,
  updateFilters as updateFiltersSchema,
  updateList,
} from '../../../contracts/updates';
import { createUpdateBody, idParams, listUpdatesQuery, patchUpdateBody } from './schema';
import {
  createUpdate,
  getUpdate,
  listUpdatesPage,
  patchUpdate,
  postableCommunities,
  removeUpdate,
  updateFilters,
} from './service';

const keptPages = new VersionedCache<string>('updates.list');

export function updatesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['updates'];

  app.get(
    '/updates',
    {
      config: { policy: { access: 'anyone' } },
      schema: {
        tags,
        summary: 'Community Updates, newest first, by group and language',
        querystring: listUpdatesQuery,
        response: { 200: updateList },
      },
    },
    // The same for every reader: kept until the content changes.
    (req, reply) =>
      sendKeptJson(reply, keptPages, req.server.db, JSON.stringify(req.query), updateList, () =>
        listUpdatesPage(ctxOf(req), req.query),
      ),
  );

  app.get(
    '/updates/filters',
    {
      config: { policy: { access: 'anyone' } },
      schema: {
        tags,
        summary: 'The groups and languages that have updates (for filters)',
        response: { 200: updateFiltersSchema },
      },
    },
    (req) => updateFilters(ctxOf(req)),
  );

  app.get(
    '/updates/postable-communities',
    {
      config: { policy: { access: 'signed_in' } },
      schema: {
        tags,
        summary: 'The groups the signed-in person may post updates for',
        response: { 200: postableSchema },
      },
    },
    (req) => postableCommunities(ctxOf(req)),
  );

  app.post(
    '/updates',
    {
      config: {
        policy: { idempotent: true, access: 'signed_in', rate: ['topic', 'topic-day'], firstDay: ['links', 'topics'] },
      },
      schema: {
        tags,
        summary: 'Post an update (admins, and coordinators and current ambassadors of the group)',
        body: createUpdateBody,
        response: { 201: updateDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await createUpdate(ctxOf(req), req.body)),
  );

  app.get(
    '/updates/:id',
    {
      config: { policy: { access: 'anyone', errors: [404] } },
      schema: { tags, summary: 'One update', params: idParams, response: { 200: updateDetail } },
    },
    (req) => getUpdate(ctxOf(req), req.params.id),
  );

  app.patch(
    '/updates/:id',
    {
      config: { policy: { access: 'signed_in', rate: ['edit'], firstDay: ['links'], errors: [404] } },
      schema: {
        tags,
        summary: 'Change an update (its author or an admin)',
        params: idParams,
        body: patchUpdateBody,
        response: { 200: updateDetail },
      },
    },
    (req) => patchUpdate(ctxOf(req), req.params.id, req.body),
  );

  app.delete(
    '/updates/:id',
    {
      // Deleting one's own update stays open during a suspension; someone else's does not (checked in the use case).
      config: { policy: { access: 'signed_in', openWhileSuspended: true, errors: [404] } },
      schema: { tags, summary: 'Delete an update (its author, an admin or a moderator)', params: idParams },
    },
    async (req, reply) => {
      await removeUpdate(ctxOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
  // A plugin answers a promise (routes are declared above, synchronously).
  return Promise.resolve();
}
