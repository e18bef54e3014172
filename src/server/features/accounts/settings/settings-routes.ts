// The signed-in person's own account: /api/v1/me/password, /me/sessions, /me/tokens and /me/account.
import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountAnswer, createdToken, sessionList, tokenList } from '../../../../contracts/accounts';
import { ctxOf } from '../../../http/ctx';
import { listQuery } from '../../../http/pagination';
import { endSession } from '../../../http/session';
import { changePasswordBody, createTokenBody, idParams } from '../schema';
import {
  changePassword,
  createToken,
  endMySession,
  myAccount,
  mySessions,
  myTokens,
  revokeToken,
} from './settings-service';

export const settingsRoutes: FastifyPluginCallback = (fastify, _opts, done) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];
  const security: Record<string, string[]>[] = [{ cookie: [] }, { bearer: [] }];
  const list = z.object(listQuery);

  app.get(
    '/me/account',
    {
      config: { policy: { access: 'signed_in' } },
      schema: {
        tags,
        security,
        summary: 'Your own account: username, e-mail, password set, linked Wikimedia account',
        response: { 200: accountAnswer },
      },
    },
    (req) => myAccount(ctxOf(req)),
  );

  app.put(
    '/me/password',
    {
      config: { policy: { access: 'signed_in', privateWrite: true, openWhileSuspended: true, errors: [429] } },
      schema: {
        tags,
        summary: 'Change your password; your other sessions end and your personal API tokens are revoked',
        description:
          'Needs a browser session (not a personal token) and the current password. A wrong current password ' +
          'counts as a failed log-in of the account and the address.',
        body: changePasswordBody,
      },
    },
    async (req, reply) => {
      await changePassword(ctxOf(req), req.body);
      return reply.code(204).send();
    },
  );

  app.get(
    '/me/sessions',
    {
      config: { policy: { access: 'signed_in' } },
      schema: {
        tags,
        security,
        summary: 'Your sessions, newest first; `current` marks the one making the request',
        querystring: list,
        response: { 200: sessionList },
      },
    },
    (req) => mySessions(ctxOf(req), req.query),
  );

  app.delete(
    '/me/sessions/:id',
    {
      config: { policy: { access: 'signed_in', privateWrite: true, openWhileSuspended: true, errors: [404] } },
      schema: {
        tags,
        security,
        summary: 'End one of your sessions (ending the current one logs out)',
        params: idParams,
      },
    },
    async (req, reply) => {
      const { endedCurrent } = await endMySession(ctxOf(req), Number(req.params.id));
      if (endedCurrent) await endSession(fastify, req, reply);
      return reply.code(204).send();
    },
  );

  app.get(
    '/me/tokens',
    {
      config: { policy: { access: 'signed_in' } },
      schema: {
        tags,
        security,
        summary: 'Your personal API tokens that are not revoked',
        querystring: list,
        response: { 200: tokenList },
      },
    },
    (req) => myTokens(ctxOf(req), req.query),
  );

  app.post(
    '/me/tokens',
    {
      config: { policy: { idempotent: true, access: 'signed_in', rate: ['token'], privateWrite: true } },
      schema: {
        tags,
        summary: 'Create a personal API token',
        description: 'The answer shows the secret once; send it as `Authorization: Bearer …`. Needs a browser session.',
        body: createTokenBody,
        response: { 201: createdToken },
      },
    },
    async (req, reply) => reply.code(201).send(await createToken(ctxOf(req), req.body)),
  );

  app.delete(
    '/me/tokens/:id',
    {
      config: { policy: { access: 'signed_in', privateWrite: true, openWhileSuspended: true, errors: [404] } },
      schema: { tags, security, summary: 'Revoke one of your personal API tokens', params: idParams },
    },
    async (req, reply) => {
      await revokeToken(ctxOf(req), Number(req.params.id));
      return reply.code(204).send();
    },
  );
  done();
};
