import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  guideDetail,
  guideList,
  guideRevisionDetail,
  guideRevisionList,
  sourceChanges as sourceChangesSchema,
} from '../../../contracts/guides';
import { ctxOf } from '../../http/ctx';
import { langQuery, putVersionBody, revisionParams, revisionsQuery, slugParams, versionParams } from './schema';
import { getGuide, getRevision, listGuides, listRevisions, putVersion, removeVersion, sourceChanges } from './service';

export function guidesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['guides'];

  app.get(
    '/guides',
    {
      config: { policy: { access: 'anyone' } },
      schema: {
        tags,
        summary: 'The guides in reading order (overview, then the LDP phases), in the language asked for or in English',
        querystring: langQuery,
        response: { 200: guideList },
      },
    },
    (req) => listGuides(ctxOf(req), req.query.lang),
  );

  app.get(
    '/guides/:slug',
    {
      config: { policy: { access: 'anyone', errors: [404] } },
      schema: {
        tags,
        summary:
          'One guide with its checklist, in the language asked for (the interface language by default) or in English, marked as such',
        params: slugParams,
        querystring: langQuery,
        response: { 200: guideDetail },
      },
    },
    (req) => getGuide(ctxOf(req), req.params.slug, req.query.lang),
  );

  // Admins only, like the FAQ: no per-action tier (a translator saves often); the global limit applies. The
  // service checks the role, so that a refusal names what was attempted.
  app.put(
    '/guides/:slug/versions/:lang',
    {
      config: { policy: { access: 'signed_in', errors: [404, 409] } },
      schema: {
        tags,
        summary:
          'Save the English text or a translation of a guide (admins); a new revision each time. Changing English marks translations outdated unless `minor`',
        params: versionParams,
        body: putVersionBody,
        response: { 200: guideDetail, 201: guideDetail },
      },
    },
    async (req, reply) => {
      const { created, guide } = await putVersion(ctxOf(req), req.params.slug, req.params.lang, req.body);
      return reply.code(created ? 201 : 200).send(guide);
    },
  );

  app.delete(
    '/guides/:slug/versions/:lang',
    {
      config: { policy: { access: 'signed_in', errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Remove a translation (admins); readers of that language then see English. Its history stays',
        params: versionParams,
      },
    },
    async (req, reply) => {
      await removeVersion(ctxOf(req), req.params.slug, req.params.lang);
      return reply.code(204).send();
    },
  );

  app.get(
    '/guides/:slug/versions/:lang/revisions',
    {
      config: { policy: { access: 'anyone', errors: [404] } },
      schema: {
        tags,
        summary: "A language version's revisions, newest first",
        params: versionParams,
        querystring: revisionsQuery,
        response: { 200: guideRevisionList },
      },
    },
    (req) => listRevisions(ctxOf(req), req.params.slug, req.params.lang, req.query.cursor, req.query.limit),
  );

  app.get(
    '/guides/:slug/versions/:lang/revisions/:revision',
    {
      config: { policy: { access: 'anyone', errors: [404] } },
      schema: {
        tags,
        summary: 'One revision of a language version, with its text',
        params: revisionParams,
        response: { 200: guideRevisionDetail },
      },
    },
    (req) => getRevision(ctxOf(req), req.params.slug, req.params.lang, req.params.revision),
  );

  app.get(
    '/guides/:slug/versions/:lang/source-changes',
    {
      config: { policy: { access: 'anyone', errors: [404] } },
      schema: {
        tags,
        summary: 'What changed in the English text since this translation last caught up with it (a line diff)',
        params: versionParams,
        response: { 200: sourceChangesSchema },
      },
    },
    (req) => sourceChanges(ctxOf(req), req.params.slug, req.params.lang),
  );

  return Promise.resolve();
}
