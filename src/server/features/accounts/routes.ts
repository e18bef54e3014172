import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { logInBody, sessionAnswer as sessionAnswerSchema, signUpBody } from './schema';
import { logIn, logOut, sessionAnswer, signUp } from './service';
import { settingsRoutes } from './settings/settings-routes';

export async function accountsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];

  app.get('/session', {
    schema: { tags, summary: 'The current session: who is signed in, and the CSRF token', response: { 200: sessionAnswerSchema } },
  }, (req, reply) => sessionAnswer(fastify, req, reply));

  app.post('/accounts', {
    config: { rateTier: 'signup' },
    schema: { tags, summary: 'Sign up and sign in', body: signUpBody, response: { 201: sessionAnswerSchema } },
  }, async (req, reply) => reply.code(201).send(await signUp(fastify, req, reply, req.body)));

  app.post('/session', {
    config: { privateWrite: true },
    schema: { tags, summary: 'Log in', body: logInBody, response: { 200: sessionAnswerSchema } },
  }, (req, reply) => logIn(fastify, req, reply, req.body));

  app.delete('/session', { config: { privateWrite: true }, schema: { tags, summary: 'Log out' } }, async (req, reply) => {
    await logOut(fastify, req, reply);
    return reply.code(204).send();
  });

  await fastify.register(settingsRoutes);
}
