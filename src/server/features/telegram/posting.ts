// Announcing on Telegram. A feature calls announce() inside the transaction that creates the item: when the
// channel is connected and the event is chosen, one post is written (at most one per event and item) and a
// job queued with it. The job sends it with the Bot API; an error answer or no connection throws so the queue
// retries with backoff, and after the last attempt the post is failed, for admins to see and retry. A post of an
// item the moderators hid is held back (queued, with a note) until they show the item again.
import type { Db } from '../../db/connection';
import type { Ctx, Deps } from '../../http/context';
import { systemCtx } from '../../http/ctx';
import { isUiLanguage, type UiLanguage } from '../../../contracts/languages';
import { translator } from '../../http/i18n';
import { enqueue, registerJobHandler } from '../../jobs/queue';
import { isHidden } from '../moderation';
import { scrub, sendMessage } from './client';
import { telegramEvent } from './events';
import { findPost, heldPosts, holdPost, insertPost, markSent, recordFailure } from './repo';
import { isConnected, loadSettings } from './settings';

export const POST_JOB = 'telegram.post';
export const MAX_ATTEMPTS = 6;
/** 30 s, 1 min, 2 min, 4 min, 8 min between attempts. */
export const backoffSeconds = (attempt: number) => 30 * 2 ** (attempt - 1);

export interface Announcement {
  event: string;
  subject: { type: string; id: number };
  /** The item's language (a MediaWiki code); the post is in English when the interface lacks it. */
  language: string;
  title: string;
  /** Path of the item's page on this site (`/debates/12`); the post carries the absolute address. */
  path: string;
  /** Parameters of the event's heading message. */
  params?: string[];
}

/** The interface language a post is written in: the item's, its base language, or English. */
export function postLanguage(language: string): UiLanguage {
  const code = language.toLowerCase();
  if (isUiLanguage(code)) return code;
  const base = code.split('-')[0] ?? code;
  return isUiLanguage(base) ? base : 'en';
}

export const queuePostJob = (db: Db, postId: number, now: Date) =>
  enqueue(db, { kind: POST_JOB, payload: { postId }, maxAttempts: MAX_ATTEMPTS }, now);

/** Writes and queues the post of an event, when the channel is connected and the event chosen. */
export async function announce(db: Db, deps: Pick<Deps, 'config' | 'clock'>, a: Announcement): Promise<void> {
  const def = telegramEvent(a.event);
  if (!def) throw new Error(`unregistered Telegram event: ${a.event}`);
  const settings = await loadSettings(db, deps.config);
  if (!isConnected(settings) || !settings.events.includes(a.event)) return;
  const language = postLanguage(a.language);
  const t = translator(language);
  const link = `${deps.config.baseUrl}${a.path}`;
  const text = [t(def.headingKey, ...(a.params ?? [])), a.title, link].join('\n');
  const now = deps.clock.now();
  const id = await insertPost(db, {
    event: a.event,
    subjectType: a.subject.type,
    subjectId: a.subject.id,
    language,
    text,
    link,
    at: now,
  });
  if (id !== null) await queuePostJob(db, id, now);
}

/** The item is shown again (moderation): its held-back posts go out now. Called in the transaction of the change. */
export async function releaseHeld(db: Db, subject: { type: string; id: number }, now: Date): Promise<number> {
  const ids = await heldPosts(db, subject);
  for (const id of ids) await queuePostJob(db, id, now);
  return ids.length;
}

/**
 * Sends one queued post: the posting job's use case, run by the system (no actor). A post of a hidden item is
 * held back; an error answer or no connection is recorded and thrown, so the queue retries it.
 */
export async function deliverPost(ctx: Ctx, postId: number, attempt: number): Promise<void> {
  const post = await findPost(ctx.db, postId);
  // Sent already, or put back by an admin with a job of its own.
  if (post?.status !== 'queued') return;
  // The item is hidden by moderation: nothing goes out until it is shown again (releaseHeld).
  if (await isHidden(ctx.db, post.subject_type, post.subject_id)) {
    await holdPost(ctx.db, post.id);
    return;
  }
  const settings = await loadSettings(ctx.db, ctx.config);
  try {
    if (!settings.botToken || !settings.chatId) throw new Error('the Telegram channel is not connected');
    const { messageId } = await sendMessage({
      apiBase: settings.apiBase,
      botToken: settings.botToken,
      chatId: settings.chatId,
      text: post.text,
    });
    // The moment the Bot API took it, not when the job was due.
    await markSent(ctx.db, post.id, { messageId, attempts: attempt, at: ctx.deps.clock.now() });
  } catch (err) {
    const error = scrub(err instanceof Error ? err.message : String(err), settings.botToken);
    await recordFailure(ctx.db, post.id, { error, attempts: attempt, final: attempt >= MAX_ATTEMPTS });
    throw new Error(error);
  }
}

/** The posting job: one post per job, retried with backoff up to MAX_ATTEMPTS. */
export function registerPostingJob(): void {
  registerJobHandler(
    POST_JOB,
    (payload, job) => deliverPost(systemCtx(job.deps, job.db, { now: job.runAt }), Number(payload.postId), job.attempt),
    {
      maxAttempts: MAX_ATTEMPTS,
      backoffSeconds,
    },
  );
}
