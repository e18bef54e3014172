// Making and changing events: create (topic tiers), change, cancel, and one occurrence moved or cancelled.
// Every write names the events scope, so only the events' kept pages are voided.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eventDetail } from '../../../../contracts/events';
import { ctxOf } from '../../../http/ctx';
import { createBody } from '../schema';
import { createEvent } from './service';

const tags = ['events'];

export function seriesRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/events',
    {
      // An event counts as a topic: its tiers, and new accounts' first-day limits on links and topics.
      config: {
        policy: {
          access: 'signed_in',
          contentScope: 'events',
          rate: ['topic', 'topic-day'],
          firstDay: ['links', 'topics'],
          errors: [404],
        },
      },
      schema: {
        tags,
        summary: 'Make an event (ambassador meetings: admins and current ambassadors); its occurrences for 400 days',
        body: createBody,
        response: { 201: eventDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await createEvent(ctxOf(req), req.body)),
  );
}
