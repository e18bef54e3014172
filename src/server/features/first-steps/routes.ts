// The first steps after signing up: /api/v1/me/first-steps, the signed-in person's own checklist.
import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { firstStepsAnswer } from '../../../contracts/first-steps';
import { ctxOf } from '../../http/ctx';
import { markFirstStepsBody } from './schema';
import { markFirstSteps, myFirstSteps } from './service';

export const firstStepsRoutes: FastifyPluginCallback = (fastify, _opts, done) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];
  const security: Record<string, string[]>[] = [{ cookie: [] }, { bearer: [] }];

  app.get(
    '/me/first-steps',
    {
      config: { policy: { access: 'signed_in' } },
      schema: {
        tags,
        security,
        summary: 'Your first steps: profile filled in, a group, the Telegram channel, the guides; each done or not',
        response: { 200: firstStepsAnswer },
      },
    },
    (req) => myFirstSteps(ctxOf(req)),
  );

  app.patch(
    '/me/first-steps',
    {
      config: { policy: { access: 'signed_in', privateWrite: true } },
      schema: {
        tags,
        security,
        summary: 'Mark the Telegram or guides step done (or not), or hide the list (or show it again)',
        description:
          'The profile and group steps are done by filling in the profile (region, languages, skills) and by joining a group.',
        body: markFirstStepsBody,
        response: { 200: firstStepsAnswer },
      },
    },
    (req) => markFirstSteps(ctxOf(req), req.body),
  );
  done();
};
