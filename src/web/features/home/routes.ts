import type { RouteRecordRaw } from 'vue-router';

export const homeRoutes: RouteRecordRaw[] = [
  { path: '/', name: 'overview', component: () => import('./OverviewPage.vue'), meta: { titleKey: 'overview-title' } },
];
