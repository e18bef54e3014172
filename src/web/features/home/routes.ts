import type { RouteRecordRaw } from 'vue-router';

export const homeRoutes: RouteRecordRaw[] = [
  // The loader is imported when first needed, keeping it out of the first load's JavaScript.
  {
    path: '/',
    name: 'overview',
    component: () => import('./OverviewPage.vue'),
    meta: { titleKey: 'overview-title', load: async (ctx) => (await import('./load')).loadOverview(ctx) },
  },
];
