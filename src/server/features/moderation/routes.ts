import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { answerAppeal, appeal, appealQueue, myModeration } from './appeals-service';
import { blockPerson, hideContent, moderationLog, personStatus, suspendPerson, unblockPerson, unhideContent, unsuspendPerson, warnPerson } from './actions-service';
import { closeReport, fileReport, reportQueue } from './reports-service';
import {
  actionItem,
  answerAppealBody,
  appealBody,
  appealItem,
  closeReportBody,
  createReportBody,
  idParams,
  listOf,
  logQuery,
  myActionItem,
  myModeration as myModerationSchema,
  ownReport,
  personStatus as personStatusSchema,
  queueQuery,
  reasonBody,
  reportItem,
  subjectActionBody,
  suspendBody,
} from './schema';

export async function moderationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['moderation'];
  const mods = 'moderators and admins';

  app.post('/reports', {
    config: { rateTier: 'report' },
    schema: { tags, summary: 'Report content or a person to the moderators (signed-in people; private)', body: createReportBody, response: { 201: ownReport } },
  }, async (req, reply) => reply.code(201).send(await fileReport(fastify, req, req.body)));

  app.get('/moderation/reports', {
    schema: { tags, summary: `The queue of reports, open or closed (${mods})`, querystring: queueQuery, response: { 200: listOf(reportItem) } },
  }, (req) => reportQueue(fastify, req, req.query));

  app.post('/moderation/reports/:id/close', {
    schema: { tags, summary: `Resolve or dismiss a report (${mods})`, params: idParams, body: closeReportBody, response: { 200: reportItem } },
  }, (req) => closeReport(fastify, req, req.params.id, req.body));

  app.post('/moderation/hide', {
    schema: { tags, summary: `Hide content with a reason; confirms an automatic hide (${mods})`, body: subjectActionBody, response: { 201: actionItem } },
  }, async (req, reply) => reply.code(201).send(await hideContent(fastify, req, req.body)));

  app.post('/moderation/unhide', {
    schema: { tags, summary: `Show hidden content again, with a reason (${mods})`, body: subjectActionBody, response: { 201: actionItem } },
  }, async (req, reply) => reply.code(201).send(await unhideContent(fastify, req, req.body)));

  const personActions = [
    ['warn', 'Warn a person', warnPerson, reasonBody],
    ['unsuspend', 'Lift a suspension', unsuspendPerson, reasonBody],
    ['block', 'Block an account: its sessions and tokens end and it cannot log in', blockPerson, reasonBody],
    ['unblock', 'Unblock an account', unblockPerson, reasonBody],
  ] as const;
  for (const [kind, summary, run, body] of personActions) {
    app.post(`/moderation/people/:id/${kind}`, {
      schema: { tags, summary: `${summary} (${mods}; not admins)`, params: idParams, body, response: { 201: actionItem } },
    }, async (req, reply) => reply.code(201).send(await run(fastify, req, req.params.id, req.body)));
  }
  app.post('/moderation/people/:id/suspend', {
    schema: { tags, summary: `Suspend a person for some hours: no posting, commenting or reporting (${mods}; not admins)`, params: idParams, body: suspendBody, response: { 201: actionItem } },
  }, async (req, reply) => reply.code(201).send(await suspendPerson(fastify, req, req.params.id, req.body)));

  app.get('/moderation/people/:id', {
    schema: { tags, summary: `A person's standing: blocked, suspended, warnings (${mods})`, params: idParams, response: { 200: personStatusSchema } },
  }, (req) => personStatus(fastify, req, req.params.id));

  app.get('/moderation/log', {
    schema: { tags, summary: `The moderation log, newest first (${mods})`, querystring: logQuery, response: { 200: listOf(actionItem) } },
  }, (req) => moderationLog(fastify, req, req.query));

  app.get('/moderation/appeals', {
    schema: { tags, summary: `Appeals, open or answered (${mods})`, querystring: queueQuery, response: { 200: listOf(appealItem) } },
  }, (req) => appealQueue(fastify, req, req.query));

  app.post('/moderation/appeals/:id/answer', {
    schema: { tags, summary: `Uphold or reverse an appeal with an answer; reversing undoes the action (${mods})`, params: idParams, body: answerAppealBody, response: { 200: appealItem } },
  }, (req) => answerAppeal(fastify, req, req.params.id, req.body));

  app.get('/me/moderation', {
    schema: { tags, summary: 'Moderation concerning the signed-in person: suspension, and actions on their content and account', querystring: logQuery, response: { 200: myModerationSchema } },
  }, (req) => myModeration(fastify, req, req.query));

  app.post('/me/moderation/:id/appeal', {
    config: { rateTier: 'appeal' },
    schema: { tags, summary: 'Appeal an action on one’s content or account, once', params: idParams, body: appealBody, response: { 201: myActionItem } },
  }, async (req, reply) => reply.code(201).send(await appeal(fastify, req, req.params.id, req.body)));
}
