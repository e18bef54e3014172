import type { RouteRecordRaw } from 'vue-router';
import type { LoadContext } from '../../state';

// Loaders come in with their page's chunk, out of the first route's JavaScript.
const load = (name: 'loadQueue' | 'loadMine') => async (ctx: LoadContext) => (await import('./load'))[name](ctx);

export const moderationRoutes: RouteRecordRaw[] = [
  {
    path: '/moderation',
    name: 'moderation',
    component: () => import('./QueuePage.vue'),
    meta: { titleKey: 'moderation-queue-title', load: load('loadQueue') },
  },
  {
    path: '/moderation/mine',
    name: 'moderation-mine',
    component: () => import('./MinePage.vue'),
    meta: { titleKey: 'moderation-mine-title', load: load('loadMine') },
  },
];
