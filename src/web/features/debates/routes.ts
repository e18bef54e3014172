import type { RouteRecordRaw } from 'vue-router';
import type { LoadContext } from '../../state';

// Loaders come in with their page's chunk, out of the first route's JavaScript.
const load = (name: 'loadDebates' | 'loadDebate') => async (ctx: LoadContext) => (await import('./load'))[name](ctx);

export const debatesRoutes: RouteRecordRaw[] = [
  {
    path: '/debates',
    name: 'debates',
    component: () => import('./DebatesPage.vue'),
    meta: { titleKey: 'debates-title', load: load('loadDebates') },
  },
  {
    path: '/debates/:id(\\d+)',
    name: 'debate',
    component: () => import('./DebatePage.vue'),
    meta: { load: load('loadDebate') },
  },
];
