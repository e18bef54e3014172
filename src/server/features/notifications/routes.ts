// Follows, notifications and notification settings: all one's own, so every route is for signed-in people.
// Each declares its policy as data (http/route-policy.ts); these writes change only what their author sees.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/ctx';
import {
  followItem,
  followList,
  notificationList,
  readAnswer,
  settingsAnswer,
  unreadAnswer,
} from '../../../contracts/notifications';
import { followBody, followsQuery, idParams, notificationsQuery, readBody, settingsBody } from './schema';
import { follow, getSettings, listMine, markMineRead, myFollows, putSettings, unfollow, unread } from './service';

export function notificationsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  app.post(
    '/follows',
    {
      config: { policy: { idempotent: true, access: 'signed_in', privateWrite: true, errors: [404] } },
      schema: {
        tags,
        summary: 'Follow a subject: an update, a debate, an argument, a community or a person (signed-in people)',
        description:
          'Answers 201 with the new follow, or 200 with the existing one when the subject is already followed. ' +
          'Authors follow what they make without asking: their update, their debate, their argument, and the item they comment on ' +
          '(commenting again follows it again after an unfollow). A comment thread is followed through its item.',
        body: followBody,
        response: { 200: followItem, 201: followItem },
      },
    },
    async (req, reply) => {
      const { created, follow: f } = await follow(ctxOf(req), req.body);
      return reply.code(created ? 201 : 200).send(f);
    },
  );

  app.get(
    '/follows',
    {
      config: { policy: { access: 'signed_in' } },
      schema: {
        tags,
        summary: 'My follows, newest first; with subjectType and subjectId, whether I follow that subject',
        querystring: followsQuery,
        response: { 200: followList },
      },
    },
    (req) => myFollows(ctxOf(req), req.query),
  );

  app.delete(
    '/follows/:id',
    {
      config: { policy: { access: 'signed_in', privateWrite: true, openWhileSuspended: true, errors: [404] } },
      schema: { tags, summary: 'Unfollow (one’s own follows only)', params: idParams },
    },
    async (req, reply) => {
      await unfollow(ctxOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/notifications',
    {
      config: { policy: { access: 'signed_in' } },
      schema: {
        tags,
        summary: 'My notifications, newest first, with the number unread',
        querystring: notificationsQuery,
        response: { 200: notificationList },
      },
    },
    (req) => listMine(ctxOf(req), req.query),
  );

  app.get(
    '/notifications/unread',
    {
      config: { policy: { access: 'signed_in' } },
      schema: { tags, summary: 'How many of my notifications are unread', response: { 200: unreadAnswer } },
    },
    (req) => unread(ctxOf(req)),
  );

  app.post(
    '/notifications/read',
    {
      config: { policy: { access: 'signed_in', privateWrite: true, openWhileSuspended: true } },
      schema: {
        tags,
        summary: 'Mark notifications read: `{ids}`, or `{all: true}` (up to `upTo`, the newest id seen, when given)',
        description:
          'Ids of other people’s notifications are ignored. Answers how many were marked and how many stay unread.',
        body: readBody,
        response: { 200: readAnswer },
      },
    },
    (req) => markMineRead(ctxOf(req), req.body),
  );

  app.get(
    '/me/notification-settings',
    {
      config: { policy: { access: 'signed_in' } },
      schema: {
        tags,
        summary: 'How each kind of notification reaches me by e-mail',
        response: { 200: settingsAnswer },
      },
    },
    (req) => getSettings(ctxOf(req)),
  );

  app.put(
    '/me/notification-settings',
    {
      config: { policy: { access: 'signed_in', privateWrite: true, openWhileSuspended: true } },
      schema: {
        tags,
        summary: 'Choose how each kind of notification reaches me by e-mail: immediately, daily, weekly or never',
        description: 'Kinds left out keep their setting. In-app notifications always arrive.',
        body: settingsBody,
        response: { 200: settingsAnswer },
      },
    },
    (req) => putSettings(ctxOf(req), req.body),
  );
  // A plugin answers a promise (routes are declared above, synchronously).
  return Promise.resolve();
}
