import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listQuery } from '../../http/pagination';
import './subjects';
import './quiet';
import { decide, putCall, signUp, signupsPage, withdraw } from './call-service';
import { addGrant, addLink, changeGrant, check, evaluate, postUpdate, removeGrant, removeLink } from './record-service';
import {
  boardAnswer,
  boardQuery,
  callBody,
  callShown,
  checkBody,
  countsAnswer,
  countsQuery,
  createBody,
  evaluationBody,
  facetsAnswer,
  grantBody,
  grantParams,
  idParams,
  initiativeDetail,
  initiativeList,
  inviteBody,
  itemParams,
  jobParams,
  linkBody,
  linkParams,
  listQuerySchema,
  patchBody,
  phaseBody,
  requestAnswer,
  requestParams,
  signupAnswer,
  signupBody,
  signupList,
  signupParams,
  stageBody,
  stepDownBody,
  supportAnswer,
  updateBody,
  volunteerBody,
} from './schema';
import { getInitiative } from './detail-service';
import { createInitiative, moveStage, movePhase, patchInitiative, support, withdrawSupport } from './service';
import { boardOverview, filterChoices, listPage, stageCounts } from './board-service';
import { alive, answerRequest, invite, stepDown, volunteer } from './team-service';

export async function initiativesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['initiatives'];
  const lead = { rateTier: 'post' };
  const detail = { 200: initiativeDetail };

  app.get('/initiatives', {
    schema: { tags, summary: 'Initiatives, newest first, filtered by stage, region, language, group, skill; matching=me: open calls that fit me', querystring: listQuerySchema, response: { 200: initiativeList } },
  }, (req) => listPage(fastify, req, req.query));

  app.get('/initiatives/counts', {
    schema: { tags, summary: 'How many initiatives are at each stage, with the same filters as the list', querystring: countsQuery, response: { 200: countsAnswer } },
  }, (req) => stageCounts(fastify, req.query));

  app.get('/initiatives/facets', {
    schema: {
      tags,
      summary: 'What the filters offer: the languages initiatives name and the groups taking part in any',
      response: { 200: facetsAnswer },
    },
  }, () => filterChoices(fastify));

  app.get('/initiatives/board', {
    schema: {
      tags,
      summary: 'The board at a glance with the filters: counts per stage, what the filters offer, and the newest few of each stage',
      querystring: boardQuery,
      response: { 200: boardAnswer },
    },
  }, (req) => boardOverview(fastify, req.query));

  // GET /initiatives/archive: archive-routes.ts.

  app.post('/initiatives', {
    config: { rateTier: ['topic', 'topic-day'] },
    schema: { tags, summary: 'Start an idea (signed-in people); its author leads it', body: createBody, response: { 201: initiativeDetail } },
  }, async (req, reply) => reply.code(201).send(await createInitiative(fastify, req, req.body)));

  app.get('/initiatives/:id', {
    schema: { tags, summary: 'One initiative with its call, team, updates, grants, checklists and evaluation', params: idParams, response: detail },
  }, (req) => getInitiative(fastify, req, req.params.id));

  app.patch('/initiatives/:id', {
    config: lead,
    schema: { tags, summary: 'Change the idea’s fields (leads, admins, moderators)', params: idParams, body: patchBody, response: detail },
  }, (req) => patchInitiative(fastify, req, req.params.id, req.body));

  app.post('/initiatives/:id/stage', {
    config: lead,
    schema: { tags, summary: 'Move it to another stage (only the allowed moves; leads)', params: idParams, body: stageBody, response: detail },
  }, (req) => moveStage(fastify, req, req.params.id, req.body.stage));

  app.post('/initiatives/:id/phase', {
    schema: { tags, summary: 'Move an active initiative to another phase of the LDP guide (leads)', params: idParams, body: phaseBody, response: detail },
  }, (req) => movePhase(fastify, req, req.params.id, req.body.phase));

  app.post('/initiatives/:id/support', {
    config: { rateTier: 'support' },
    schema: { tags, summary: 'Support the initiative (once per person)', params: idParams, response: { 201: supportAnswer } },
  }, async (req, reply) => reply.code(201).send(await support(fastify, req, req.params.id)));

  app.delete('/initiatives/:id/support', {
    schema: { tags, summary: 'Withdraw one’s support', params: idParams, response: { 200: supportAnswer } },
  }, (req) => withdrawSupport(fastify, req, req.params.id));

  // --- the call for collaborators

  app.put('/initiatives/:id/call', {
    config: lead,
    schema: { tags, summary: 'Open or update the call for collaborators (leads); opening it moves an idea to recruiting', params: idParams, body: callBody, response: { 200: callShown } },
  }, (req) => putCall(fastify, req, req.params.id, req.body));

  app.post('/initiatives/:id/jobs/:jobId/signups', {
    config: { rateTier: 'comment' },
    schema: { tags, summary: 'Sign up for a job of an open call (beyond its places, on the waiting list)', params: jobParams, body: signupBody, response: { 201: signupAnswer } },
  }, async (req, reply) => reply.code(201).send(await signUp(fastify, req, req.params.id, req.params.jobId, req.body.message)));

  app.post('/initiatives/:id/signups', {
    config: { rateTier: 'comment' },
    schema: { tags, summary: 'Offer general help to an open call', params: idParams, body: signupBody, response: { 201: signupAnswer } },
  }, async (req, reply) => reply.code(201).send(await signUp(fastify, req, req.params.id, null, req.body.message)));

  app.get('/initiatives/:id/signups', {
    schema: {
      tags,
      summary: 'Sign-ups by status, oldest first (leads); pending ones are the waiting list',
      params: idParams,
      querystring: z.object({ status: z.string().max(20).optional(), ...listQuery }),
      response: { 200: signupList },
    },
  }, (req) => signupsPage(fastify, req, req.params.id, req.query));

  app.post('/initiatives/:id/signups/:signupId/accept', {
    schema: { tags, summary: 'Accept a sign-up (leads); into a full job it is a 409', params: signupParams, response: { 200: signupAnswer } },
  }, (req) => decide(fastify, req, req.params.id, req.params.signupId, 'accepted'));

  app.post('/initiatives/:id/signups/:signupId/decline', {
    schema: { tags, summary: 'Decline a sign-up (leads)', params: signupParams, response: { 200: signupAnswer } },
  }, (req) => decide(fastify, req, req.params.id, req.params.signupId, 'declined'));

  app.delete('/initiatives/:id/signups/:signupId', {
    schema: { tags, summary: 'Withdraw one’s own sign-up', params: signupParams },
  }, async (req, reply) => {
    await withdraw(fastify, req, req.params.id, req.params.signupId);
    return reply.code(204).send();
  });

  // --- the team

  app.post('/initiatives/:id/invitations', {
    config: lead,
    schema: { tags, summary: 'Invite someone to co-lead (leads); they accept or decline', params: idParams, body: inviteBody, response: { 201: requestAnswer } },
  }, async (req, reply) => reply.code(201).send(await invite(fastify, req, req.params.id, req.body)));

  app.post('/initiatives/:id/volunteers', {
    config: { rateTier: 'comment' },
    schema: { tags, summary: 'Volunteer to lead an initiative that seeks a lead', params: idParams, body: volunteerBody, response: { 201: requestAnswer } },
  }, async (req, reply) => reply.code(201).send(await volunteer(fastify, req, req.params.id, req.body)));

  app.post('/initiatives/:id/lead-requests/:requestId/accept', {
    config: lead,
    schema: { tags, summary: 'Accept an invitation (the invitee) or a volunteer (a lead, an admin or a moderator)', params: requestParams, response: detail },
  }, (req) => answerRequest(fastify, req, req.params.id, req.params.requestId, true));

  app.post('/initiatives/:id/lead-requests/:requestId/decline', {
    config: lead,
    schema: { tags, summary: 'Decline an invitation or a volunteer', params: requestParams, response: detail },
  }, (req) => answerRequest(fastify, req, req.params.id, req.params.requestId, false));

  app.post('/initiatives/:id/step-down', {
    config: lead,
    schema: { tags, summary: 'Step down as a lead, marking the initiative as seeking a new lead', params: idParams, body: stepDownBody.nullish(), response: detail },
  }, (req) => stepDown(fastify, req, req.params.id, req.body ?? {}));

  app.post('/initiatives/:id/alive', {
    config: lead,
    schema: { tags, summary: 'Say that a quiet initiative still lives (leads)', params: idParams, response: detail },
  }, (req) => alive(fastify, req, req.params.id));

  // --- progress

  app.post('/initiatives/:id/updates', {
    config: lead,
    schema: { tags, summary: 'Post a progress update (leads); followers are told', params: idParams, body: updateBody },
  }, async (req, reply) => reply.code(201).send(await postUpdate(fastify, req, req.params.id, req.body)));

  app.post('/initiatives/:id/links', {
    config: lead,
    schema: { tags, summary: 'Link an event, training or course (leads)', params: idParams, body: linkBody },
  }, async (req, reply) => reply.code(201).send(await addLink(fastify, req, req.params.id, req.body)));

  app.delete('/initiatives/:id/links/:linkId', {
    schema: { tags, summary: 'Remove a link (leads)', params: linkParams },
  }, async (req, reply) => {
    await removeLink(fastify, req, req.params.id, req.params.linkId);
    return reply.code(204).send();
  });

  app.post('/initiatives/:id/grants', {
    config: lead,
    schema: { tags, summary: 'Record a grant: program, amount and currency, status, Meta grant page (leads)', params: idParams, body: grantBody },
  }, async (req, reply) => reply.code(201).send(await addGrant(fastify, req, req.params.id, req.body)));

  app.put('/initiatives/:id/grants/:grantId', {
    config: lead,
    schema: { tags, summary: 'Change a grant (leads)', params: grantParams, body: grantBody },
  }, (req) => changeGrant(fastify, req, req.params.id, req.params.grantId, req.body));

  app.delete('/initiatives/:id/grants/:grantId', {
    schema: { tags, summary: 'Remove a grant (leads)', params: grantParams },
  }, async (req, reply) => {
    await removeGrant(fastify, req, req.params.id, req.params.grantId);
    return reply.code(204).send();
  });

  app.put('/initiatives/:id/checklist/:item', {
    schema: { tags, summary: 'Check or uncheck an item of a phase checklist (leads)', params: itemParams, body: checkBody },
  }, (req) => check(fastify, req, req.params.id, req.params.item, req.body.checked));

  app.put('/initiatives/:id/evaluation', {
    config: lead,
    schema: { tags, summary: 'Record the evaluation: outcomes per goal, people reached, lessons, documentation, follow-up (leads)', params: idParams, body: evaluationBody },
  }, (req) => evaluate(fastify, req, req.params.id, req.body));
}
