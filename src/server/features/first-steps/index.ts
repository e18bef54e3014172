// The first steps feature's public module: the checklist a person sees after signing up (/welcome).
export { firstStepsRoutes } from './routes';
export { myFirstSteps } from './service';
