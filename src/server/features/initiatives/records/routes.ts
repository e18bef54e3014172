// What the leads record in the API: progress updates (followers are told), links, grants, the phase checklists
// and the evaluation. Every route is for the leads (admins and moderators can step in).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  checkAnswer,
  evaluationShown,
  grantShown,
  linkShown,
  progressUpdate,
} from '../../../../contracts/initiatives-answers';
import { ctxOf } from '../../../http/ctx';
import type { RoutePolicy } from '../../../http/route-policy';
import { idParams } from '../schema';
import { addGrant, addLink, changeGrant, check, evaluate, postUpdate, removeGrant, removeLink } from './service';
import {
  checkBody,
  evaluationBody,
  grantBody,
  grantParams,
  itemParams,
  linkBody,
  linkParams,
  updateBody,
} from './schema';

const tags = ['initiatives'];
/** What the leads write: the `post` tier. */
const lead: RoutePolicy = { access: 'signed_in', rate: ['post'], errors: [404] };
/** Removing and checking carry no tier (as before); suspended people are refused like on every write. */
const leadUntiered: RoutePolicy = { access: 'signed_in', errors: [404] };

export function recordsRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/initiatives/:id/updates',
    {
      config: { policy: { ...lead, idempotent: true } },
      schema: {
        tags,
        summary: 'Post a progress update (leads); followers are told',
        params: idParams,
        body: updateBody,
        response: { 201: progressUpdate },
      },
    },
    async (req, reply) => reply.code(201).send(await postUpdate(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    '/initiatives/:id/links',
    {
      config: { policy: { ...lead, idempotent: true } },
      schema: {
        tags,
        summary: 'Link an event, training or course (leads)',
        params: idParams,
        body: linkBody,
        response: { 201: linkShown },
      },
    },
    async (req, reply) => reply.code(201).send(await addLink(ctxOf(req), req.params.id, req.body)),
  );

  app.delete(
    '/initiatives/:id/links/:linkId',
    {
      config: { policy: leadUntiered },
      schema: { tags, summary: 'Remove a link (leads)', params: linkParams },
    },
    async (req, reply) => {
      await removeLink(ctxOf(req), req.params.id, req.params.linkId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/initiatives/:id/grants',
    {
      config: { policy: { ...lead, idempotent: true } },
      schema: {
        tags,
        summary: 'Record a grant: program, amount and currency, status, Meta grant page (leads)',
        params: idParams,
        body: grantBody,
        response: { 201: grantShown },
      },
    },
    async (req, reply) => reply.code(201).send(await addGrant(ctxOf(req), req.params.id, req.body)),
  );

  app.put(
    '/initiatives/:id/grants/:grantId',
    {
      config: { policy: lead },
      schema: {
        tags,
        summary: 'Change a grant (leads)',
        params: grantParams,
        body: grantBody,
        response: { 200: grantShown },
      },
    },
    (req) => changeGrant(ctxOf(req), req.params.id, req.params.grantId, req.body),
  );

  app.delete(
    '/initiatives/:id/grants/:grantId',
    {
      config: { policy: leadUntiered },
      schema: { tags, summary: 'Remove a grant (leads)', params: grantParams },
    },
    async (req, reply) => {
      await removeGrant(ctxOf(req), req.params.id, req.params.grantId);
      return reply.code(204).send();
    },
  );

  app.put(
    '/initiatives/:id/checklist/:item',
    {
      config: { policy: leadUntiered },
      schema: {
        tags,
        summary: 'Check or uncheck an item of a phase checklist (leads)',
        params: itemParams,
        body: checkBody,
        response: { 200: checkAnswer },
      },
    },
    (req) => check(ctxOf(req), req.params.id, req.params.item, req.body.checked),
  );

  app.put(
    '/initiatives/:id/evaluation',
    {
      config: { policy: { ...lead, errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Record the evaluation: outcomes per goal, people reached, lessons, documentation, follow-up (leads)',
        params: idParams,
        body: evaluationBody,
        response: { 200: evaluationShown },
      },
    },
    (req) => evaluate(ctxOf(req), req.params.id, req.body),
  );
}
