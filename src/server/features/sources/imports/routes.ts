// Imports' API: the file as the request's body (BibTeX, RIS or CSL-JSON by its content type, 10 MiB at most),
// its entries to read and choose for, and the commit. Every answer is the importer's alone.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IMPORT_CONTENT_TYPES,
  IMPORT_MAX_BYTES,
  IMPORT_STATUSES,
  importEntry,
  sourceImport,
  type ImportFormat,
} from '../../../../contracts/sources';
import { ctxOf } from '../../../http/ctx';
import { HttpError } from '../../../http/errors';
import { chooseEntry, commitImport, getImport, uploadImport } from './service';
import { chooseBody, entryParams, importParams, importQuery, uploadBody } from './schema';

const FORMAT_OF = new Map(Object.entries(IMPORT_CONTENT_TYPES).map(([f, type]) => [type, f as ImportFormat]));
const formatOf = (contentType: string | undefined) =>
  FORMAT_OF.get((contentType ?? '').split(';')[0]!.trim().toLowerCase());

const started = z.object({ id: z.string(), status: z.enum(IMPORT_STATUSES) });

export function importRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['sources'];

  // The three formats' bodies stay text, on these routes only; the parse job reads them.
  app.addContentTypeParser(
    Object.values(IMPORT_CONTENT_TYPES),
    { parseAs: 'string', bodyLimit: IMPORT_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/source-imports',
    {
      bodyLimit: IMPORT_MAX_BYTES,
      config: {
        policy: { idempotent: true, access: 'signed_in', rate: ['export'], privateWrite: true, errors: [413, 415] },
      },
      schema: {
        tags,
        summary:
          'Upload a BibTeX, RIS or CSL-JSON file as the body (by its content type; 10 MiB at most): it is read in the background',
        consumes: Object.values(IMPORT_CONTENT_TYPES),
        body: uploadBody,
        response: { 201: started },
      },
      // After the policy (a suspended person gets 403 whatever they send), before the body is validated.
      preValidation: (req, _reply, done) => {
        if (!formatOf(req.headers['content-type']) || typeof req.body !== 'string')
          done(new HttpError(415, 'error-unsupported-media', { detailKey: 'sources-import-content-type' }));
        else done();
      },
    },
    async (req, reply) =>
      reply.code(201).send(await uploadImport(ctxOf(req), formatOf(req.headers['content-type'])!, req.body)),
  );

  app.get(
    '/source-imports/:id',
    {
      config: { policy: { access: 'signed_in', errors: [404] } },
      schema: {
        tags,
        summary: "An import's progress and entries (100 a page, by their place in the file); the importer's only",
        params: importParams,
        querystring: importQuery,
        response: { 200: sourceImport },
      },
    },
    (req) => getImport(ctxOf(req), req.params.id, req.query.cursor),
  );

  app.put(
    '/source-imports/:id/entries/:n',
    {
      config: { policy: { access: 'signed_in', privateWrite: true, errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Choose what an entry becomes: added, skipped, or merged into an existing source (`into`)',
        params: entryParams,
        body: chooseBody,
        response: { 200: importEntry },
      },
    },
    (req) => chooseEntry(ctxOf(req), req.params.id, req.params.n, req.body),
  );

  app.post(
    '/source-imports/:id/commit',
    {
      config: { policy: { access: 'signed_in', rate: ['export'], contentScope: 'sources', errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Commit the import: its entries become sources all at once, in the background (then `done`)',
        params: importParams,
        response: { 202: started },
      },
    },
    async (req, reply) => reply.code(202).send(await commitImport(ctxOf(req), req.params.id)),
  );
  return Promise.resolve();
}
