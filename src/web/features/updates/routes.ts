import type { RouteRecordRaw } from 'vue-router';
import type { LoadContext } from '../../state';

// Loaders are imported when first needed: the first page's data comes with the HTML, so they stay out of the
// JavaScript of the first load.
const load = (name: 'loadUpdates' | 'loadUpdate' | 'loadPostable') => async (ctx: LoadContext) =>
  (await import('./load'))[name](ctx);

export const updatesRoutes: RouteRecordRaw[] = [
  {
    path: '/updates',
    name: 'updates',
    component: () => import('./UpdatesPage.vue'),
    meta: { titleKey: 'updates-title', load: load('loadUpdates') },
  },
  {
    path: '/updates/new',
    name: 'update-new',
    component: () => import('./NewUpdatePage.vue'),
    meta: { titleKey: 'updates-new-title', load: load('loadPostable') },
  },
  {
    path: '/updates/:id(\\d+)',
    name: 'update',
    component: () => import('./UpdatePage.vue'),
    meta: { load: load('loadUpdate') },
  },
  {
    path: '/updates/:id(\\d+)/edit',
    name: 'update-edit',
    component: () => import('./EditUpdatePage.vue'),
    meta: { titleKey: 'updates-edit-title', load: load('loadUpdate') },
  },
];
