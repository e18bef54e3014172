// The Telegram feature's public module: what other features and the app may use of it. A feature with something
// to announce registers its event (registerTelegramEvent, from its own register<Feature>()) and calls announce()
// inside the transaction that creates the item; moderation releases the posts it held back with releaseHeld().
import { registerPostingJob } from './posting';

export { telegramRoutes } from './routes';
export { registerTelegramEvent, type TelegramEventDef } from './events';
export { announce, releaseHeld, POST_JOB, type Announcement } from './posting';

/** Registers what Telegram adds to shared registries: the posting job. */
export function registerTelegram(): void {
  registerPostingJob();
}
