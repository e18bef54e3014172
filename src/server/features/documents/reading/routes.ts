import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { documentDetail, documentList, type DocumentDetail } from '../../../../contracts/documents';
import { ctxOf } from '../../../http/ctx';
import { listDocumentsQuery, readQuery, slugParams } from '../schema';
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
    // JSON text made mostly of a kept part (readDocumentJson): sent as it is, not serialised again.
    async (req, reply) => {
      const json = await readDocumentJson(ctxOf(req), req.params.slug, req.query.lang, req.query.revision);
      // A string with a JSON type is sent as it is: the answer is documentDetail, made of values typed as it.
      return reply.type('application/json; charset=utf-8').send(json as unknown as DocumentDetail);
    },
  );

  return Promise.resolve();
}
