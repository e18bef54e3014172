// A reading list as a file (BibTeX, RIS or CSL-JSON) at its page's address: /reading-lists/<id>/export.bib,
// .ris and .json, in the list's order. Anyone may download a list; each download counts in the `export` tier.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ImportFormat } from '../../../../contracts/sources';
import { ctxOf } from '../../../http/ctx';
import type { RoutePolicy } from '../../../http/route-policy';
import { DOWNLOADS, formatRecords } from '../exchange/formats';
import { recordOfRow } from '../records-of-rows';
import { itemsOf } from './repo';
import { idParams } from './schema';
import { loadList } from './service';

const policy: RoutePolicy = { access: 'anyone', rate: ['export'], contentScope: 'sources', errors: [404] };
const file = { 200: z.string() };

export function listDownloadRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  for (const format of ['bibtex', 'ris', 'csl-json'] as const satisfies readonly ImportFormat[]) {
    const { contentType, extension } = DOWNLOADS[format];
    app.get(
      `/reading-lists/:id/export.${extension}`,
      { config: { policy }, schema: { hide: true, params: idParams, response: file } },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const list = await loadList(ctx, req.params.id);
        const rows = await itemsOf(ctx.db, list.id);
        return reply
          .type(contentType)
          .header('content-disposition', `attachment; filename="reading-list-${list.id}.${extension}"`)
          .send(
            formatRecords(
              rows.map((r) => ({ id: r.id, record: recordOfRow(r) })),
              format,
            ),
          );
      },
    );
  }
}
