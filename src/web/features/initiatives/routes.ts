import type { RouteRecordRaw } from 'vue-router';
import type { LoadContext } from '../../state';
import { initiativesArchiveRoute } from './archive/routes';

// Each import is made once per process and shared by every router instance (the server builds one per request).
const once = <T>(load: () => Promise<T>) => {
  let p: Promise<T> | null = null;
  return () => (p ??= load());
};
// Loaders come in with their page's chunk, out of the first route's JavaScript.
const loaders = once(() => import('./load'));
const load = (name: 'loadBoard' | 'loadInitiative' | 'loadNew' | 'loadEdit') => async (ctx: LoadContext) =>
  (await loaders())[name](ctx);

export const initiativesRoutes: RouteRecordRaw[] = [
  {
    path: '/initiatives',
    name: 'initiatives',
    component: once(() => import('./BoardPage.vue')),
    meta: { titleKey: 'initiatives-title', load: load('loadBoard') },
  },
  {
    path: '/initiatives/new',
    name: 'initiative-new',
    component: once(() => import('./NewInitiativePage.vue')),
    meta: { titleKey: 'initiatives-new-title', load: load('loadNew') },
  },
  initiativesArchiveRoute,
  {
    path: '/initiatives/:id(\\d+)/edit',
    name: 'initiative-edit',
    component: once(() => import('./EditInitiativePage.vue')),
    meta: { load: load('loadEdit') },
  },
  {
    path: '/initiatives/:id(\\d+)',
    name: 'initiative',
    component: once(() => import('./InitiativePage.vue')),
    meta: { load: load('loadInitiative') },
  },
];
