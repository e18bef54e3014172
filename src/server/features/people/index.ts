// The people feature's public module: what other features and the app may use of it.
export { presentPersonRef, personRefColumns, type PersonRefRow } from './person-ref';
export { peopleRoutes } from './routes';
/** What people need outside /api/v1 (old person-page addresses redirect after a rename); the app registers it. */
export { registerPeopleRootHooks } from './root-hooks';
export { isCurrent } from './present';
export { codeList, languagesSchema, regionSchema, timeZoneSchema, PROFILE_FIELDS, type ProfileField } from './schema';
export { loadDemoPeople, demoUsername, DEMO_PEOPLE } from './demo';

/** People fill no shared registry (no subjects, jobs, schedules or Telegram events); listed for completeness. */
export function registerPeople(): void {
  // Nothing to register.
}
