import type { RouteRecordRaw } from 'vue-router';

export const adminRoutes: RouteRecordRaw[] = [
  // The loader comes with the page's chunk, out of the first route's JavaScript.
  {
    path: '/admin',
    name: 'admin',
    component: () => import('./AdminPage.vue'),
    meta: { titleKey: 'admin-title', load: async (ctx) => (await import('./load')).loadAdmin(ctx) },
  },
];
