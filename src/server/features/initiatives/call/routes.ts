// The call for collaborators in the API: the leads open or change it and answer sign-ups; people sign up for a
// job or offer general help, and take their sign-up back.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { callShown, signupAnswer, signupList } from '../../../../contracts/initiatives-answers';
import { ctxOf } from '../../../http/ctx';
import type { RoutePolicy } from '../../../http/route-policy';
import { idParams } from '../schema';
import { decide, putCall, signUp, signupsPage, withdraw } from './service';
import { callBody, jobParams, signupBody, signupParams, signupsQuery } from './schema';

const tags = ['initiatives'];
/** Signing up counts as a comment: its tier, and new accounts' first-day limits on links and comments. */
const signingUp: RoutePolicy = {
  access: 'signed_in',
  rate: ['comment'],
  firstDay: ['links', 'comments'],
  errors: [404, 409],
  idempotent: true,
};

export function callRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.put(
    '/initiatives/:id/call',
    {
      config: { policy: { access: 'signed_in', rate: ['post'], errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Open or update the call for collaborators (leads); opening it moves an idea to recruiting',
        params: idParams,
        body: callBody,
        response: { 200: callShown },
      },
    },
    (req) => putCall(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/initiatives/:id/jobs/:jobId/signups',
    {
      config: { policy: signingUp },
      schema: {
        tags,
        summary: 'Sign up for a job of an open call (beyond its places, on the waiting list)',
        params: jobParams,
        body: signupBody,
        response: { 201: signupAnswer },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await signUp(ctxOf(req), req.params.id, req.params.jobId, req.body.message)),
  );

  app.post(
    '/initiatives/:id/signups',
    {
      config: { policy: signingUp },
      schema: {
        tags,
        summary: 'Offer general help to an open call',
        params: idParams,
        body: signupBody,
        response: { 201: signupAnswer },
      },
    },
    async (req, reply) => reply.code(201).send(await signUp(ctxOf(req), req.params.id, null, req.body.message)),
  );

  app.get(
    '/initiatives/:id/signups',
    {
      config: { policy: { access: 'signed_in', errors: [404] } },
      schema: {
        tags,
        summary: 'Sign-ups by status, oldest first (leads); pending ones are the waiting list',
        params: idParams,
        querystring: signupsQuery,
        response: { 200: signupList },
      },
    },
    (req) => signupsPage(ctxOf(req), req.params.id, req.query),
  );

  app.post(
    '/initiatives/:id/signups/:signupId/accept',
    {
      config: { policy: { access: 'signed_in', errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Accept a sign-up (leads); into a full job it is a 409',
        params: signupParams,
        response: { 200: signupAnswer },
      },
    },
    (req) => decide(ctxOf(req), req.params.id, req.params.signupId, 'accepted'),
  );

  app.post(
    '/initiatives/:id/signups/:signupId/decline',
    {
      config: { policy: { access: 'signed_in', errors: [404, 409] } },
      schema: { tags, summary: 'Decline a sign-up (leads)', params: signupParams, response: { 200: signupAnswer } },
    },
    (req) => decide(ctxOf(req), req.params.id, req.params.signupId, 'declined'),
  );

  app.delete(
    '/initiatives/:id/signups/:signupId',
    {
      // Cancelling one's own sign-up stays open to suspended people.
      config: { policy: { access: 'signed_in', openWhileSuspended: true, errors: [404] } },
      schema: { tags, summary: 'Withdraw one’s own sign-up', params: signupParams },
    },
    async (req, reply) => {
      await withdraw(ctxOf(req), req.params.id, req.params.signupId);
      return reply.code(204).send();
    },
  );
}
