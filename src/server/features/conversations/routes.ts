import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { commentItem, commentList, commentRevisionList, mentionSuggestions } from '../../../contracts/conversations';
import { ctxOf } from '../../http/ctx';
import { createCommentBody, idParams, listCommentsQuery, patchCommentBody, suggestQuery } from './schema';
import { commentRevisions, createComment, listComments, patchComment, removeComment } from './service';
import { suggestPeople } from './suggest';

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

  // Asked while typing after an `@`: signed-in people only (the composer is theirs), in a tier of its own.
  app.get(
    '/mentions/suggestions',
    {
      config: { policy: { access: 'signed_in', rate: ['lookup'], errors: [404] } },
      schema: {
        tags,
        summary: 'People to mention, for suggestions while typing (signed-in people)',
        description:
          '`q`: what follows the `@` (underscores are spaces). With `subjectType` and `subjectId`, people who took ' +
          'part in that discussion come first, after the people one follows; then others whose name starts so.',
        querystring: suggestQuery,
        response: { 200: mentionSuggestions },
      },
    },
    (req) => suggestPeople(ctxOf(req), req.query),
  );

  return Promise.resolve();
}
