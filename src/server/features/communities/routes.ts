import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listQuery } from '../../http/pagination';
import {
  communitiesAnswer,
  communitiesQuery,
  communityDetail,
  createCommunityBody,
  designateBody,
  memberParams,
  memberRoleBody,
  membersAnswer,
  membershipAnswer,
  slugParams,
  statsAnswer,
  termAnswer,
  updateCommunityBody,
} from './schema';
import { communityLanguages, createCommunity, getCommunity, listCommunities, listMembers, networkStats, updateCommunity } from './service';
import { designate, endAmbassador, join, removeMember, setMemberRole } from './members';
import { cachedJson, sendJson } from './directory-cache';
import { todayUtc } from './roles';


export async function communitiesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['communities'];

  app.post('/communities', {
    config: { rateTier: 'post' },
    schema: {
      tags,
      summary: 'Register a group; the creator becomes its coordinator',
      body: createCommunityBody,
      response: { 201: communityDetail },
    },
  }, async (req, reply) => reply.code(201).send(await createCommunity(fastify, req, req.body)));

  app.get('/communities', {
    schema: {
      tags,
      summary: 'The communities directory',
      description: '`ambassador=true`: groups with an ambassador whose term is current today.',
      querystring: communitiesQuery,
      response: { 200: communitiesAnswer },
    },
  }, async (req, reply) => {
    // The same for every viewer: served from the directory cache (a string skips serializing again).
    const key = `communities:${todayUtc(fastify.deps.clock.now())}:${JSON.stringify(req.query)}`;
    return sendJson(reply, await cachedJson(fastify.db, key, () => listCommunities(fastify, req.query)));
  });

  app.get('/communities/languages', {
    schema: { tags, summary: 'Languages of groups (for the language filter)', response: { 200: z.object({ items: z.array(z.string()), next: z.null() }) } },
  }, async (_req, reply) => sendJson(reply, await cachedJson(fastify.db, 'communities-languages', () => communityLanguages(fastify))));

  app.get('/communities/:slug', {
    schema: { tags, summary: 'One group: details, members, coordinators, ambassadors and history', params: slugParams, response: { 200: communityDetail } },
  }, (req) => getCommunity(fastify, req, req.params.slug));

  app.patch('/communities/:slug', {
    schema: {
      tags,
      summary: 'Change a group (coordinators and admins; `partner` by network admins only)',
      params: slugParams,
      body: updateCommunityBody,
      response: { 200: communityDetail },
    },
  }, (req) => updateCommunity(fastify, req, req.params.slug, req.body));

  app.get('/communities/:slug/members', {
    schema: { tags, summary: 'Members of a group, page by page', params: slugParams, querystring: z.object(listQuery), response: { 200: membersAnswer } },
  }, (req) => listMembers(fastify, req.params.slug, req.query));

  app.post('/communities/:slug/members', {
    // No body is needed; one that is sent may hold no fields.
    schema: { tags, summary: 'Join a group', params: slugParams, body: z.strictObject({}).nullish(), response: { 201: membershipAnswer } },
  }, async (req, reply) => reply.code(201).send(await join(fastify, req, req.params.slug)));

  app.put('/communities/:slug/members/:username', {
    schema: { tags, summary: "Change a member's role (coordinators and admins)", params: memberParams, body: memberRoleBody, response: { 200: membershipAnswer } },
  }, (req) => setMemberRole(fastify, req, req.params.slug, req.params.username, req.body.role));

  app.delete('/communities/:slug/members/:username', {
    schema: { tags, summary: 'Leave a group, or remove a member (coordinators and admins)', params: memberParams },
  }, async (req, reply) => {
    await removeMember(fastify, req, req.params.slug, req.params.username);
    return reply.code(204).send();
  });

  app.post('/communities/:slug/ambassadors', {
    schema: {
      tags,
      summary: 'Designate an ambassador among the members of a partner group (coordinators and admins)',
      params: slugParams,
      body: designateBody,
      response: { 201: termAnswer },
    },
  }, async (req, reply) => reply.code(201).send(await designate(fastify, req, req.params.slug, req.body)));

  app.delete('/communities/:slug/ambassadors/:username', {
    schema: { tags, summary: "End an ambassador's current term today (coordinators and admins)", params: memberParams },
  }, async (req, reply) => {
    await endAmbassador(fastify, req, req.params.slug, req.params.username);
    return reply.code(204).send();
  });

  app.get('/stats', {
    schema: { tags: ['overview'], summary: 'Network counts for the overview', response: { 200: statsAnswer } },
  }, async (_req, reply) => {
    const key = `stats:${todayUtc(fastify.deps.clock.now())}`;
    return sendJson(reply, await cachedJson(fastify.db, key, () => networkStats(fastify)));
  });
}
