// The notifications feature's public module: what other features and the app may use of it. Features report
// what happened with recordActivity (or notify, for what it does not know) inside their own transaction.
import { registerMailJobs } from './jobs';
import { registerPersonSubject } from './subjects';

export { notificationsRoutes } from './routes';
export { followFor, notify, recordActivity, unread, type Activity } from './service';
export { KINDS, type Kind } from './kinds';
export { moveFollows } from './move';

/** Registers what notifications add to shared registries: the e-mail job, the digests' schedules, people as subjects. */
export function registerNotifications(): void {
  registerMailJobs();
  registerPersonSubject();
}
