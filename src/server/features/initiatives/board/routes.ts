// The board in the API: initiatives newest first with its filters, the counts per stage, what the filters
// offer, and the overview in one answer. Anyone may read it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { boardAnswer, countsAnswer, facetsAnswer, initiativeList } from '../../../../contracts/initiatives-answers';
import { ctxOf } from '../../../http/ctx';
import { boardOverview, filterChoices, listPage, stageCounts } from './service';
import { boardQuery, countsQuery, listQuerySchema } from './schema';

const tags = ['initiatives'];

export function boardRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/initiatives',
    {
      config: { policy: { access: 'anyone' } },
      schema: {
        tags,
        summary:
          'Initiatives, newest first, filtered by stage, region, language, group, skill; matching=me: open calls that fit me',
        querystring: listQuerySchema,
        response: { 200: initiativeList },
      },
    },
    (req) => listPage(ctxOf(req), req.query),
  );

  app.get(
    '/initiatives/counts',
    {
      config: { policy: { access: 'anyone' } },
      schema: {
        tags,
        summary: 'How many initiatives are at each stage, with the same filters as the list',
        querystring: countsQuery,
        response: { 200: countsAnswer },
      },
    },
    (req) => stageCounts(ctxOf(req), req.query),
  );

  app.get(
    '/initiatives/facets',
    {
      config: { policy: { access: 'anyone' } },
      schema: {
        tags,
        summary: 'What the filters offer: the languages initiatives name and the groups taking part in any',
        response: { 200: facetsAnswer },
      },
    },
    (req) => filterChoices(ctxOf(req)),
  );

  app.get(
    '/initiatives/board',
    {
      config: { policy: { access: 'anyone' } },
      schema: {
        tags,
        summary:
          'The board at a glance with the filters: counts per stage, what the filters offer, and the newest few of each stage',
        querystring: boardQuery,
        response: { 200: boardAnswer },
      },
    },
    (req) => boardOverview(ctxOf(req), req.query),
  );
}
