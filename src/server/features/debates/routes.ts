import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import './subjects';
import {
  argumentItem,
  argumentParams,
  closeDebateBody,
  createArgumentBody,
  createDebateBody,
  debateDetail,
  debateList,
  idParams,
  listDebatesQuery,
  supportAnswer,
} from './schema';
import { addArgument, closeDebate, createDebate, getDebate, listDebatesPage, support, withdrawSupport } from './service';

export async function debatesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['debates'];

  app.get('/debates', {
    schema: { tags, summary: 'Debates, open ones first, newest first', querystring: listDebatesQuery, response: { 200: debateList } },
  }, (req) => listDebatesPage(fastify, req.query));

  app.post('/debates', {
    config: { rateTier: ['topic', 'topic-day'] },
    schema: { tags, summary: 'Open a debate (signed-in people)', body: createDebateBody, response: { 201: debateDetail } },
  }, async (req, reply) => reply.code(201).send(await createDebate(fastify, req, req.body)));

  app.get('/debates/:id', {
    schema: { tags, summary: 'One debate with its arguments by stance and their supports', params: idParams, response: { 200: debateDetail } },
  }, (req) => getDebate(fastify, req, req.params.id));

  app.post('/debates/:id/arguments', {
    config: { rateTier: 'comment' },
    schema: { tags, summary: 'Post an argument for, against or neutral (signed-in people; open debates)', params: idParams, body: createArgumentBody, response: { 201: argumentItem } },
  }, async (req, reply) => reply.code(201).send(await addArgument(fastify, req, req.params.id, req.body)));

  app.post('/debates/:id/arguments/:argumentId/support', {
    config: { rateTier: 'support' },
    schema: { tags, summary: 'Support an argument (once per person; open debates)', params: argumentParams, response: { 201: supportAnswer } },
  }, async (req, reply) => reply.code(201).send(await support(fastify, req, req.params.id, req.params.argumentId)));

  app.delete('/debates/:id/arguments/:argumentId/support', {
    schema: { tags, summary: 'Withdraw one’s support of an argument', params: argumentParams },
  }, async (req, reply) => {
    await withdrawSupport(fastify, req, req.params.id, req.params.argumentId);
    return reply.code(204).send();
  });

  app.post('/debates/:id/close', {
    config: { rateTier: 'edit' },
    schema: { tags, summary: 'Close a debate with a conclusion (its opener, a moderator or an admin)', params: idParams, body: closeDebateBody, response: { 200: debateDetail } },
  }, (req) => closeDebate(fastify, req, req.params.id, req.body.conclusion));
}
