// Request shapes of the admin API for Telegram and the mail outbox (the answers are in src/contracts/telegram.ts).
import { z } from 'zod';
import { listQuery } from '../../http/pagination';
import { POST_STATUSES } from '../../../contracts/telegram';
import { telegramEvent } from './events';

/** A bot token as BotFather gives it: the bot's number, a colon, then the secret. */
export const BOT_TOKEN = /^\d{3,20}:[A-Za-z0-9_-]{20,100}$/;
/** A chat's number (channels and groups are negative) or a public channel's @username. */
export const CHAT_ID = /^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31})$/;

export const putSettingsBody = z.strictObject({
  /** Saves a new token; null forgets the one saved here (the environment's applies again); absent keeps it. */
  botToken: z.string().trim().regex(BOT_TOKEN, 'telegram-token-invalid').nullable().optional(),
  chatId: z.string().trim().regex(CHAT_ID, 'telegram-chat-invalid').nullable().optional(),
  /** The events to post; absent keeps the choice. */
  events: z
    .array(z.string().refine((e) => telegramEvent(e) !== undefined, 'telegram-event-unknown'))
    .max(50)
    .optional(),
});
export type PutSettingsBody = z.infer<typeof putSettingsBody>;

export const listPostsQuery = z.object({
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(POST_STATUSES).optional()),
  ...listQuery,
});
export type ListPostsQuery = z.infer<typeof listPostsQuery>;

export const idParams = z.object({ id: z.string().max(30) });

export const outboxQuery = z.object({ ...listQuery });
export type OutboxQuery = z.infer<typeof outboxQuery>;
