import type { RouteRecordRaw } from 'vue-router';
import type { LoadContext } from '../../state';

// Each import is made once per process and shared by every router instance: the server builds a router per
// request, and a fresh dynamic import per request costs milliseconds under a module loader.
const once = <T>(load: () => Promise<T>) => {
  let p: Promise<T> | null = null;
  return () => (p ??= load());
};
// Loaders come in with their page's chunk, so reference data stays out of the first route's JavaScript.
const loaders = once(() => import('./load'));
const load =
  (name: 'loadCommunities' | 'loadCommunity' | 'loadNewCommunity' | 'loadEditCommunity') => async (ctx: LoadContext) =>
    (await loaders())[name](ctx);

export const communitiesRoutes: RouteRecordRaw[] = [
  {
    path: '/communities',
    name: 'communities',
    component: once(() => import('./CommunitiesPage.vue')),
    meta: { titleKey: 'communities-title', load: load('loadCommunities') },
  },
  {
    path: '/communities/new',
    name: 'community-new',
    component: once(() => import('./NewCommunityPage.vue')),
    meta: { titleKey: 'communities-new-title', load: load('loadNewCommunity') },
  },
  {
    path: '/communities/:slug',
    name: 'community',
    component: once(() => import('./CommunityPage.vue')),
    meta: { load: load('loadCommunity') },
  },
  {
    path: '/communities/:slug/edit',
    name: 'community-edit',
    component: once(() => import('./EditCommunityPage.vue')),
    meta: { titleKey: 'communities-edit-title', load: load('loadEditCommunity') },
  },
];
