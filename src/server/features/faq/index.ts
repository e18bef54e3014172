// The FAQ feature's public module: what other features and the app may use of it.
export { faqRoutes } from './routes';
export { listFaq } from './service';
export { loadDemoFaq } from './demo';
