import type { RouteRecordRaw } from 'vue-router';
import type { LoadContext } from '../../state';

// Loaders come in with their page's chunk, so reference data stays out of the first route's JavaScript.
const load = (name: 'loadCommunities' | 'loadCommunity' | 'loadNewCommunity' | 'loadEditCommunity') => async (ctx: LoadContext) =>
  (await import('./load'))[name](ctx);

export const communitiesRoutes: RouteRecordRaw[] = [
  { path: '/communities', name: 'communities', component: () => import('./CommunitiesPage.vue'), meta: { titleKey: 'communities-title', load: load('loadCommunities') } },
  { path: '/communities/new', name: 'community-new', component: () => import('./NewCommunityPage.vue'), meta: { titleKey: 'communities-new-title', load: load('loadNewCommunity') } },
  { path: '/communities/:slug', name: 'community', component: () => import('./CommunityPage.vue'), meta: { load: load('loadCommunity') } },
  { path: '/communities/:slug/edit', name: 'community-edit', component: () => import('./EditCommunityPage.vue'), meta: { titleKey: 'communities-edit-title', load: load('loadEditCommunity') } },
];
