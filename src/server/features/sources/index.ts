// The sources feature's public module: what other features and the app may use of it.
export { sourcesRoutes, sourcesPageRoutes } from './routes';
export { registerSources } from './register';
export { notifyReadingListChanged, notifySourceUsed } from './notify';
export { DEMO_SOURCE_TITLES, demoSourceIdsByTitle, loadDemoSources } from './demo';
export { sourcesOfInitiative } from './links/service';
export { loadDemoReadingLists } from './lists/demo';
