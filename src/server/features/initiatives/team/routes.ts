// The team in the API: invitations to co-lead, volunteers, answering them, stepping down, and saying that a
// quiet initiative still lives.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { initiativeDetail, requestAnswer } from '../../../../contracts/initiatives-answers';
import { ctxOf } from '../../../http/ctx';
import type { RoutePolicy } from '../../../http/route-policy';
import { idParams } from '../schema';
import { alive, answerRequest, invite, stepDown, volunteer } from './service';
import { inviteBody, requestParams, stepDownBody, volunteerBody } from './schema';

const tags = ['initiatives'];
const detail = { 200: initiativeDetail };
/** What the leads do: the `post` tier. */
const lead: RoutePolicy = { access: 'signed_in', rate: ['post'], errors: [404, 409] };

export function teamRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/initiatives/:id/invitations',
    {
      config: { policy: { ...lead, idempotent: true } },
      schema: {
        tags,
        summary: 'Invite someone to co-lead (leads); they accept or decline',
        params: idParams,
        body: inviteBody,
        response: { 201: requestAnswer },
      },
    },
    async (req, reply) => reply.code(201).send(await invite(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    '/initiatives/:id/volunteers',
    {
      // Volunteering counts as a comment: its tier, and new accounts' first-day limits on links and comments.
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
        summary: 'Volunteer to lead an initiative that seeks a lead',
        params: idParams,
        body: volunteerBody,
        response: { 201: requestAnswer },
      },
    },
    async (req, reply) => reply.code(201).send(await volunteer(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    '/initiatives/:id/lead-requests/:requestId/accept',
    {
      config: { policy: lead },
      schema: {
        tags,
        summary: 'Accept an invitation (the invitee) or a volunteer (a lead, an admin or a moderator)',
        params: requestParams,
        response: detail,
      },
    },
    (req) => answerRequest(ctxOf(req), req.params.id, req.params.requestId, true),
  );

  app.post(
    '/initiatives/:id/lead-requests/:requestId/decline',
    {
      config: { policy: lead },
      schema: { tags, summary: 'Decline an invitation or a volunteer', params: requestParams, response: detail },
    },
    (req) => answerRequest(ctxOf(req), req.params.id, req.params.requestId, false),
  );

  app.post(
    '/initiatives/:id/step-down',
    {
      config: { policy: { ...lead, errors: [404] } },
      schema: {
        tags,
        summary: 'Step down as a lead, marking the initiative as seeking a new lead',
        params: idParams,
        body: stepDownBody.nullish(),
        response: detail,
      },
    },
    (req) => stepDown(ctxOf(req), req.params.id, req.body ?? {}),
  );

  app.post(
    '/initiatives/:id/alive',
    {
      config: { policy: { ...lead, errors: [404] } },
      schema: { tags, summary: 'Say that a quiet initiative still lives (leads)', params: idParams, response: detail },
    },
    (req) => alive(ctxOf(req), req.params.id),
  );
}
