// Admin use cases: the Telegram connection and events, the posts with their status, retrying a failed post,
// and the mail outbox. Each checks that the person is an admin first; changes are audited in their
// transaction, and the bot token is never written to the audit log.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf, audit } from '../../http/audit';
import { conflict, notFound } from '../../http/errors';
import { decodeTimeIdCursor, page } from '../../http/pagination';
import { listOutbox } from '../../mail/outbox';
import { requireAdmin } from './admin';
import { queuePostJob } from './posting';
import { presentPost, presentSettings } from './present';
import { findPost, listPosts, requeuePost, saveSettings } from './repo';
import type { ListPostsQuery, OutboxQuery, PutSettingsBody } from './schema';
import { loadSettings } from './settings';

// What other features use: announce an item inside its transaction, release the posts held back while it was
// hidden, and register an event that can be posted.
export { announce, releaseHeld, type Announcement } from './posting';
export { registerTelegramEvent } from './events';

export async function getSettings(app: FastifyInstance, req: FastifyRequest) {
  await requireAdmin(app, req, 'telegram.settings.read');
  return presentSettings(await loadSettings(app.db, app.deps.config), req.t);
}

export async function putSettings(app: FastifyInstance, req: FastifyRequest, body: PutSettingsBody) {
  const user = await requireAdmin(app, req, 'telegram.settings');
  const events = body.events === undefined ? undefined : [...new Set(body.events)];
  await app.db.transaction().execute(async (trx) => {
    await saveSettings(trx, { botToken: body.botToken, chatId: body.chatId, events, by: user.id, at: app.deps.clock.now() });
    const token = body.botToken === undefined ? undefined : body.botToken === null ? 'forgotten' : 'replaced';
    await audit(trx, {
      ...actorOf(req),
      action: 'telegram.settings',
      objectType: 'telegram_settings',
      objectId: 1,
      // What changed, never the token itself.
      details: { ...(token ? { botToken: token } : {}), ...(body.chatId !== undefined ? { chatId: body.chatId } : {}), ...(events ? { events } : {}) },
    });
  });
  return presentSettings(await loadSettings(app.db, app.deps.config), req.t);
}

export async function listPostsPage(app: FastifyInstance, req: FastifyRequest, q: ListPostsQuery) {
  await requireAdmin(app, req, 'telegram.posts.read');
  const rows = await listPosts(app.db, { status: q.status, after: decodeTimeIdCursor(q.cursor), limit: q.limit });
  const { items, next } = page(rows, q.limit, (r) => [r.created_at.toISOString(), r.id]);
  return { items: items.map(presentPost), next };
}

export async function retryPost(app: FastifyInstance, req: FastifyRequest, idParam: string) {
  await requireAdmin(app, req, 'telegram.post.retry');
  const id = /^[1-9]\d{0,14}$/.test(idParam) ? Number(idParam) : null;
  const post = id === null ? undefined : await findPost(app.db, id);
  if (!post) throw notFound();
  await app.db.transaction().execute(async (trx) => {
    // Only a failed post goes back in the queue, once: a second click finds it queued already.
    if (!(await requeuePost(trx, post.id))) throw conflict('telegram-retry-not-failed');
    await queuePostJob(trx, post.id, app.deps.clock.now());
    await audit(trx, { ...actorOf(req), action: 'telegram.post.retry', objectType: 'telegram_post', objectId: post.id, details: { event: post.event } });
  });
  return presentPost((await findPost(app.db, post.id))!);
}

export async function listOutboxPage(app: FastifyInstance, req: FastifyRequest, q: OutboxQuery) {
  await requireAdmin(app, req, 'mail.outbox.read');
  const after = decodeTimeIdCursor(q.cursor);
  const rows = await listOutbox(app.db, after ? { createdAt: new Date(after[0]), id: after[1] } : null, q.limit);
  const { items, next } = page(rows, q.limit, (r) => [r.created_at.toISOString(), r.id]);
  return {
    items: items.map((m) => ({ id: String(m.id), to: m.recipient, subject: m.subject, text: m.body_text, createdAt: m.created_at.toISOString() })),
    next,
    smtpConfigured: !!app.deps.config.smtpUrl,
  };
}
