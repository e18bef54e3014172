// Request and response shapes of the admin API for Telegram and the mail outbox.
import { z } from 'zod';
import { listQuery } from '../../http/pagination';
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
  events: z.array(z.string().refine((e) => telegramEvent(e) !== undefined, 'telegram-event-unknown')).max(50).optional(),
});
export type PutSettingsBody = z.infer<typeof putSettingsBody>;

const source = z.enum(['page', 'environment']).nullable();

export const settingsAnswer = z.object({
  /** Both a token and a chat are known: enabled events are posted. */
  connected: z.boolean(),
  /** The token itself is never shown: whether it is set, where it comes from, and its last four characters. */
  botToken: z.object({ set: z.boolean(), source, last4: z.string().nullable() }),
  chatId: z.object({ value: z.string().nullable(), source }),
  /** Every registered event, its name in the interface language, and whether it is posted. */
  events: z.array(z.object({ event: z.string(), label: z.string(), enabled: z.boolean() })),
  updatedAt: z.string().nullable(),
});

export const POST_STATUSES = ['queued', 'sent', 'failed'] as const;

export const listPostsQuery = z.object({
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(POST_STATUSES).optional()),
  ...listQuery,
});
export type ListPostsQuery = z.infer<typeof listPostsQuery>;

export const postItem = z.object({
  id: z.string(),
  event: z.string(),
  subject: z.object({ type: z.string(), id: z.string() }),
  /** The item's absolute address. */
  link: z.string(),
  language: z.string(),
  text: z.string(),
  status: z.enum(POST_STATUSES),
  attempts: z.number(),
  /** The last failure, as the Bot API or the network described it. */
  lastError: z.string().nullable(),
  telegramMessageId: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const postList = z.object({ items: z.array(postItem), next: z.string().nullable() });

export const idParams = z.object({ id: z.string().max(30) });

export const outboxQuery = z.object({ ...listQuery });
export type OutboxQuery = z.infer<typeof outboxQuery>;
