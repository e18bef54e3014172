import type { RouteRecordRaw } from 'vue-router';
import type { LoadContext } from '../../state';

// The settings' loader comes with its page, out of the first route's JavaScript.
const loadSettings = async (ctx: LoadContext) => (await import('./load')).loadSettings(ctx);
const loadWikimediaSignup = async (ctx: LoadContext) => (await import('./load')).loadWikimediaSignup(ctx);

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
    name: 'signup-wikimedia',
    component: () => import('./WikimediaSignupPage.vue'),
    meta: { titleKey: 'accounts-wikimedia-signup-title', load: loadWikimediaSignup },
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
    meta: { titleKey: 'accounts-settings-title', load: loadSettings },
  },
];
