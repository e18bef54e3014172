import type { RouteRecordRaw } from 'vue-router';
import type { LoadContext } from '../../state';

// The loader comes in with the page's chunk, out of the first route's JavaScript.
const load = async (ctx: LoadContext) => (await import('./load')).loadNotifications(ctx);

export const notificationsRoutes: RouteRecordRaw[] = [
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('./NotificationsPage.vue'),
    meta: { titleKey: 'notifications-title', load },
  },
];
