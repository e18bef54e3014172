import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { comparison, documentSummary, markedText, revisionList, savedUnit } from '../../../../contracts/documents';
import { ctxOf } from '../../../http/ctx';
import {
  addUnitBody,
  compareQuery,
  createBody,
  deleteUnitQuery,
  patchBody,
  putTextBody,
  putUnitBody,
  revisionsQuery,
  slugParams,
  unitParams,
} from '../schema';
import { sendJson } from '../reading/encoded';
import { compareRevisionsJson, listRevisions } from './history';
import { addUnit, createFromBody, getMarkedText, patchDocument, putMarkedText, putUnit, removeUnit } from './service';

export function sourceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];

  app.post(
    '/documents',
    {
      config: { policy: { idempotent: true, access: 'admin', contentScope: 'documents', errors: [409] } },
      schema: {
        tags,
        summary: 'Create a document from Markdown (admins): the title is unit 0, each block a unit; revision 1',
        body: createBody,
        response: { 201: documentSummary },
      },
    },
    async (req, reply) => reply.code(201).send(await createFromBody(ctxOf(req), req.body)),
  );

  app.patch(
    '/documents/:slug',
    {
      config: { policy: { access: 'admin', contentScope: 'documents', errors: [404, 409] } },
      schema: {
        tags,
        summary: "Set a document's title (a new revision) or its priority languages (admins)",
        params: slugParams,
        body: patchBody,
        response: { 200: documentSummary },
      },
    },
    (req) => patchDocument(ctxOf(req), req.params.slug, req.body),
  );

  app.put(
    '/documents/:slug/units/:unitId',
    {
      config: { policy: { access: 'admin', contentScope: 'documents', errors: [404, 409] } },
      schema: {
        tags,
        summary:
          'Change a unit of the source, or move it after another (admins); 409 with the current text when the unit changed after baseRevision',
        params: unitParams,
        body: putUnitBody,
        response: { 200: savedUnit },
      },
    },
    (req) => putUnit(ctxOf(req), req.params.slug, req.params.unitId, req.body),
  );

  app.post(
    '/documents/:slug/units',
    {
      config: { policy: { idempotent: true, access: 'admin', contentScope: 'documents', errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Add a unit after another (admins); it gets a new id',
        params: slugParams,
        body: addUnitBody,
        response: { 201: savedUnit },
      },
    },
    async (req, reply) => reply.code(201).send(await addUnit(ctxOf(req), req.params.slug, req.body)),
  );

  app.delete(
    '/documents/:slug/units/:unitId',
    {
      config: { policy: { access: 'admin', contentScope: 'documents', errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Remove a unit (admins); its texts and translations stay in the history',
        params: unitParams,
        querystring: deleteUnitQuery,
        response: { 200: savedUnit },
      },
    },
    (req) => removeUnit(ctxOf(req), req.params.slug, req.params.unitId, req.query),
  );

  app.get(
    '/documents/:slug/text',
    {
      config: { policy: { access: 'admin', contentScope: 'documents', errors: [404] } },
      schema: {
        tags,
        summary: 'The whole source with a `<!--T:n-->` marker before each unit, to edit whole (admins)',
        params: slugParams,
        response: { 200: markedText },
      },
    },
    (req) => getMarkedText(ctxOf(req), req.params.slug),
  );

  app.put(
    '/documents/:slug/text',
    {
      config: { policy: { access: 'admin', contentScope: 'documents', errors: [404, 409] } },
      schema: {
        tags,
        summary:
          'Save the whole source with its markers (admins): a block keeping its marker keeps its id, a vanished marker removes its unit, a new block gets a new id',
        params: slugParams,
        body: putTextBody,
        response: { 200: markedText },
      },
    },
    (req) => putMarkedText(ctxOf(req), req.params.slug, req.body),
  );

  app.get(
    '/documents/:slug/revisions',
    {
      config: { policy: { access: 'anyone', contentScope: 'documents', errors: [404] } },
      schema: {
        tags,
        summary: "A document's revisions, newest first",
        params: slugParams,
        querystring: revisionsQuery,
        response: { 200: revisionList },
      },
    },
    (req) => listRevisions(ctxOf(req), req.params.slug, req.query.cursor, req.query.limit),
  );

  app.get(
    '/documents/:slug/compare',
    {
      config: { policy: { access: 'anyone', contentScope: 'documents', errors: [404] } },
      schema: {
        tags,
        summary: 'Two revisions compared unit by unit: added, removed, moved, changed (with a word diff)',
        params: slugParams,
        querystring: compareQuery,
        response: { 200: comparison },
      },
    },
    // Kept JSON text (compareRevisionsJson), sent as it is (compressed when the client accepts it): it is
    // `comparison`, made of values typed as it.
    async (req, reply) =>
      sendJson(
        req,
        reply,
        await compareRevisionsJson(ctxOf(req), req.params.slug, req.query.from, req.query.to, req.query.lang),
      ),
  );

  return Promise.resolve();
}
