// Reading lists' API: anyone reads them; a person keeps their own, a group's coordinators and ambassadors its.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readingList, readingLists } from '../../../../contracts/sources';
import { ctxOf } from '../../../http/ctx';
import { createBody, idParams, itemsBody, listsQuery, patchBody } from './schema';
import {
  createReadingList,
  deleteReadingList,
  getReadingList,
  listReadingLists,
  patchReadingList,
  putReadingListItems,
} from './service';
import { sourcesWrite, deleteOwn } from '../route-policies';

export function readingListsRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['sources'];

  app.get(
    '/reading-lists',
    {
      config: { policy: { access: 'anyone', contentScope: 'sources' } },
      schema: {
        tags,
        summary: "Reading lists, newest changed first; a person's (owner) or a group's (community) when asked",
        querystring: listsQuery,
        response: { 200: readingLists },
      },
    },
    (req) => listReadingLists(ctxOf(req), req.query),
  );

  app.get(
    '/reading-lists/:id',
    {
      config: { policy: { access: 'anyone', contentScope: 'sources', errors: [404] } },
      schema: {
        tags,
        summary: 'A reading list with its sources in order, each with its note',
        params: idParams,
        response: { 200: readingList },
      },
    },
    (req) => getReadingList(ctxOf(req), req.params.id),
  );

  app.post(
    '/reading-lists',
    {
      config: { policy: { ...sourcesWrite(), idempotent: true } },
      schema: {
        tags,
        summary:
          "Start a reading list: one's own, or a group's (its coordinators and ambassadors, admins) when community names it",
        body: createBody,
        response: { 201: readingList },
      },
    },
    async (req, reply) => reply.code(201).send(await createReadingList(ctxOf(req), req.body)),
  );

  app.patch(
    '/reading-lists/:id',
    {
      config: { policy: sourcesWrite([404, 409]) },
      schema: {
        tags,
        summary:
          'Change a reading list’s title or description (those who keep it); 409 when it changed after baseRevision',
        params: idParams,
        body: patchBody,
        response: { 200: readingList },
      },
    },
    (req) => patchReadingList(ctxOf(req), req.params.id, req.body),
  );

  app.put(
    '/reading-lists/:id/items',
    {
      config: { policy: sourcesWrite([404]) },
      schema: {
        tags,
        summary: 'Replace a reading list’s sources by these, in this order, each with a note (at most 500)',
        params: idParams,
        body: itemsBody,
        response: { 200: readingList },
      },
    },
    (req) => putReadingListItems(ctxOf(req), req.params.id, req.body),
  );

  app.delete(
    '/reading-lists/:id',
    {
      config: { policy: deleteOwn },
      schema: { tags, summary: 'Delete a reading list (those who keep it)', params: idParams },
    },
    async (req, reply) => {
      await deleteReadingList(ctxOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
}
