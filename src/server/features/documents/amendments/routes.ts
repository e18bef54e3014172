import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { amendmentDetail, amendmentList, positionAnswer } from '../../../../contracts/amendments';
import { ctxOf } from '../../../http/ctx';
import { accept, adopt, reject, withdraw } from './decide';
import { acceptBody, adoptBody, idParams, listAmendmentsQuery, positionBody, proposeBody, rejectBody } from './schema';
import { getAmendment, listPage, propose, takePosition, withdrawPosition } from './service';

export function amendmentsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['amendments'];

  app.post(
    '/amendments',
    {
      config: {
        policy: {
          idempotent: true,
          access: 'signed_in',
          contentScope: 'documents',
          rate: ['topic', 'topic-day'],
          firstDay: ['links', 'topics'],
        },
      },
      schema: {
        tags,
        summary: 'Propose new Markdown for a unit, or consecutive units of one section, of a document or an adaptation',
        body: proposeBody,
        response: { 201: amendmentDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await propose(ctxOf(req), req.body)),
  );

  app.get(
    '/amendments',
    {
      config: { policy: { access: 'anyone', contentScope: 'documents' } },
      schema: {
        tags,
        summary: 'Amendments, newest first, of one document or adaptation and of one status if asked',
        querystring: listAmendmentsQuery,
        response: { 200: amendmentList },
      },
    },
    (req) => listPage(ctxOf(req), req.query),
  );

  app.get(
    '/amendments/:id',
    {
      config: { policy: { access: 'anyone', contentScope: 'documents', errors: [404] } },
      schema: {
        tags,
        summary: 'One amendment: its units as they are now, the proposed text, positions and what the reader may do',
        params: idParams,
        response: { 200: amendmentDetail },
      },
    },
    (req) => getAmendment(ctxOf(req), req.params.id),
  );

  app.put(
    '/amendments/:id/position',
    {
      config: { policy: { access: 'signed_in', rate: ['support'], firstDay: ['links'], errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Take or change one’s position (support, oppose, neutral), with an optional comment to its thread',
        params: idParams,
        body: positionBody,
        response: { 200: positionAnswer },
      },
    },
    (req) => takePosition(ctxOf(req), req.params.id, req.body),
  );

  // Withdrawing one's own position stays open to a suspended person, like withdrawing a support.
  app.delete(
    '/amendments/:id/position',
    {
      config: {
        policy: { access: 'signed_in', contentScope: 'documents', openWhileSuspended: true, errors: [404, 409] },
      },
      schema: { tags, summary: 'Withdraw one’s position', params: idParams, response: { 200: positionAnswer } },
    },
    (req) => withdrawPosition(ctxOf(req), req.params.id),
  );

  // Withdrawing one's own amendment stays open to a suspended person, like deleting one's own content.
  app.post(
    '/amendments/:id/withdraw',
    {
      config: {
        policy: { access: 'signed_in', contentScope: 'documents', openWhileSuspended: true, errors: [404, 409] },
      },
      schema: {
        tags,
        summary: 'Withdraw one’s amendment (its author)',
        params: idParams,
        response: { 200: amendmentDetail },
      },
    },
    (req) => withdraw(ctxOf(req), req.params.id),
  );

  app.post(
    '/amendments/:id/accept',
    {
      config: { policy: { access: 'signed_in', contentScope: 'documents', rate: ['edit'], errors: [404, 409] } },
      schema: {
        tags,
        summary:
          'Accept an amendment as a revision crediting its author (maintainers); merged text when a unit changed since',
        params: idParams,
        body: acceptBody,
        response: { 200: amendmentDetail },
      },
    },
    (req) => accept(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/amendments/:id/reject',
    {
      config: { policy: { access: 'signed_in', contentScope: 'documents', rate: ['edit'], errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Reject an amendment with a reason (maintainers)',
        params: idParams,
        body: rejectBody,
        response: { 200: amendmentDetail },
      },
    },
    (req) => reject(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/amendments/:id/adopt',
    {
      config: { policy: { access: 'signed_in', contentScope: 'documents', rate: ['edit'], errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Adopt a rejected amendment of a document into one’s group’s adaptation of it (its coordinators)',
        params: idParams,
        body: adoptBody,
        response: { 200: amendmentDetail },
      },
    },
    (req) => adopt(ctxOf(req), req.params.id, req.body),
  );

  return Promise.resolve();
}
