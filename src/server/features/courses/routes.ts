// The course catalogue's API: courses, their runs per language, learners' progress, and a person's public list.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { courseDetail, courseList, personCourses as personCoursesSchema } from '../../../contracts/courses';
import { ctxOf } from '../../http/ctx';
import { addRun, patchRun, personCourses, putProgress, removeProgress } from './runs';
import {
  createBody,
  idParams,
  listCoursesQuery,
  patchBody,
  progressBody,
  runBody,
  runParams,
  runPatchBody,
  usernameParams,
} from './schema';
import { createCourse, getCourse, listCoursesOf, patchCourse } from './service';

export function coursesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['courses'];

  app.get(
    '/courses',
    {
      config: { policy: { access: 'anyone', contentScope: 'courses' } },
      schema: {
        tags,
        summary:
          'The course catalogue, newest changed first; filters: skill, LDP phase, level, run language, provider group',
        querystring: listCoursesQuery,
        response: { 200: courseList },
      },
    },
    (req) => listCoursesOf(ctxOf(req), req.query),
  );

  app.get(
    '/courses/:id',
    {
      config: { policy: { access: 'anyone', contentScope: 'courses', errors: [404] } },
      schema: {
        tags,
        summary:
          'A course with its runs per language, completions (per run language and public region; null under 5 from private values), the LDP revision it follows, trainings and initiatives naming it',
        params: idParams,
        response: { 200: courseDetail },
      },
    },
    (req) => getCourse(ctxOf(req), req.params.id),
  );

  app.post(
    '/courses',
    {
      config: {
        policy: { idempotent: true, access: 'signed_in', rate: ['topic', 'topic-day'], contentScope: 'courses' },
      },
      schema: {
        tags,
        summary: 'Add a course (any member; naming a provider group needs its coordinators or admins)',
        body: createBody,
        response: { 201: courseDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await createCourse(ctxOf(req), req.body)),
  );

  app.patch(
    '/courses/:id',
    {
      config: {
        policy: { access: 'signed_in', rate: ['topic', 'topic-day'], contentScope: 'courses', errors: [404, 409] },
      },
      schema: {
        tags,
        summary:
          "Change a course (its author, the provider's coordinators, admins); 409 when it changed after baseRevision",
        params: idParams,
        body: patchBody,
        response: { 200: courseDetail },
      },
    },
    (req) => patchCourse(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/courses/:id/runs',
    {
      config: {
        policy: {
          idempotent: true,
          access: 'signed_in',
          rate: ['topic', 'topic-day'],
          contentScope: 'courses',
          errors: [404, 409],
        },
      },
      schema: {
        tags,
        summary:
          'Add a run in a language with its Open edX course key (course-v1:Org+Course+Run); followers of the course are told',
        params: idParams,
        body: runBody,
        response: { 201: courseDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await addRun(ctxOf(req), req.params.id, req.body)),
  );

  app.patch(
    '/courses/:id/runs/:runId',
    {
      config: {
        policy: { access: 'signed_in', rate: ['topic', 'topic-day'], contentScope: 'courses', errors: [404, 409] },
      },
      schema: {
        tags,
        summary: "Change a run (the course's managers)",
        params: runParams,
        body: runPatchBody,
        response: { 200: courseDetail },
      },
    },
    (req) => patchRun(ctxOf(req), req.params.id, req.params.runId, req.body),
  );

  app.put(
    '/courses/:id/runs/:runId/progress',
    {
      config: { policy: { access: 'signed_in', rate: ['post'], contentScope: 'courses', errors: [404] } },
      schema: {
        tags,
        summary: 'Mark one’s own progress on a run: interested, enrolled or completed (private unless public)',
        params: runParams,
        body: progressBody,
        response: { 200: courseDetail },
      },
    },
    (req) => putProgress(ctxOf(req), req.params.id, req.params.runId, req.body),
  );

  app.delete(
    '/courses/:id/runs/:runId/progress',
    {
      config: {
        policy: {
          access: 'signed_in',
          rate: ['post'],
          contentScope: 'courses',
          errors: [404],
        },
      },
      schema: { tags, summary: 'Remove one’s own progress on a run', params: runParams },
    },
    async (req, reply) => {
      await removeProgress(ctxOf(req), req.params.id, req.params.runId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/people/:username/courses',
    {
      config: { policy: { access: 'anyone', contentScope: 'courses', errors: [404] } },
      schema: {
        tags,
        summary: 'The courses a person chose to show on their page, with their progress',
        params: usernameParams,
        response: { 200: personCoursesSchema },
      },
    },
    (req) => personCourses(ctxOf(req), req.params.username),
  );

  return Promise.resolve();
}
