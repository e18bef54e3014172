// Downloads at page-level addresses (outside /api), as the initiatives' are: a document as Markdown with its
// markers, or as wikitext for Meta-Wiki (a Translate page for the source), in a language (`?lang=`, the source by
// default), and an adaptation as its group reads it. Anyone may download what they may read; each download counts in the `export` tier.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../http/ctx';
import type { RoutePolicy } from '../../../http/route-policy';
import { languageCode, slugParams } from '../schema';
import { exportAdaptation, exportDocument, type ExportFormat } from './service';

const policy: RoutePolicy = { access: 'anyone', rate: ['export'], errors: [400, 404] };
const blank = (v: unknown) => (v === '' ? undefined : v);
const adaptationParams = z.object({ id: z.string() });
const exportQuery = z.object({ lang: z.preprocess(blank, languageCode.optional()) });
/** Each download is one text, sent as it is. */
const file = { 200: z.string() };

export function exchangeRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  for (const format of ['md', 'wikitext'] as const satisfies readonly ExportFormat[]) {
    app.get(
      `/documents/:slug/export.${format}`,
      { config: { policy }, schema: { hide: true, params: slugParams, querystring: exportQuery, response: file } },
      async (req, reply) => {
        const out = await exportDocument(ctxOf(req), req.params.slug, req.query.lang, format);
        return reply
          .type(out.contentType)
          .header('content-disposition', `attachment; filename="${out.filename}"`)
          .send(out.text);
      },
    );
    app.get(
      `/adaptations/:id/export.${format}`,
      { config: { policy }, schema: { hide: true, params: adaptationParams, response: file } },
      async (req, reply) => {
        const out = await exportAdaptation(ctxOf(req), req.params.id, format);
        return reply
          .type(out.contentType)
          .header('content-disposition', `attachment; filename="${out.filename}"`)
          .send(out.text);
      },
    );
  }
}
