// The admin API: /api/v1/admin/telegram (settings, posts, retry) and /api/v1/admin/outbox. Admins only.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import './posting';
import { idParams, listPostsQuery, outboxQuery, postItem, postList, putSettingsBody, settingsAnswer } from './schema';
import { getSettings, listOutboxPage, listPostsPage, putSettings, retryPost } from './service';

const outboxList = z.object({
  items: z.array(z.object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), createdAt: z.string() })),
  next: z.string().nullable(),
  /** Mail goes to an SMTP server (SMTP_URL is set): the outbox only holds what was kept before. */
  smtpConfigured: z.boolean(),
});

export async function telegramRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];

  app.get('/admin/telegram', {
    schema: { tags, summary: 'The Telegram channel’s connection and the events posted there (admins)', response: { 200: settingsAnswer } },
  }, (req) => getSettings(fastify, req));

  app.put('/admin/telegram', {
    schema: {
      tags,
      summary: 'Connect the Telegram channel and choose the events posted (admins)',
      description:
        'A bot token or chat id saved here overrides the environment’s (TELEGRAM_BOT_TOKEN, TELEGRAM_CHAT_ID); `null` forgets the saved one; a field left out is kept. The token is never shown back.',
      body: putSettingsBody,
      response: { 200: settingsAnswer },
    },
  }, (req) => putSettings(fastify, req, req.body));

  app.get('/admin/telegram/posts', {
    schema: { tags, summary: 'Telegram posts, newest first, with their status and last error (admins)', querystring: listPostsQuery, response: { 200: postList } },
  }, (req) => listPostsPage(fastify, req, req.query));

  app.post('/admin/telegram/posts/:id/retry', {
    schema: { tags, summary: 'Queue a failed Telegram post again (admins)', params: idParams, response: { 200: postItem } },
  }, (req) => retryPost(fastify, req, req.params.id));

  app.get('/admin/outbox', {
    schema: { tags, summary: 'Mail kept in the outbox because SMTP_URL is not set, newest first (admins)', querystring: outboxQuery, response: { 200: outboxList } },
  }, (req) => listOutboxPage(fastify, req, req.query));
}
