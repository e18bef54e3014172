// Profiles and the participants directory: /api/v1/people/{username}, /me/profile, /me/ui-language, /participants.
import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  languagesInUseAnswer,
  movedAnswer,
  ownProfile,
  participantsAnswer,
  personAnswer,
} from '../../../contracts/people';
import { ctxOf } from '../../http/ctx';
import { cachedJson, sendJson, todayUtc } from '../communities';
import { participantsQuery, profilePatchBody, uiLanguageBody, usernameParams } from './schema';
import { getOwnProfile, getPerson, languagesInUse, listParticipants, setUiLanguage, updateOwnProfile } from './service';

export const peopleRoutes: FastifyPluginCallback = (fastify, _opts, done) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['people'];

  app.get(
    '/people/:username',
    {
      config: { policy: { access: 'anyone', errors: [404] } },
      schema: {
        tags,
        summary: 'One person: public profile fields, groups, roles and ambassador terms',
        description:
          'The username may use `_` for spaces and any letter case. An old username answers 301 with the new location.',
        params: usernameParams,
        response: { 200: personAnswer, 301: movedAnswer },
      },
    },
    async (req, reply) => {
      const result = await getPerson(ctxOf(req), req.params.username);
      if ('moved' in result) return reply.code(301).header('location', result.moved.location).send(result.moved);
      return result.person;
    },
  );

  app.get(
    '/me/profile',
    {
      config: { policy: { access: 'signed_in' } },
      schema: {
        tags,
        summary: 'My own profile, with every field and which ones are public',
        response: { 200: ownProfile },
      },
    },
    (req) => getOwnProfile(ctxOf(req)),
  );

  app.patch(
    '/me/profile',
    {
      config: { policy: { access: 'signed_in', errors: [409] } },
      schema: {
        tags,
        summary: 'Change my profile (only the fields sent)',
        body: profilePatchBody,
        response: { 200: ownProfile },
      },
    },
    (req) => updateOwnProfile(ctxOf(req), req.body),
  );

  app.put(
    '/me/ui-language',
    {
      config: { policy: { access: 'signed_in', privateWrite: true, openWhileSuspended: true } },
      schema: {
        tags,
        summary: "Change my interface language (null: the browser's)",
        description:
          'The same preference as `uiLanguage` of PATCH /me/profile; this one stays open while an account is suspended.',
        body: uiLanguageBody,
      },
    },
    async (req, reply) => {
      await setUiLanguage(ctxOf(req), req.body);
      return reply.code(204).send();
    },
  );

  app.get(
    '/participants',
    {
      config: { policy: { access: 'anyone' } },
      schema: {
        tags,
        summary: 'The participants directory (public values only)',
        description:
          '`kind`/`partner`: member of a group of that kind / of a partner group; `ambassador=true`: an ambassador term current today.',
        querystring: participantsQuery,
        response: { 200: participantsAnswer },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      // The same for every viewer: served from the directory cache (a string skips serializing again).
      const key = `participants:${todayUtc(ctx.now)}:${JSON.stringify(req.query)}`;
      return sendJson(reply, await cachedJson(ctx.db, key, () => listParticipants(ctx, req.query)));
    },
  );

  app.get(
    '/participants/languages',
    {
      config: { policy: { access: 'anyone' } },
      schema: {
        tags,
        summary: 'Languages people show publicly (for the language filter)',
        response: { 200: languagesInUseAnswer },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return sendJson(reply, await cachedJson(ctx.db, 'participants-languages', () => languagesInUse(ctx)));
    },
  );
  done();
};
