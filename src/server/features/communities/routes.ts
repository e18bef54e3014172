// The communities API: groups, their members and ambassadors, and the overview's counts. Each route declares
// its policy as data (http/route-policy.ts); finer checks (coordinators, admins) stay in the use cases.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/ctx';
import { listQuery } from '../../http/pagination';
import {
  communitiesAnswer,
  communityDetail,
  communityLanguagesAnswer,
  membersAnswer,
  membershipAnswer,
  statsAnswer,
  termAnswer,
} from '../../../contracts/communities';
import {
  communitiesQuery,
  createCommunityBody,
  designateBody,
  memberParams,
  memberRoleBody,
  slugParams,
  updateCommunityBody,
} from './schema';
import {
  communityLanguages,
  createCommunity,
  getCommunity,
  listCommunities,
  listMembers,
  networkStats,
  today,
  updateCommunity,
} from './service';
import { designate, endAmbassador, join, removeMember, setMemberRole } from './members';
import { cachedJson, sendJson } from './directory-cache';

export function communitiesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['communities'];

  app.post(
    '/communities',
    {
      config: { policy: { idempotent: true, access: 'signed_in', rate: ['post'], errors: [409] } },
      schema: {
        tags,
        summary: 'Register a group; the creator becomes its coordinator',
        body: createCommunityBody,
        response: { 201: communityDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await createCommunity(ctxOf(req), req.body)),
  );

  app.get(
    '/communities',
    {
      config: { policy: { access: 'anyone' } },
      schema: {
        tags,
        summary: 'The communities directory',
        description: '`ambassador=true`: groups with an ambassador whose term is current today.',
        querystring: communitiesQuery,
        response: { 200: communitiesAnswer },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      // The same for every viewer: served from the directory cache (a string skips serializing again).
      const key = `communities:${today(ctx)}:${JSON.stringify(req.query)}`;
      return sendJson(reply, await cachedJson(ctx.db, key, () => listCommunities(ctx, req.query)));
    },
  );

  app.get(
    '/communities/languages',
    {
      config: { policy: { access: 'anyone' } },
      schema: {
        tags,
        summary: 'Languages of groups (for the language filter)',
        response: { 200: communityLanguagesAnswer },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return sendJson(reply, await cachedJson(ctx.db, 'communities-languages', () => communityLanguages(ctx)));
    },
  );

  app.get(
    '/communities/:slug',
    {
      config: { policy: { access: 'anyone', errors: [404] } },
      schema: {
        tags,
        summary: 'One group: details, members, coordinators, ambassadors and history',
        params: slugParams,
        response: { 200: communityDetail },
      },
    },
    (req) => getCommunity(ctxOf(req), req.params.slug),
  );

  app.patch(
    '/communities/:slug',
    {
      config: { policy: { access: 'signed_in', errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Change a group (coordinators and admins; `partner` by network admins only)',
        params: slugParams,
        body: updateCommunityBody,
        response: { 200: communityDetail },
      },
    },
    (req) => updateCommunity(ctxOf(req), req.params.slug, req.body),
  );

  app.get(
    '/communities/:slug/members',
    {
      config: { policy: { access: 'anyone', errors: [404] } },
      schema: {
        tags,
        summary: 'Members of a group, page by page',
        params: slugParams,
        querystring: z.object(listQuery),
        response: { 200: membersAnswer },
      },
    },
    (req) => listMembers(ctxOf(req), req.params.slug, req.query),
  );

  app.post(
    '/communities/:slug/members',
    {
      config: { policy: { idempotent: true, access: 'signed_in', errors: [404, 409] } },
      // No body is needed; one that is sent may hold no fields.
      schema: {
        tags,
        summary: 'Join a group',
        params: slugParams,
        body: z.strictObject({}).nullish(),
        response: { 201: membershipAnswer },
      },
    },
    async (req, reply) => reply.code(201).send(await join(ctxOf(req), req.params.slug)),
  );

  app.put(
    '/communities/:slug/members/:username',
    {
      config: { policy: { access: 'signed_in', errors: [404, 409] } },
      schema: {
        tags,
        summary: "Change a member's role (coordinators and admins)",
        params: memberParams,
        body: memberRoleBody,
        response: { 200: membershipAnswer },
      },
    },
    (req) => setMemberRole(ctxOf(req), req.params.slug, req.params.username, req.body.role),
  );

  app.delete(
    '/communities/:slug/members/:username',
    {
      // Leaving a group stays open during a suspension; removing someone else does not (checked in the use case).
      config: { policy: { access: 'signed_in', openWhileSuspended: true, errors: [404, 409] } },
      schema: { tags, summary: 'Leave a group, or remove a member (coordinators and admins)', params: memberParams },
    },
    async (req, reply) => {
      await removeMember(ctxOf(req), req.params.slug, req.params.username);
      return reply.code(204).send();
    },
  );

  app.post(
    '/communities/:slug/ambassadors',
    {
      config: { policy: { idempotent: true, access: 'signed_in', errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Designate an ambassador among the members of a partner group (coordinators and admins)',
        params: slugParams,
        body: designateBody,
        response: { 201: termAnswer },
      },
    },
    async (req, reply) => reply.code(201).send(await designate(ctxOf(req), req.params.slug, req.body)),
  );

  app.delete(
    '/communities/:slug/ambassadors/:username',
    {
      config: { policy: { access: 'signed_in', errors: [404] } },
      schema: {
        tags,
        summary: "End an ambassador's current term today (coordinators and admins)",
        params: memberParams,
      },
    },
    async (req, reply) => {
      await endAmbassador(ctxOf(req), req.params.slug, req.params.username);
      return reply.code(204).send();
    },
  );

  app.get(
    '/stats',
    {
      config: { policy: { access: 'anyone' } },
      schema: { tags: ['overview'], summary: 'Network counts for the overview', response: { 200: statsAnswer } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return sendJson(reply, await cachedJson(ctx.db, `stats:${today(ctx)}`, () => networkStats(ctx)));
    },
  );
  // A plugin answers a promise (routes are declared above, synchronously).
  return Promise.resolve();
}
