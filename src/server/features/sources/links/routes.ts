// The sources an initiative used: read by anyone who may read the initiative, recorded by its leads.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { initiativeSource, initiativeSources } from '../../../../contracts/sources';
import { ctxOf } from '../../../http/ctx';
import { initiativeParams, linkBody, linkParams } from './schema';
import { initiativeSourcesOf, linkSource, unlinkSource } from './service';
import { sourcesWrite } from '../route-policies';

export function linksRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['sources'];

  app.get(
    '/initiatives/:id/sources',
    {
      config: { policy: { access: 'anyone', contentScope: 'sources', errors: [404] } },
      schema: {
        tags,
        summary: "The sources an initiative used, each with its leads' note",
        params: initiativeParams,
        response: { 200: initiativeSources },
      },
    },
    (req) => initiativeSourcesOf(ctxOf(req), req.params.id),
  );

  app.post(
    '/initiatives/:id/sources',
    {
      config: { policy: { ...sourcesWrite([404, 409]), idempotent: true } },
      schema: {
        tags,
        summary:
          'Record a source the initiative used, with a note (its leads, admins, moderators); 409 when it is there',
        params: initiativeParams,
        body: linkBody,
        response: { 201: initiativeSource },
      },
    },
    async (req, reply) => reply.code(201).send(await linkSource(ctxOf(req), req.params.id, req.body)),
  );

  app.delete(
    '/initiatives/:id/sources/:sourceId',
    {
      config: { policy: sourcesWrite([404]) },
      schema: {
        tags,
        summary: "Remove a source from the initiative's (its leads, admins, moderators)",
        params: linkParams,
      },
    },
    async (req, reply) => {
      await unlinkSource(ctxOf(req), req.params.id, req.params.sourceId);
      return reply.code(204).send();
    },
  );
}
