// Sign up, log in, log out and the current session (/api/v1/session, /api/v1/accounts); one's own settings
// (settings/) are mounted with them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sessionAnswer, wikimediaSignupAnswer } from '../../../contracts/accounts';
import { ctxOf } from '../../http/ctx';
import { endSession } from '../../http/session';
import { currentSession, signIn } from './http';
import { logInBody, signUpBody, wikimediaSignupBody } from './schema';
import { logIn, logOut, signUp } from './service';
import { finishWikimediaSignup, wikimediaSignup } from './wikimedia/wikimedia-signup';
import { settingsRoutes } from './settings/settings-routes';

export async function accountsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];

  app.get(
    '/session',
    {
      config: { policy: { access: 'anyone' } },
      schema: {
        tags,
        summary: 'The current session: who is signed in, and the CSRF token',
        response: { 200: sessionAnswer },
      },
    },
    (req, reply) => currentSession(fastify, req, reply),
  );

  app.post(
    '/accounts',
    {
      config: { policy: { idempotent: true, access: 'anyone', rate: ['signup'], errors: [409] } },
      schema: { tags, summary: 'Sign up and sign in', body: signUpBody, response: { 201: sessionAnswer } },
    },
    async (req, reply) => {
      const userId = await signUp(ctxOf(req), req.body);
      return reply.code(201).send(await signIn(fastify, req, reply, userId));
    },
  );

  app.get(
    '/accounts/wikimedia-signup',
    {
      config: { policy: { access: 'anyone', errors: [404, 409] } },
      schema: {
        tags,
        summary: 'A Wikimedia log-in waiting for a username (its own is taken here or looks like one that is)',
        response: { 200: wikimediaSignupAnswer },
      },
    },
    (req) => wikimediaSignup(ctxOf(req)),
  );

  app.post(
    '/accounts/wikimedia-signup',
    {
      config: { policy: { idempotent: true, access: 'anyone', rate: ['signup'], errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Finish a Wikimedia log-in with another username, and sign in',
        body: wikimediaSignupBody,
        response: { 201: sessionAnswer },
      },
    },
    async (req, reply) => {
      const userId = await finishWikimediaSignup(ctxOf(req), req.body);
      return reply.code(201).send(await signIn(fastify, req, reply, userId));
    },
  );

  app.post(
    '/session',
    {
      config: { policy: { access: 'anyone', privateWrite: true, errors: [401, 429] } },
      schema: {
        tags,
        summary: 'Log in',
        description:
          'Failed log-ins are limited per account, from any address (10 in 15 minutes, then a wait that grows to ' +
          '15 minutes: 429 with Retry-After, whatever the password), and per address (50 in 15 minutes: past it a ' +
          'wrong password is a 429, a right one still logs in).',
        body: logInBody,
        response: { 200: sessionAnswer },
      },
    },
    async (req, reply) => signIn(fastify, req, reply, await logIn(ctxOf(req), req.body)),
  );

  app.delete(
    '/session',
    {
      config: { policy: { access: 'anyone', privateWrite: true, openWhileSuspended: true } },
      schema: { tags, summary: 'Log out' },
    },
    async (req, reply) => {
      await logOut(ctxOf(req));
      await endSession(fastify, req, reply);
      return reply.code(204).send();
    },
  );

  await fastify.register(settingsRoutes);
}
