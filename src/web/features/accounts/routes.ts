import type { RouteRecordRaw } from 'vue-router';
import type { LoadContext } from '../../state';

// The pages' loaders come with them, out of the first route's JavaScript (one import for both).
const loader = (name: 'loadSettings' | 'loadWikimediaSignup') => async (ctx: LoadContext) =>
  (await import('./load'))[name](ctx);

export const accountsRoutes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('./LoginPage.vue'),
    meta: { titleKey: 'accounts-login-title' },
  },
  {
    path: '/signup',
    name: 'signup',
    component: () => import('./SignupPage.vue'),
    meta: { titleKey: 'accounts-signup-title' },
  },
  {
    // A Wikimedia log-in whose username is taken here chooses another (the server sends the browser here).
    path: '/signup/wikimedia',
    component: () => import('./WikimediaSignupPage.vue'),
    meta: { titleKey: 'accounts-wikimedia-signup-title', load: loader('loadWikimediaSignup') },
  },
  {
    path: '/logout',
    name: 'logout',
    component: () => import('./LogoutPage.vue'),
    meta: { titleKey: 'accounts-logout-title' },
  },
  {
    path: '/settings',
    name: 'settings',
    component: () => import('./SettingsPage.vue'),
    meta: { titleKey: 'accounts-settings-title', load: loader('loadSettings') },
  },
];
