// Telegram settings and posts as the admin API shows them: explicit whitelists. The bot token never leaves
// the server: only whether it is set, where from, and its last four characters.
import type { Translate } from '../../http/i18n';
import type { OutboxMail, TelegramPost, TelegramSettings } from '../../../contracts/telegram';
import type { OutboxRow } from '../../mail/outbox';
import { telegramEvent, telegramEvents } from './events';
import type { PostRow } from './repo';
import { isConnected, type EffectiveSettings } from './settings';

export const presentSettings = (s: EffectiveSettings, t: Translate): TelegramSettings => ({
  connected: isConnected(s),
  botToken: { set: !!s.botToken, source: s.tokenSource, last4: s.botToken ? s.botToken.slice(-4) : null },
  chatId: { value: s.chatId, source: s.chatSource },
  // Every listed event is registered (telegramEvents lists the registry); the name stands in for a label it lacks.
  events: telegramEvents().map((event) => ({
    event,
    label: t(telegramEvent(event)?.labelKey ?? event),
    enabled: s.events.includes(event),
  })),
  updatedAt: s.updatedAt ? s.updatedAt.toISOString() : null,
});

export const presentOutboxMail = (m: OutboxRow): OutboxMail => ({
  id: String(m.id),
  to: m.recipient,
  subject: m.subject,
  text: m.body_text,
  createdAt: m.created_at.toISOString(),
});

export const presentPost = (p: PostRow): TelegramPost => ({
  id: String(p.id),
  event: p.event,
  subject: { type: p.subject_type, id: String(p.subject_id) },
  link: p.link,
  language: p.language,
  text: p.text,
  status: p.status,
  attempts: p.attempts,
  lastError: p.last_error,
  telegramMessageId: p.telegram_message_id === null ? null : String(p.telegram_message_id),
  createdAt: p.created_at.toISOString(),
  sentAt: p.sent_at ? p.sent_at.toISOString() : null,
});
