// The settings in force: each value saved on the admin page overrides the environment's (TELEGRAM_BOT_TOKEN,
// TELEGRAM_CHAT_ID); forgetting it there falls back to the environment. The Bot API's address comes from the
// environment only (TELEGRAM_API_BASE).
import type { Config } from '../../config';
import type { Db } from '../../db/connection';
import { telegramEvents } from './events';
import { settingsRow, type SettingsRow } from './repo';

export type Source = 'page' | 'environment';

export interface EffectiveSettings {
  apiBase: string;
  botToken: string | null;
  tokenSource: Source | null;
  chatId: string | null;
  chatSource: Source | null;
  /** The registered events that are posted. */
  events: string[];
  updatedAt: Date | null;
}

function pick(saved: string | null | undefined, env: string | null): [string | null, Source | null] {
  if (saved) return [saved, 'page'];
  if (env) return [env, 'environment'];
  return [null, null];
}

export function effective(row: SettingsRow | undefined, config: Config['telegram']): EffectiveSettings {
  const [botToken, tokenSource] = pick(row?.bot_token, config.botToken);
  const [chatId, chatSource] = pick(row?.chat_id, config.chatId);
  const registered = telegramEvents();
  // Until an admin chooses, every event is posted.
  const events = row?.events ? registered.filter((e) => row.events!.includes(e)) : registered;
  return {
    apiBase: config.apiBase.replace(/\/+$/, ''),
    botToken,
    tokenSource,
    chatId,
    chatSource,
    events,
    updatedAt: row?.updated_at ?? null,
  };
}

export const loadSettings = async (db: Db, config: Config): Promise<EffectiveSettings> =>
  effective(await settingsRow(db), config.telegram);

export const isConnected = (s: EffectiveSettings): boolean => !!(s.botToken && s.chatId);
