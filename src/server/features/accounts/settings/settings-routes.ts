// The signed-in person's own account: /api/v1/me/password, /me/sessions, /me/tokens and /me/account.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listQuery } from '../../../http/pagination';
import { accountAnswer, changePasswordBody, createTokenBody, createdToken, idParams, listOf, sessionItem, tokenItem } from '../schema';
import { changePassword, createToken, endMySession, myAccount, mySessions, myTokens, revokeToken } from './settings-service';

export async function settingsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];
  const security: Record<string, string[]>[] = [{ cookie: [] }, { bearer: [] }];
  const list = z.object(listQuery);

  app.get('/me/account', {
    schema: { tags, security, summary: 'Your own account: username, e-mail, password set, linked Wikimedia account', response: { 200: accountAnswer } },
  }, (req) => myAccount(fastify, req));

  app.put('/me/password', {
    config: { privateWrite: true },
    schema: {
      tags,
      summary: 'Change your password; your other sessions end',
      description: 'Needs a browser session (not a personal token) and the current password.',
      body: changePasswordBody,
    },
  }, async (req, reply) => {
    await changePassword(fastify, req, req.body);
    return reply.code(204).send();
  });

  app.get('/me/sessions', {
    schema: { tags, security, summary: 'Your sessions, newest first; `current` marks the one making the request', querystring: list, response: { 200: listOf(sessionItem) } },
  }, (req) => mySessions(fastify, req, req.query));

  app.delete('/me/sessions/:id', {
    config: { privateWrite: true },
    schema: { tags, security, summary: 'End one of your sessions (ending the current one logs out)', params: idParams },
  }, async (req, reply) => {
    await endMySession(fastify, req, reply, Number(req.params.id));
    return reply.code(204).send();
  });

  app.get('/me/tokens', {
    schema: { tags, security, summary: 'Your personal API tokens that are not revoked', querystring: list, response: { 200: listOf(tokenItem) } },
  }, (req) => myTokens(fastify, req, req.query));

  app.post('/me/tokens', {
    config: { rateTier: 'token', privateWrite: true },
    schema: {
      tags,
      summary: 'Create a personal API token',
      description: 'The answer shows the secret once; send it as `Authorization: Bearer …`. Needs a browser session.',
      body: createTokenBody,
      response: { 201: createdToken },
    },
  }, async (req, reply) => reply.code(201).send(await createToken(fastify, req, req.body)));

  app.delete('/me/tokens/:id', {
    config: { privateWrite: true },
    schema: { tags, security, summary: 'Revoke one of your personal API tokens', params: idParams },
  }, async (req, reply) => {
    await revokeToken(fastify, req, Number(req.params.id));
    return reply.code(204).send();
  });
}
