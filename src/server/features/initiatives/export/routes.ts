// Downloads at page-level addresses (outside /api): one initiative as wikitext for a Meta-Wiki page, and the
// archive of past initiatives as JSON or CSV for partner and funder reports, with the archive page's filters.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { csv, wikitext } from './export';
import { z } from 'zod';
import { archiveFilterQuery } from './archive-service';
import { idParams } from './schema';
import { archiveReports, initiativeReport } from './service';

// The archive search's filters (archive-service.ts): a download holds what the search shows.
const filters = z.object(archiveFilterQuery);

export async function initiativesDownloadRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const config = { rateTier: 'export' };

  app.get('/initiatives/:id/export.wikitext', { config, schema: { hide: true, params: idParams } }, async (req, reply) => {
    const { report, updates } = await initiativeReport(fastify, req, req.params.id);
    return reply
      .type('text/plain; charset=utf-8')
      .header('content-disposition', `attachment; filename="initiative-${report.id}.wikitext"`)
      .send(wikitext(report, updates, req.t, req.lang));
  });

  app.get('/initiatives/archive.json', { config, schema: { hide: true, querystring: filters } }, async (req, reply) => {
    const items = await archiveReports(fastify, req.query);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="initiatives-archive.json"')
      .send(JSON.stringify({ exportedAt: fastify.deps.clock.now().toISOString(), count: items.length, items }, null, 2));
  });

  app.get('/initiatives/archive.csv', { config, schema: { hide: true, querystring: filters } }, async (req, reply) => {
    const items = await archiveReports(fastify, req.query);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="initiatives-archive.csv"')
      .send(csv(items));
  });
}
