// Find a time's API: make a poll, read its grid, answer it, pick a slot (which makes the event).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eventDetail } from '../../../../contracts/events';
import { timePollDetail } from '../../../../contracts/time-polls';
import { ctxOf } from '../../../http/ctx';
import { pickSlot } from './pick';
import { answersBody, createPollBody, pickBody, pollParams } from './schema';
import { answerPoll, createPoll, getPoll } from './service';

export function timePollsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['time polls'];
  app.post(
    '/time-polls',
    {
      config: {
        policy: { idempotent: true, access: 'signed_in', rate: ['topic', 'topic-day'], contentScope: 'events' },
      },
      schema: {
        tags,
        summary: 'Offer up to 20 slots (local times in a zone) to people, groups’ members or all current ambassadors',
        body: createPollBody,
        response: { 201: timePollDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await createPoll(ctxOf(req), req.body)),
  );
  app.get(
    '/time-polls/:id',
    {
      config: { policy: { access: 'signed_in', contentScope: 'events', errors: [404] } },
      schema: {
        tags,
        summary:
          'A poll’s grid: each slot with its answers, each invitee with their zone (when public or shared) and each slot there, night marked',
        params: pollParams,
        response: { 200: timePollDetail },
      },
    },
    (req) => getPoll(ctxOf(req), req.params.id),
  );
  app.put(
    '/time-polls/:id/answers',
    {
      config: { policy: { access: 'signed_in', rate: ['post'], contentScope: 'events', errors: [404, 409] } },
      schema: {
        tags,
        summary:
          'An invitee’s answers (yes, if need be, no) per slot, replacing earlier ones; optionally sharing their zone',
        params: pollParams,
        body: answersBody,
        response: { 200: timePollDetail },
      },
    },
    (req) => answerPoll(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/time-polls/:id/pick',
    {
      config: {
        policy: {
          idempotent: true,
          access: 'signed_in',
          rate: ['topic', 'topic-day'],
          contentScope: 'events',
          errors: [404, 409],
        },
      },
      schema: {
        tags,
        summary: 'The organizer picks a slot: the event is made with its times, and the invitees are told',
        params: pollParams,
        body: pickBody,
        response: { 201: eventDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await pickSlot(ctxOf(req), req.params.id, req.body)),
  );
  return Promise.resolve();
}
