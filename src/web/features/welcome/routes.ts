import { lazyRoutes } from '../../ui/lazy-routes';

/** Where a new account lands: the first steps (features/accounts/SignupPage.vue, Wikimedia sign-up). */
export const welcomeRoutes = lazyRoutes(
  () => import('./pages'),
  [['/welcome', 'WelcomePage', 'loadWelcome', 'welcome-title']],
);
