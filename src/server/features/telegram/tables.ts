import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type TelegramPostStatus = 'queued' | 'sent' | 'failed';

export interface TelegramSettingsTable {
  id: Generated<number>;
  /** A secret: never shown back in full, logged or audited. */
  bot_token: string | null;
  chat_id: string | null;
  events: string[] | null;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface TelegramPostsTable {
  id: Generated<number>;
  event: string;
  subject_type: string;
  subject_id: number;
  language: string;
  text: string;
  link: string;
  status: Generated<TelegramPostStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  telegram_message_id: number | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface TelegramTables {
  telegram_settings: TelegramSettingsTable;
  telegram_posts: TelegramPostsTable;
}
