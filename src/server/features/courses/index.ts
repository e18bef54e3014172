// The courses feature's public module: what other features and the app may use of it.
export { coursesRoutes } from './routes';
export { registerCourses } from './register';
export { loadDemoCourses } from './demo';
