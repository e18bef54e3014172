import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { commentItem, commentList, createCommentBody, idParams, listCommentsQuery, patchCommentBody, revisionList } from './schema';
import { commentRevisions, createComment, listComments, patchComment, removeComment } from './service';

export async function conversationsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['comments'];

  app.get('/comments', {
    schema: { tags, summary: 'A thread of comments on a subject, in thread order', querystring: listCommentsQuery, response: { 200: commentList } },
  }, (req) => listComments(fastify, req, req.query));

  app.post('/comments', {
    config: { rateTier: 'comment' },
    schema: { tags, summary: 'Post a comment or a reply (signed-in people)', body: createCommentBody, response: { 201: commentItem } },
  }, async (req, reply) => reply.code(201).send(await createComment(fastify, req, req.body)));

  app.patch('/comments/:id', {
    config: { rateTier: 'edit' },
    schema: { tags, summary: 'Edit a comment (its author); earlier versions are kept', params: idParams, body: patchCommentBody, response: { 200: commentItem } },
  }, (req) => patchComment(fastify, req, req.params.id, req.body));

  app.delete('/comments/:id', {
    schema: { tags, summary: 'Delete a comment (its author, an admin or a moderator)', params: idParams },
  }, async (req, reply) => {
    await removeComment(fastify, req, req.params.id);
    return reply.code(204).send();
  });

  app.get('/comments/:id/revisions', {
    schema: { tags, summary: 'Every version of a comment, newest first', params: idParams, response: { 200: revisionList } },
  }, (req) => commentRevisions(fastify, req, req.params.id));
}
