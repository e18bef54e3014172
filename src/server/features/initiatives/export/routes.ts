// Downloads at page-level addresses (outside /api): one initiative as wikitext for a Meta-Wiki page, and the
// archive of past initiatives as JSON or CSV for partner and funder reports, with the archive page's filters.
// Anyone may download what they may read; each download counts in the `export` tier.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../http/ctx';
import type { RoutePolicy } from '../../../http/route-policy';
import { archiveFilterQuery } from '../archive/schema';
import { idParams } from '../schema';
import { csv, wikitext } from './formats';
import { archiveReports, initiativeReport } from './service';

// The archive search's filters (archive/schema.ts): a download holds what the search shows.
const filters = z.object(archiveFilterQuery);
const policy: RoutePolicy = { access: 'anyone', rate: ['export'] };
/** Each download is one text (wikitext, JSON or CSV), sent as it is. */
const file = { 200: z.string() };

export function exportRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/initiatives/:id/export.wikitext',
    { config: { policy: { ...policy, errors: [404] } }, schema: { hide: true, params: idParams, response: file } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { report, updates, sources } = await initiativeReport(ctx, req.params.id);
      return reply
        .type('text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="initiative-${report.id}.wikitext"`)
        .send(wikitext(report, updates, ctx.t, ctx.lang, sources));
    },
  );

  app.get(
    '/initiatives/archive.json',
    { config: { policy }, schema: { hide: true, querystring: filters, response: file } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const items = await archiveReports(ctx, req.query);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', 'attachment; filename="initiatives-archive.json"')
        .send(JSON.stringify({ exportedAt: ctx.now.toISOString(), count: items.length, items }, null, 2));
    },
  );

  app.get(
    '/initiatives/archive.csv',
    { config: { policy }, schema: { hide: true, querystring: filters, response: file } },
    async (req, reply) => {
      const items = await archiveReports(ctxOf(req), req.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="initiatives-archive.csv"')
        .send(csv(items));
    },
  );
}
