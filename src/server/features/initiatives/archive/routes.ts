// The archive of past initiatives in the API: GET /api/v1/initiatives/archive.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { archivePageAnswer } from '../../../../contracts/initiatives-answers';
import { ctxOf } from '../../../http/ctx';
import { archiveSearch } from './service';
import { archiveSearchQuery } from './schema';

export function archiveRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/initiatives/archive',
    {
      config: { policy: { access: 'anyone' } },
      schema: {
        tags: ['initiatives'],
        summary:
          'The archive: archived (completed) and discontinued initiatives with their documentation, newest ended first',
        description:
          '`q`: words that must each appear in the title, summary, lessons learned or what the team would do differently (any case, ' +
          'parts of words too). Filters: `region`, `language` (MediaWiki code), `community` (group slug), `skill`, `year` (when it ended, UTC), ' +
          '`outcome`: `completed` (archived) or `discontinued` (how it ended), or the evaluation over all goals: `met` (every goal met), ' +
          '`partly_met`, `not_met` (none met), `not_evaluated`. The same filters give the downloads `/initiatives/archive.json` and `.csv`.',
        querystring: archiveSearchQuery,
        response: { 200: archivePageAnswer },
      },
    },
    (req) => archiveSearch(ctxOf(req), req.query),
  );
}
