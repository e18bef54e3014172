// The sources' search in the API: GET /api/v1/sources.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sourceList } from '../../../../contracts/sources';
import { ctxOf } from '../../../http/ctx';
import { sourceSearchQuery } from './schema';
import { searchSources } from './service';

export function searchRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/sources',
    {
      config: { policy: { access: 'anyone', contentScope: 'sources' } },
      schema: {
        tags: ['sources'],
        summary: 'Search the sources: words in the title, authors and summary, filters, three orders',
        description:
          '`q`: words that must each appear in the title, the authors or the summary (any case, parts of words too). ' +
          'Filters: `kind`, `language` (MediaWiki code, one of its languages), `skill`, `judgement` (the one most of its ' +
          'reviews give; ties are `mixed`), `access` (`open` for open access, `paywalled`, `library`), `from` and `to` ' +
          '(years `YYYY`, both included). `sort`: `newest` (the default), `reviewed` (most reviews first), `used` (most ' +
          'archived initiatives with goals met or partly met first). The same filters give the downloads ' +
          '`/sources/export.bib`, `.ris` and `.json`.',
        querystring: sourceSearchQuery,
        response: { 200: sourceList },
      },
    },
    (req) => searchSources(ctxOf(req), req.query),
  );
}
