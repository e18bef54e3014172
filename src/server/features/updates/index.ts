// The updates feature's public module: what other features and the app may use of it.
import { registerTelegramEvent } from '../telegram';

export { updatesRoutes } from './routes';
export { updatesFeedRoutes } from './feed';
export { loadDemoUpdates } from './demo';

/** Registers what updates add to shared registries: a new update as an event the Telegram channel can post. */
export function registerUpdates(): void {
  registerTelegramEvent('update', { labelKey: 'telegram-event-update', headingKey: 'telegram-post-update' });
}
