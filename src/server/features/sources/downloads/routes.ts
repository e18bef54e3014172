// Downloads of sources at page addresses: `/sources/export.bib`, `.ris` and `.json` (CSL-JSON), with the search's
// filters (they hold exactly what the search shows, in its order) or `ids=1,2,3` (those sources, in that order).
// Anyone may download what they may read; each download counts in the `export` tier.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ImportFormat } from '../../../../contracts/sources';
import { ctxOf } from '../../../http/ctx';
import type { RoutePolicy } from '../../../http/route-policy';
import { DOWNLOADS, formatRecords } from '../exchange/formats';
import { sourceFilterQuery } from '../search';
import { EXPORT_MAX, sourcesToDownload } from './service';

const query = z.object({ ...sourceFilterQuery, ids: z.string().max(20_000).optional() });
const policy: RoutePolicy = { access: 'anyone', rate: ['export'], contentScope: 'sources' };
/** Each download is one text, sent as it is. */
const file = { 200: z.string() };

export function downloadRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  for (const format of Object.keys(DOWNLOADS) as ImportFormat[]) {
    const { contentType, extension } = DOWNLOADS[format];
    app.get(
      `/sources/export.${extension}`,
      { config: { policy }, schema: { hide: true, querystring: query, response: file } },
      async (req, reply) => {
        const { items, more } = await sourcesToDownload(ctxOf(req), req.query);
        // A search with more matches than a download holds is cut; the header says where.
        if (more) reply.header('x-ldn-export-limit', String(EXPORT_MAX));
        return reply
          .type(contentType)
          .header('x-ldn-export-count', String(items.length))
          .header('content-disposition', `attachment; filename="sources.${extension}"`)
          .send(formatRecords(items, format));
      },
    );
  }
}
