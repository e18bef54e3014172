import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  guideDetail,
  guideList,
  langQuery,
  putVersionBody,
  revisionDetail,
  revisionList,
  revisionParams,
  revisionsQuery,
  slugParams,
  sourceChanges as sourceChangesSchema,
  versionParams,
} from './schema';
import { getGuide, getRevision, listGuides, listRevisions, putVersion, removeVersion, sourceChanges } from './service';

export async function guidesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['guides'];

  app.get('/guides', {
    schema: {
      tags,
      summary: 'The guides in reading order (overview, then the LDP phases), in the language asked for or in English',
      querystring: langQuery,
      response: { 200: guideList },
    },
  }, (req) => listGuides(fastify, req, req.query.lang));

  app.get('/guides/:slug', {
    schema: {
      tags,
      summary: 'One guide with its checklist, in the language asked for (the interface language by default) or in English, marked as such',
      params: slugParams,
      querystring: langQuery,
      response: { 200: guideDetail },
    },
  }, (req) => getGuide(fastify, req, req.params.slug, req.query.lang));

  // Admins only, like the FAQ: no per-action tier (a translator saves often); the global limit applies.
  app.put('/guides/:slug/versions/:lang', {
    schema: {
      tags,
      summary: 'Save the English text or a translation of a guide (admins); a new revision each time. Changing English marks translations outdated unless `minor`',
      params: versionParams,
      body: putVersionBody,
      response: { 200: guideDetail, 201: guideDetail },
    },
  }, async (req, reply) => {
    const { created, guide } = await putVersion(fastify, req, req.params.slug, req.params.lang, req.body);
    return reply.code(created ? 201 : 200).send(guide);
  });

  app.delete('/guides/:slug/versions/:lang', {
    schema: { tags, summary: 'Remove a translation (admins); readers of that language then see English. Its history stays', params: versionParams },
  }, async (req, reply) => {
    await removeVersion(fastify, req, req.params.slug, req.params.lang);
    return reply.code(204).send();
  });

  app.get('/guides/:slug/versions/:lang/revisions', {
    schema: { tags, summary: "A language version's revisions, newest first", params: versionParams, querystring: revisionsQuery, response: { 200: revisionList } },
  }, (req) => listRevisions(fastify, req.params.slug, req.params.lang, req.query.cursor, req.query.limit));

  app.get('/guides/:slug/versions/:lang/revisions/:revision', {
    schema: { tags, summary: 'One revision of a language version, with its text', params: revisionParams, response: { 200: revisionDetail } },
  }, (req) => getRevision(fastify, req.params.slug, req.params.lang, req.params.revision));

  app.get('/guides/:slug/versions/:lang/source-changes', {
    schema: {
      tags,
      summary: 'What changed in the English text since this translation last caught up with it (a line diff)',
      params: versionParams,
      response: { 200: sourceChangesSchema },
    },
  }, (req) => sourceChanges(fastify, req.params.slug, req.params.lang));
}
