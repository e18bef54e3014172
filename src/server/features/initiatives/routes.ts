// Initiatives themselves in the API: posting an idea, reading one, changing its fields, moving it through the
// stages and the LDP guide's phases, and supporting it. The capabilities add theirs (board/, archive/, call/,
// team/, records/); index.ts mounts them all under /api/v1, and the downloads (export/) at the root.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { initiativeDetail, supportAnswer } from '../../../contracts/initiatives-answers';
import { ctxOf } from '../../http/ctx';
import type { RoutePolicy } from '../../http/route-policy';
import { getInitiative } from './detail';
import { createBody, idParams, patchBody, phaseBody, stageBody } from './schema';
import { createInitiative, moveStage, movePhase, patchInitiative, support, withdrawSupport } from './service';

const tags = ['initiatives'];
const detail = { 200: initiativeDetail };
/** What the leads change: the `post` tier. */
const lead: RoutePolicy = { access: 'signed_in', rate: ['post'], errors: [404] };

export function ideasRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/initiatives',
    {
      // An idea counts as a topic: its tiers, and new accounts' first-day limits on links and topics.
      config: {
        policy: { idempotent: true, access: 'signed_in', rate: ['topic', 'topic-day'], firstDay: ['links', 'topics'] },
      },
      schema: {
        tags,
        summary: 'Start an idea (signed-in people); its author leads it',
        body: createBody,
        response: { 201: initiativeDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await createInitiative(ctxOf(req), req.body)),
  );

  app.get(
    '/initiatives/:id',
    {
      config: { policy: { access: 'anyone', errors: [404] } },
      schema: {
        tags,
        summary: 'One initiative with its call, team, updates, grants, checklists and evaluation',
        params: idParams,
        response: detail,
      },
    },
    (req) => getInitiative(ctxOf(req), req.params.id),
  );

  app.patch(
    '/initiatives/:id',
    {
      config: { policy: lead },
      schema: {
        tags,
        summary: 'Change the idea’s fields (leads, admins, moderators)',
        params: idParams,
        body: patchBody,
        response: detail,
      },
    },
    (req) => patchInitiative(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/initiatives/:id/stage',
    {
      config: { policy: { ...lead, errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Move it to another stage (only the allowed moves; leads)',
        params: idParams,
        body: stageBody,
        response: detail,
      },
    },
    (req) => moveStage(ctxOf(req), req.params.id, req.body.stage),
  );

  app.post(
    '/initiatives/:id/phase',
    {
      config: { policy: { access: 'signed_in', errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Move an active initiative to another phase of the LDP guide (leads)',
        params: idParams,
        body: phaseBody,
        response: detail,
      },
    },
    (req) => movePhase(ctxOf(req), req.params.id, req.body.phase),
  );

  app.post(
    '/initiatives/:id/support',
    {
      config: { policy: { idempotent: true, access: 'signed_in', rate: ['support'], errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Support the initiative (once per person)',
        params: idParams,
        response: { 201: supportAnswer },
      },
    },
    async (req, reply) => reply.code(201).send(await support(ctxOf(req), req.params.id)),
  );

  app.delete(
    '/initiatives/:id/support',
    {
      // Taking one's support back, like unfollowing, stays open to suspended people.
      config: { policy: { access: 'signed_in', openWhileSuspended: true, errors: [404] } },
      schema: { tags, summary: 'Withdraw one’s support', params: idParams, response: { 200: supportAnswer } },
    },
    (req) => withdrawSupport(ctxOf(req), req.params.id),
  );
}
