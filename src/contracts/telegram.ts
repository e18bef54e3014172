// Answers of the admin API (the Telegram channel and the mail outbox), shared: the server presents against them
// and the web derives its types from them with z.infer (always `import type` there).
import { z } from 'zod';

const source = z.enum(['page', 'environment']).nullable();
export type Source = z.infer<typeof source>;

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
export type TelegramSettings = z.infer<typeof settingsAnswer>;

export const POST_STATUSES = ['queued', 'sent', 'failed'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

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
export type TelegramPost = z.infer<typeof postItem>;

export const postList = z.object({ items: z.array(postItem), next: z.string().nullable() });
export type TelegramPostList = z.infer<typeof postList>;

export const outboxMail = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
});
export type OutboxMail = z.infer<typeof outboxMail>;

export const outboxList = z.object({
  items: z.array(outboxMail),
  next: z.string().nullable(),
  /** Mail goes to an SMTP server (SMTP_URL is set): the outbox only holds what was kept before. */
  smtpConfigured: z.boolean(),
});
export type OutboxList = z.infer<typeof outboxList>;
