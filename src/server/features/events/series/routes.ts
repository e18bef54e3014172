// Making and changing events: create (topic tiers), change, cancel, and one occurrence moved or cancelled.
// Every write names the events scope, so only the events' kept pages are voided.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eventDetail } from '../../../../contracts/events';
import { ctxOf } from '../../../http/ctx';
import type { RoutePolicy } from '../../../http/route-policy';
import { cancelBody, createBody, idParams, occurrenceBody, occurrenceParams, patchBody, slotQuery } from '../schema';
import { cancelEvent, patchEvent, patchOccurrence } from './change';
import { createEvent } from './service';

const tags = ['events'];
/** What organizers change: the `post` tier, in the events scope. */
const manage: RoutePolicy = { access: 'signed_in', contentScope: 'events', rate: ['post'], errors: [404, 409] };

export function seriesRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/events',
    {
      // An event counts as a topic: its tiers, and new accounts' first-day limits on links and topics.
      config: {
        policy: {
          idempotent: true,
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

  app.patch(
    '/events/:id',
    {
      config: { policy: manage },
      schema: {
        tags,
        summary:
          'Change an event (organizers, coordinators of organizing groups, admins); new times or a new rule make the occurrences to come again, keeping those (and their registrations) whose occurrence stays',
        params: idParams,
        body: patchBody,
        response: { 200: eventDetail },
      },
    },
    (req) => patchEvent(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/events/:id/cancel',
    {
      config: { policy: manage },
      schema: {
        tags,
        summary: 'Cancel an event with a reason (it stays readable, shown cancelled)',
        params: idParams,
        body: cancelBody,
        response: { 200: eventDetail },
      },
    },
    (req) => cancelEvent(ctxOf(req), req.params.id, req.body.reason),
  );

  app.patch(
    '/events/:id/occurrences/:occurrence',
    {
      config: { policy: manage },
      schema: {
        tags,
        summary:
          'Move or cancel one occurrence, named by its original local start (URL-encoded); `slot` for a paired slot (0 by default)',
        params: occurrenceParams,
        querystring: slotQuery,
        body: occurrenceBody,
        response: { 200: eventDetail },
      },
    },
    (req) => patchOccurrence(ctxOf(req), req.params.id, req.params.occurrence, req.query.slot ?? 0, req.body),
  );
}
