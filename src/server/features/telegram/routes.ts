// The admin API: /api/v1/admin/telegram (settings, posts, retry) and /api/v1/admin/outbox. Admins only: the
// policies admit anyone because the use cases' own check (admin.ts) answers with what the page is for, to
// anonymous people (401) and to members (403) alike.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/ctx';
import { outboxList, postItem, postList, settingsAnswer } from '../../../contracts/telegram';
import { idParams, listPostsQuery, outboxQuery, putSettingsBody } from './schema';
import { getSettings, listOutboxPage, listPostsPage, putSettings, retryPost } from './service';

export function telegramRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];

  app.get(
    '/admin/telegram',
    {
      config: { policy: { access: 'anyone' } },
      schema: {
        tags,
        summary: 'The Telegram channel’s connection and the events posted there (admins)',
        response: { 200: settingsAnswer },
      },
    },
    (req) => getSettings(ctxOf(req)),
  );

  app.put(
    '/admin/telegram',
    {
      config: { policy: { access: 'anyone' } },
      schema: {
        tags,
        summary: 'Connect the Telegram channel and choose the events posted (admins)',
        description:
          'A bot token or chat id saved here overrides the environment’s (TELEGRAM_BOT_TOKEN, TELEGRAM_CHAT_ID); `null` forgets the saved one; a field left out is kept. The token is never shown back.',
        body: putSettingsBody,
        response: { 200: settingsAnswer },
      },
    },
    (req) => putSettings(ctxOf(req), req.body),
  );

  app.get(
    '/admin/telegram/posts',
    {
      config: { policy: { access: 'anyone' } },
      schema: {
        tags,
        summary: 'Telegram posts, newest first, with their status and last error (admins)',
        querystring: listPostsQuery,
        response: { 200: postList },
      },
    },
    (req) => listPostsPage(ctxOf(req), req.query),
  );

  app.post(
    '/admin/telegram/posts/:id/retry',
    {
      config: { policy: { access: 'anyone', errors: [404, 409] } },
      schema: {
        tags,
        summary: 'Queue a failed Telegram post again (admins)',
        params: idParams,
        response: { 200: postItem },
      },
    },
    (req) => retryPost(ctxOf(req), req.params.id),
  );

  app.get(
    '/admin/outbox',
    {
      config: { policy: { access: 'anyone' } },
      schema: {
        tags,
        summary: 'Mail kept in the outbox because SMTP_URL is not set, newest first (admins)',
        querystring: outboxQuery,
        response: { 200: outboxList },
      },
    },
    (req) => listOutboxPage(ctxOf(req), req.query),
  );
  // A plugin answers a promise (routes are declared above, synchronously).
  return Promise.resolve();
}
