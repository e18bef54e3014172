import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { commentItem, commentList, commentRevisionList } from '../../../contracts/conversations';
import { ctxOf } from '../../http/ctx';
import { createCommentBody, idParams, listCommentsQuery, patchCommentBody } from './schema';
import { commentRevisions, createComment, listComments, patchComment, removeComment } from './service';

export function conversationsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['comments'];

  app.get(
    '/comments',
    {
      config: { policy: { access: 'anyone', errors: [404] } },
      schema: {
        tags,
        summary: 'A thread of comments on a subject, in thread order',
        querystring: listCommentsQuery,
        response: { 200: commentList },
      },
    },
    (req) => listComments(ctxOf(req), req.query),
  );

  app.post(
    '/comments',
    {
      config: {
        policy: { access: 'signed_in', rate: ['comment'], firstDay: ['links', 'comments'], errors: [404, 409] },
      },
      schema: {
        tags,
        summary: 'Post a comment or a reply (signed-in people)',
        body: createCommentBody,
        response: { 201: commentItem },
      },
    },
    async (req, reply) => reply.code(201).send(await createComment(ctxOf(req), req.body)),
  );

  app.patch(
    '/comments/:id',
    {
      config: { policy: { access: 'signed_in', rate: ['edit'], firstDay: ['links'], errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Edit a comment (its author); earlier versions are kept',
        params: idParams,
        body: patchCommentBody,
        response: { 200: commentItem },
      },
    },
    (req) => patchComment(ctxOf(req), req.params.id, req.body),
  );

  // Deleting one's own comment stays open to a suspended person (moderators delete others' here too).
  app.delete(
    '/comments/:id',
    {
      config: { policy: { access: 'signed_in', openWhileSuspended: true, errors: [404] } },
      schema: { tags, summary: 'Delete a comment (its author, an admin or a moderator)', params: idParams },
    },
    async (req, reply) => {
      await removeComment(ctxOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/comments/:id/revisions',
    {
      config: { policy: { access: 'anyone', errors: [404] } },
      schema: {
        tags,
        summary: 'Every version of a comment, newest first',
        params: idParams,
        response: { 200: commentRevisionList },
      },
    },
    (req) => commentRevisions(ctxOf(req), req.params.id),
  );

  return Promise.resolve();
}
