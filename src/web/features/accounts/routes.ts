import type { RouteRecordRaw } from 'vue-router';
import type { LoadContext } from '../../state';

// The settings' loader comes with its page, out of the first route's JavaScript.
const loadSettings = async (ctx: LoadContext) => (await import('./load')).loadSettings(ctx);

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
