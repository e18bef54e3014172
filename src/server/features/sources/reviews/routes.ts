// Reviews' API: the viewer's one review of a source (save, delete) and a source's reviews, newest changed first.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sourceReview, sourceReviewList } from '../../../../contracts/sources';
import { ctxOf } from '../../../http/ctx';
import { reviewBody, reviewsQuery, sourceParams } from './schema';
import { listReviews, removeReview, saveReview } from './service';
import { sourcesWrite, deleteOwn } from '../route-policies';

export function reviewsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['sources'];

  app.put(
    '/sources/:id/review',
    {
      config: { policy: sourcesWrite([404, 409]) },
      schema: {
        tags,
        summary:
          "Save one's own review of a source (one per person: a second save replaces it, the earlier version kept); 409 when it changed after baseRevision",
        params: sourceParams,
        body: reviewBody,
        response: { 200: sourceReview },
      },
    },
    (req) => saveReview(ctxOf(req), req.params.id, req.body),
  );

  app.delete(
    '/sources/:id/review',
    {
      config: { policy: deleteOwn },
      schema: { tags, summary: "Delete one's own review of a source", params: sourceParams },
    },
    async (req, reply) => {
      await removeReview(ctxOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/sources/:id/reviews',
    {
      config: { policy: { access: 'anyone', contentScope: 'sources', errors: [404] } },
      schema: {
        tags,
        summary:
          'A source’s reviews, newest changed first; one hidden by moderation shows its reason in place (its words to its author and moderators)',
        params: sourceParams,
        querystring: reviewsQuery,
        response: { 200: sourceReviewList },
      },
    },
    (req) => listReviews(ctxOf(req), req.params.id, req.query),
  );

  return Promise.resolve();
}
