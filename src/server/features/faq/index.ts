// The FAQ feature's public module: what other features and the app may use of it.
export { faqRoutes } from './routes';
export { listFaq } from './service';
export { loadDemoFaq } from './demo';

/** The FAQ fills no shared registry (no subjects, jobs, schedules or Telegram events); listed for completeness. */
export function registerFaq(): void {
  // Nothing to register.
}
