import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  actionItem,
  actionList,
  appealItem,
  appealList,
  myActionItem,
  myModeration as myModerationSchema,
  ownReport,
  personStatus as personStatusSchema,
  reportItem,
  reportList,
} from '../../../contracts/moderation';
import { ctxOf } from '../../http/ctx';
import { answerAppeal, appeal, appealQueue, myModeration } from './appeals-service';
import {
  blockPerson,
  hideContent,
  moderationLog,
  personStatus,
  suspendPerson,
  unblockPerson,
  unhideContent,
  unsuspendPerson,
  warnPerson,
} from './actions-service';
import { closeReport, fileReport, reportQueue } from './reports-service';
import {
  answerAppealBody,
  appealBody,
  closeReportBody,
  createReportBody,
  idParams,
  logQuery,
  queueQuery,
  reasonBody,
  subjectActionBody,
  suspendBody,
} from './schema';

export function moderationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['moderation'];
  const mods = 'moderators and admins';

  app.post(
    '/reports',
    {
      config: { policy: { idempotent: true, access: 'signed_in', rate: ['report'], errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Report content or a person to the moderators (signed-in people; private)',
        body: createReportBody,
        response: { 201: ownReport },
      },
    },
    async (req, reply) => reply.code(201).send(await fileReport(ctxOf(req), req.body)),
  );

  app.get(
    '/moderation/reports',
    {
      config: { policy: { access: 'moderator' } },
      schema: {
        tags,
        summary: `The queue of reports, open or closed (${mods})`,
        querystring: queueQuery,
        response: { 200: reportList },
      },
    },
    (req) => reportQueue(ctxOf(req), req.query),
  );

  app.post(
    '/moderation/reports/:id/close',
    {
      config: { policy: { access: 'moderator', errors: [404, 409] } },
      schema: {
        tags,
        summary: `Resolve or dismiss a report (${mods})`,
        params: idParams,
        body: closeReportBody,
        response: { 200: reportItem },
      },
    },
    (req) => closeReport(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/moderation/hide',
    {
      config: { policy: { idempotent: true, access: 'moderator', errors: [404, 409] } },
      schema: {
        tags,
        summary: `Hide content with a reason; confirms an automatic hide (${mods})`,
        body: subjectActionBody,
        response: { 201: actionItem },
      },
    },
    async (req, reply) => reply.code(201).send(await hideContent(ctxOf(req), req.body)),
  );

  app.post(
    '/moderation/unhide',
    {
      config: { policy: { idempotent: true, access: 'moderator', errors: [404, 409] } },
      schema: {
        tags,
        summary: `Show hidden content again, with a reason (${mods})`,
        body: subjectActionBody,
        response: { 201: actionItem },
      },
    },
    async (req, reply) => reply.code(201).send(await unhideContent(ctxOf(req), req.body)),
  );

  const personActions = [
    ['warn', 'Warn a person', warnPerson, reasonBody],
    ['unsuspend', 'Lift a suspension', unsuspendPerson, reasonBody],
    ['block', 'Block an account: its sessions and tokens end and it cannot log in', blockPerson, reasonBody],
    ['unblock', 'Unblock an account', unblockPerson, reasonBody],
  ] as const;
  for (const [kind, summary, run, body] of personActions) {
    app.post(
      `/moderation/people/:id/${kind}`,
      {
        config: { policy: { idempotent: true, access: 'moderator', errors: [404, 409] } },
        schema: {
          tags,
          summary: `${summary} (${mods}; not admins)`,
          params: idParams,
          body,
          response: { 201: actionItem },
        },
      },
      async (req, reply) => reply.code(201).send(await run(ctxOf(req), req.params.id, req.body)),
    );
  }
  app.post(
    '/moderation/people/:id/suspend',
    {
      config: { policy: { idempotent: true, access: 'moderator', errors: [404, 409] } },
      schema: {
        tags,
        summary: `Suspend a person for some hours: no posting, commenting or reporting (${mods}; not admins)`,
        params: idParams,
        body: suspendBody,
        response: { 201: actionItem },
      },
    },
    async (req, reply) => reply.code(201).send(await suspendPerson(ctxOf(req), req.params.id, req.body)),
  );

  app.get(
    '/moderation/people/:id',
    {
      config: { policy: { access: 'moderator', errors: [404] } },
      schema: {
        tags,
        summary: `A person's standing: blocked, suspended, warnings (${mods})`,
        params: idParams,
        response: { 200: personStatusSchema },
      },
    },
    (req) => personStatus(ctxOf(req), req.params.id),
  );

  app.get(
    '/moderation/log',
    {
      config: { policy: { access: 'moderator' } },
      schema: {
        tags,
        summary: `The moderation log, newest first (${mods})`,
        querystring: logQuery,
        response: { 200: actionList },
      },
    },
    (req) => moderationLog(ctxOf(req), req.query),
  );

  app.get(
    '/moderation/appeals',
    {
      config: { policy: { access: 'moderator' } },
      schema: {
        tags,
        summary: `Appeals, open or answered (${mods})`,
        querystring: queueQuery,
        response: { 200: appealList },
      },
    },
    (req) => appealQueue(ctxOf(req), req.query),
  );

  app.post(
    '/moderation/appeals/:id/answer',
    {
      config: { policy: { access: 'moderator', errors: [404, 409] } },
      schema: {
        tags,
        summary: `Uphold or reverse an appeal with an answer; reversing undoes the action (${mods})`,
        params: idParams,
        body: answerAppealBody,
        response: { 200: appealItem },
      },
    },
    (req) => answerAppeal(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/me/moderation',
    {
      config: { policy: { access: 'signed_in' } },
      schema: {
        tags,
        summary: 'Moderation concerning the signed-in person: suspension, and actions on their content and account',
        querystring: logQuery,
        response: { 200: myModerationSchema },
      },
    },
    (req) => myModeration(ctxOf(req), req.query),
  );

  // Appealing stays open to a suspended person: it is how they contest the suspension.
  app.post(
    '/me/moderation/:id/appeal',
    {
      config: {
        policy: {
          idempotent: true,
          access: 'signed_in',
          rate: ['appeal'],
          openWhileSuspended: true,
          errors: [404, 409],
        },
      },
      schema: {
        tags,
        summary: 'Appeal an action on one’s content or account, once',
        params: idParams,
        body: appealBody,
        response: { 201: myActionItem },
      },
    },
    async (req, reply) => reply.code(201).send(await appeal(ctxOf(req), req.params.id, req.body)),
  );

  return Promise.resolve();
}
