import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createUpdateBody,
  idParams,
  listUpdatesQuery,
  patchUpdateBody,
  postableCommunities as postableSchema,
  updateDetail,
  updateFilters as updateFiltersSchema,
  updateList,
} from './schema';
import { createUpdate, getUpdate, listUpdatesPage, patchUpdate, postableCommunities, removeUpdate, updateFilters } from './service';

export async function updatesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['updates'];

  app.get('/updates', {
    schema: { tags, summary: 'Community Updates, newest first, by group and language', querystring: listUpdatesQuery, response: { 200: updateList } },
  }, (req) => listUpdatesPage(fastify, req.query));

  app.get('/updates/filters', {
    schema: { tags, summary: 'The groups and languages that have updates (for filters)', response: { 200: updateFiltersSchema } },
  }, () => updateFilters(fastify));

  app.get('/updates/postable-communities', {
    schema: { tags, summary: 'The groups the signed-in person may post updates for', response: { 200: postableSchema } },
  }, (req) => postableCommunities(fastify, req));

  app.post('/updates', {
    config: { rateTier: ['topic', 'topic-day'] },
    schema: {
      tags,
      summary: 'Post an update (admins, and coordinators and current ambassadors of the group)',
      body: createUpdateBody,
      response: { 201: updateDetail },
    },
  }, async (req, reply) => reply.code(201).send(await createUpdate(fastify, req, req.body)));

  app.get('/updates/:id', {
    schema: { tags, summary: 'One update', params: idParams, response: { 200: updateDetail } },
  }, (req) => getUpdate(fastify, req, req.params.id));

  app.patch('/updates/:id', {
    config: { rateTier: 'edit' },
    schema: { tags, summary: 'Change an update (its author or an admin)', params: idParams, body: patchUpdateBody, response: { 200: updateDetail } },
  }, (req) => patchUpdate(fastify, req, req.params.id, req.body));

  app.delete('/updates/:id', {
    schema: { tags, summary: 'Delete an update (its author, an admin or a moderator)', params: idParams },
  }, async (req, reply) => {
    await removeUpdate(fastify, req, req.params.id);
    return reply.code(204).send();
  });
}
