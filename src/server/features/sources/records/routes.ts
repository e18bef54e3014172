// Sources' records: add, read, edit, history; moderators revert, merge and delete.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sourceDetail, sourceMoved, sourceRevisionList } from '../../../../contracts/sources';
import { ctxOf } from '../../../http/ctx';
import { sourceAnswer } from './detail';
import { sourceRevisions, revertSource } from './history';
import { deleteSource, mergeSource } from './merge';
import { createBody, idParams, mergeBody, patchBody, revertBody, revisionsQuery } from './schema';
import { createSource, patchSource } from './write';
import { sourcesWrite } from '../route-policies';

export function recordsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['sources'];

  app.post(
    '/sources',
    {
      config: { policy: { ...sourcesWrite([409]), idempotent: true } },
      schema: {
        tags,
        summary:
          'Add a source (any member). The same ISBN, DOI, normalized URL or Wikidata id as another source is a 409 whose `duplicates` names it; so is the same title and first author, unless `force`',
        body: createBody,
        response: { 201: sourceDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await createSource(ctxOf(req), req.body)),
  );

  app.get(
    '/sources/:id',
    {
      config: { policy: { access: 'anyone', contentScope: 'sources', errors: [404] } },
      schema: {
        tags,
        summary:
          'A source with its review counts, the initiatives and reading lists that hold it, a citation, and the viewer’s own review; a merged source answers 301 to the one it became',
        params: idParams,
        response: { 200: sourceDetail, 301: sourceMoved },
      },
    },
    async (req, reply) => {
      const answer = await sourceAnswer(ctxOf(req), req.params.id);
      if ('detail' in answer) return answer.detail;
      const location = `/api/v1/sources/${answer.movedTo}`;
      return reply.code(301).header('location', location).send({ id: answer.movedTo, location });
    },
  );

  app.patch(
    '/sources/:id',
    {
      config: { policy: sourcesWrite([404, 409]) },
      schema: {
        tags,
        summary:
          'Edit a source’s record (any member): a new revision; 409 when it changed after baseRevision, or for a duplicate as when adding',
        params: idParams,
        body: patchBody,
        response: { 200: sourceDetail },
      },
    },
    (req) => patchSource(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/sources/:id/revisions',
    {
      config: { policy: { access: 'anyone', contentScope: 'sources', errors: [404] } },
      schema: {
        tags,
        summary: 'A source’s revisions, newest first, each with what changed from the one before, field by field',
        params: idParams,
        querystring: revisionsQuery,
        response: { 200: sourceRevisionList },
      },
    },
    (req) => sourceRevisions(ctxOf(req), req.params.id, req.query),
  );

  app.post(
    '/sources/:id/revert',
    {
      config: { policy: { access: 'moderator', rate: ['post'], contentScope: 'sources', errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Restore an earlier revision’s record as a new revision (moderators and admins)',
        params: idParams,
        body: revertBody,
        response: { 200: sourceDetail },
      },
    },
    (req) => revertSource(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/sources/:id/merge',
    {
      config: { policy: { access: 'moderator', rate: ['post'], contentScope: 'sources', errors: [404] } },
      schema: {
        tags,
        summary:
          'Merge a source into another (moderators and admins): reviews, initiatives’ links, reading-list entries, comments and follows move; its address answers 301',
        params: idParams,
        body: mergeBody,
        response: { 200: sourceDetail },
      },
    },
    (req) => mergeSource(ctxOf(req), req.params.id, req.body),
  );

  app.delete(
    '/sources/:id',
    {
      config: { policy: { access: 'moderator', rate: ['post'], contentScope: 'sources', errors: [404] } },
      schema: { tags, summary: 'Delete a source (moderators and admins)', params: idParams },
    },
    async (req, reply) => {
      await deleteSource(ctxOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
  return Promise.resolve();
}
