// What the admin API answers (src/server/features/telegram/schema.ts).
export type Source = 'page' | 'environment' | null;

export interface TelegramSettings {
  connected: boolean;
  botToken: { set: boolean; source: Source; last4: string | null };
  chatId: { value: string | null; source: Source };
  events: { event: string; label: string; enabled: boolean }[];
  updatedAt: string | null;
}

export type PostStatus = 'queued' | 'sent' | 'failed';

export interface TelegramPost {
  id: string;
  event: string;
  subject: { type: string; id: string };
  link: string;
  language: string;
  text: string;
  status: PostStatus;
  attempts: number;
  lastError: string | null;
  telegramMessageId: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

export interface AdminPageData {
  telegram: TelegramSettings;
  posts: { items: TelegramPost[]; next: string | null };
  /** 'failed' when only failed posts are listed. */
  postsFilter: '' | 'failed';
  postsCursor: string;
  outbox: { items: OutboxMail[]; next: string | null; smtpConfigured: boolean };
  outboxCursor: string;
}
