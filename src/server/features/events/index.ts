// The events feature's public module: what other features and the app may use of it.
export { calendarApiRoutes, calendarPageRoutes } from './calendar/routes';
export { timePollsRoutes } from './polls/routes';
