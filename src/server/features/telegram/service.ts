// Admin use cases: the Telegram connection and events, the posts with their status, retrying a failed post,
// and the mail outbox. Each checks that the person is an admin first; changes are audited in their
// transaction, and the bot token is never written to the audit log.
import type { Ctx } from '../../http/context';
import { actorOf, audit } from '../../http/audit';
import { conflict, notFound } from '../../http/errors';
import { decodeTimeIdCursor, page } from '../../http/pagination';
import { listOutbox } from '../../mail/outbox';
import type { OutboxList, TelegramPost, TelegramPostList, TelegramSettings } from '../../../contracts/telegram';
import { requireAdmin } from './admin';
import { queuePostJob } from './posting';
import { presentOutboxMail, presentPost, presentSettings } from './present';
import { findPost, listPosts, requeuePost, saveSettings } from './repo';
import type { ListPostsQuery, OutboxQuery, PutSettingsBody } from './schema';
import { loadSettings } from './settings';

export async function getSettings(ctx: Ctx): Promise<TelegramSettings> {
  await requireAdmin(ctx, 'telegram.settings.read');
  return presentSettings(await loadSettings(ctx.db, ctx.config), ctx.t);
}

export async function putSettings(ctx: Ctx, body: PutSettingsBody): Promise<TelegramSettings> {
  const user = await requireAdmin(ctx, 'telegram.settings');
  const events = body.events === undefined ? undefined : [...new Set(body.events)];
  await ctx.db.transaction().execute(async (trx) => {
    await saveSettings(trx, { botToken: body.botToken, chatId: body.chatId, events, by: user.id, at: ctx.now });
    const token = body.botToken === undefined ? undefined : body.botToken === null ? 'forgotten' : 'replaced';
    await audit(trx, {
      ...actorOf(ctx),
      action: 'telegram.settings',
      objectType: 'telegram_settings',
      objectId: 1,
      // What changed, never the token itself.
      details: {
        ...(token ? { botToken: token } : {}),
        ...(body.chatId !== undefined ? { chatId: body.chatId } : {}),
        ...(events ? { events } : {}),
      },
    });
  });
  return presentSettings(await loadSettings(ctx.db, ctx.config), ctx.t);
}

export async function listPostsPage(ctx: Ctx, q: ListPostsQuery): Promise<TelegramPostList> {
  await requireAdmin(ctx, 'telegram.posts.read');
  const rows = await listPosts(ctx.db, { status: q.status, after: decodeTimeIdCursor(q.cursor), limit: q.limit });
  const { items, next } = page(rows, q.limit, (r) => [r.created_at.toISOString(), r.id]);
  return { items: items.map(presentPost), next };
}

export async function retryPost(ctx: Ctx, idParam: string): Promise<TelegramPost> {
  await requireAdmin(ctx, 'telegram.post.retry');
  const id = /^[1-9]\d{0,14}$/.test(idParam) ? Number(idParam) : null;
  const post = id === null ? undefined : await findPost(ctx.db, id);
  if (!post) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    // Only a failed post goes back in the queue, once: a second click finds it queued already.
    if (!(await requeuePost(trx, post.id))) throw conflict('telegram-retry-not-failed');
    await queuePostJob(trx, post.id, ctx.now);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'telegram.post.retry',
      objectType: 'telegram_post',
      objectId: post.id,
      details: { event: post.event },
    });
  });
  const requeued = await findPost(ctx.db, post.id);
  if (!requeued) throw notFound();
  return presentPost(requeued);
}

export async function listOutboxPage(ctx: Ctx, q: OutboxQuery): Promise<OutboxList> {
  await requireAdmin(ctx, 'mail.outbox.read');
  const after = decodeTimeIdCursor(q.cursor);
  const rows = await listOutbox(ctx.db, after ? { createdAt: new Date(after[0]), id: after[1] } : null, q.limit);
  const { items, next } = page(rows, q.limit, (r) => [r.created_at.toISOString(), r.id]);
  return { items: items.map(presentOutboxMail), next, smtpConfigured: !!ctx.config.smtpUrl };
}
