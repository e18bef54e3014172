import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { documentDetail, documentList } from '../../../../contracts/documents';
import { ctxOf } from '../../../http/ctx';
import { listDocumentsQuery, readQuery, slugParams } from '../schema';
import { sendJson } from './encoded';
import { listDocuments, readDocumentJson } from './service';

export function readingRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];

  app.get(
    '/documents',
    {
      config: { policy: { access: 'anyone', contentScope: 'documents' } },
      schema: {
        tags,
        summary: 'Every document with its title and a progress bar per language (priority languages first)',
        querystring: listDocumentsQuery,
        response: { 200: documentList },
      },
    },
    (req) => listDocuments(ctxOf(req), req.query.cursor, req.query.limit),
  );

  app.get(
    '/documents/:slug',
    {
      config: { policy: { access: 'anyone', contentScope: 'documents', errors: [404] } },
      schema: {
        tags,
        summary:
          'A document in a language, unit by unit: each marked source, current, outdated or fallback (in the next language of the chain that has it), with its language and direction',
        params: slugParams,
        querystring: readQuery,
        response: { 200: documentDetail },
      },
    },
    // JSON text made mostly of a kept part (readDocumentJson): sent as it is (compressed when the client accepts
    // it), not serialised again; it is documentDetail, made of values typed as it.
    async (req, reply) =>
      sendJson(req, reply, await readDocumentJson(ctxOf(req), req.params.slug, req.query.lang, req.query.revision)),
  );

  return Promise.resolve();
}
