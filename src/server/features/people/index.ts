// The people feature's public module: what other features and the app may use of it.
// The modules without dependencies on other features come first: people and communities use each other, and
// ES modules evaluate in import order, so these are ready before the routes' imports reach communities.
export { presentJoinedPerson, presentPersonRef, personRefColumns, type PersonRefRow } from './person-ref';
export { codeList, languagesSchema, regionSchema, timeZoneSchema, PROFILE_FIELDS, type ProfileField } from './schema';
export { loadDemoPeople, demoUsername, DEMO_PEOPLE } from './demo';
export { peopleRoutes } from './routes';
/** What people need outside /api/v1 (old person-page addresses redirect after a rename); the app registers it. */
export { registerPeopleRootHooks } from './root-hooks';
