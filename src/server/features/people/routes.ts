import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  languagesInUseAnswer,
  movedAnswer,
  ownProfile,
  participantsAnswer,
  participantsQuery,
  personAnswer,
  profilePatchBody,
} from './schema';
import { cachedJson, sendJson } from '../communities/directory-cache';
import { todayUtc } from '../communities/roles';
import { getOwnProfile, getPerson, languagesInUse, listParticipants, updateOwnProfile } from './service';


export async function peopleRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['people'];

  app.get('/people/:username', {
    schema: {
      tags,
      summary: 'One person: public profile fields, groups, roles and ambassador terms',
      description: 'The username may use `_` for spaces and any letter case. An old username answers 301 with the new location.',
      params: z.object({ username: z.string().min(1).max(300) }),
      response: { 200: personAnswer, 301: movedAnswer },
    },
  }, async (req, reply) => {
    const result = await getPerson(fastify, req, req.params.username);
    if ('moved' in result) return reply.code(301).header('location', result.moved.location).send(result.moved);
    return result.person;
  });

  app.get('/me/profile', {
    schema: { tags, summary: 'My own profile, with every field and which ones are public', response: { 200: ownProfile } },
  }, (req) => getOwnProfile(fastify, req));

  app.patch('/me/profile', {
    schema: { tags, summary: 'Change my profile (only the fields sent)', body: profilePatchBody, response: { 200: ownProfile } },
  }, (req) => updateOwnProfile(fastify, req, req.body));

  app.get('/participants', {
    schema: {
      tags,
      summary: 'The participants directory (public values only)',
      description: '`kind`/`partner`: member of a group of that kind / of a partner group; `ambassador=true`: an ambassador term current today.',
      querystring: participantsQuery,
      response: { 200: participantsAnswer },
    },
  }, async (req, reply) => {
    // The same for every viewer: served from the directory cache (a string skips serializing again).
    const key = `participants:${todayUtc(fastify.deps.clock.now())}:${JSON.stringify(req.query)}`;
    return sendJson(reply, await cachedJson(fastify.db, key, () => listParticipants(fastify, req.query)));
  });

  app.get('/participants/languages', {
    schema: { tags, summary: 'Languages people show publicly (for the language filter)', response: { 200: languagesInUseAnswer } },
  }, async (_req, reply) => sendJson(reply, await cachedJson(fastify.db, 'participants-languages', () => languagesInUse(fastify))));
}
