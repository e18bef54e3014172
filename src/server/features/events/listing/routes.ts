// Reading events: the list (one item per occurrence and slot) and one event. Both show the events scope.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eventDetail as eventDetailAnswer, eventList } from '../../../../contracts/events';
import { ctxOf } from '../../../http/ctx';
import { detailQuery, idParams, listQuery } from '../schema';
import { eventDetail } from './detail';
import { listEvents } from './list';

const tags = ['events'];

export function listingRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/events',
    {
      config: { policy: { access: 'anyone', contentScope: 'events' } },
      schema: {
        tags,
        summary:
          'Occurrences (one item per occurrence and slot) by start; `from`/`to` are dates in `timezone` (UTC when left out), by default today and the 89 days after',
        querystring: listQuery,
        response: { 200: eventList },
      },
    },
    (req) => listEvents(ctxOf(req), req.query),
  );

  app.get(
    '/events/:id',
    {
      config: { policy: { access: 'anyone', contentScope: 'events', errors: [404] } },
      schema: {
        tags,
        summary: 'One event with the occurrence asked for (or the next one); never the meeting link',
        params: idParams,
        querystring: detailQuery,
        response: { 200: eventDetailAnswer },
      },
    },
    (req) => eventDetail(ctxOf(req), req.params.id, req.query),
  );
}
