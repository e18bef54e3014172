-- Telegram: the network's channel settings saved on the admin page, and one post per announced event.
-- PostgreSQL 15 syntax only.

-- One row at most. Each value saved here overrides the environment's (TELEGRAM_BOT_TOKEN, TELEGRAM_CHAT_ID);
-- null falls back to it. `events` null means every registered event is posted (until an admin chooses).
create table telegram_settings (
  id smallint primary key default 1 check (id = 1),
  bot_token text,
  chat_id text,
  events text[],
  updated_by bigint references users(id) on delete set null,
  updated_at timestamptz not null
);

-- One post per event and item: the unique key makes announcing the same item twice a no-op.
create table telegram_posts (
  id bigint generated always as identity primary key,
  event text not null,
  subject_type text not null,
  subject_id bigint not null,
  -- The interface language the post is written in (the item's, or English when the interface lacks it).
  language text not null,
  text text not null,
  -- The item's absolute address, the post's last line.
  link text not null,
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed')),
  attempts integer not null default 0,
  -- The last failure as the Bot API or the network described it (never the bot token).
  last_error text,
  telegram_message_id bigint,
  created_at timestamptz not null,
  sent_at timestamptz,
  unique (event, subject_type, subject_id)
);
create index telegram_posts_created_idx on telegram_posts (created_at desc, id desc);
create index telegram_posts_failed_idx on telegram_posts (created_at desc, id desc) where status = 'failed';
