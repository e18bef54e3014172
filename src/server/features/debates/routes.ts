import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { argumentItem, debateDetail, debateList, supportAnswer } from '../../../contracts/debates';
import { ctxOf } from '../../http/ctx';
import {
  argumentParams,
  closeDebateBody,
  createArgumentBody,
  createDebateBody,
  idParams,
  listDebatesQuery,
} from './schema';
import {
  addArgument,
  closeDebate,
  createDebate,
  getDebate,
  listDebatesPage,
  support,
  withdrawSupport,
} from './service';

export function debatesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['debates'];

  app.get(
    '/debates',
    {
      config: { policy: { access: 'anyone' } },
      schema: {
        tags,
        summary: 'Debates, open ones first, newest first',
        querystring: listDebatesQuery,
        response: { 200: debateList },
      },
    },
    (req) => listDebatesPage(ctxOf(req), req.query),
  );

  app.post(
    '/debates',
    {
      config: {
        policy: { idempotent: true, access: 'signed_in', rate: ['topic', 'topic-day'], firstDay: ['links', 'topics'] },
      },
      schema: {
        tags,
        summary: 'Open a debate (signed-in people)',
        body: createDebateBody,
        response: { 201: debateDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await createDebate(ctxOf(req), req.body)),
  );

  app.get(
    '/debates/:id',
    {
      config: { policy: { access: 'anyone', errors: [404] } },
      schema: {
        tags,
        summary: 'One debate with its arguments by stance and their supports',
        params: idParams,
        response: { 200: debateDetail },
      },
    },
    (req) => getDebate(ctxOf(req), req.params.id),
  );

  app.post(
    '/debates/:id/arguments',
    {
      config: {
        policy: {
          idempotent: true,
          access: 'signed_in',
          rate: ['comment'],
          firstDay: ['links', 'comments'],
          errors: [404, 409],
        },
      },
      schema: {
        tags,
        summary: 'Post an argument for, against or neutral (signed-in people; open debates)',
        params: idParams,
        body: createArgumentBody,
        response: { 201: argumentItem },
      },
    },
    async (req, reply) => reply.code(201).send(await addArgument(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    '/debates/:id/arguments/:argumentId/support',
    {
      config: { policy: { idempotent: true, access: 'signed_in', rate: ['support'], errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Support an argument (once per person; open debates)',
        params: argumentParams,
        response: { 201: supportAnswer },
      },
    },
    async (req, reply) => reply.code(201).send(await support(ctxOf(req), req.params.id, req.params.argumentId)),
  );

  // Withdrawing one's own support stays open to a suspended person, like unfollowing.
  app.delete(
    '/debates/:id/arguments/:argumentId/support',
    {
      config: { policy: { access: 'signed_in', openWhileSuspended: true, errors: [404, 409] } },
      schema: { tags, summary: 'Withdraw one’s support of an argument', params: argumentParams },
    },
    async (req, reply) => {
      await withdrawSupport(ctxOf(req), req.params.id, req.params.argumentId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/debates/:id/close',
    {
      config: { policy: { access: 'signed_in', rate: ['edit'], firstDay: ['links'], errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Close a debate with a conclusion (its opener, a moderator or an admin)',
        params: idParams,
        body: closeDebateBody,
        response: { 200: debateDetail },
      },
    },
    (req) => closeDebate(ctxOf(req), req.params.id, req.body.conclusion),
  );

  return Promise.resolve();
}
