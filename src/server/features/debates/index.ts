// The debates feature's public module: what other features and the app may use of it.
import { registerSubject } from '../conversations';
import { registerTelegramEvent } from '../telegram';
import { argumentSubject, debateSubject } from './subjects';

export { debatesRoutes } from './routes';
export { loadDemoDebates } from './demo';

/** Registers what debates add to the shared registries: debates and their arguments as subjects, and a new
 * debate as an event the Telegram channel can post. */
export function registerDebates(): void {
  registerSubject('debate', debateSubject);
  registerSubject('argument', argumentSubject);
  registerTelegramEvent('debate', { labelKey: 'telegram-event-debate', headingKey: 'telegram-post-debate' });
}
