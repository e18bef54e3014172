import type { RouteRecordRaw } from 'vue-router';
import type { LoadContext } from '../../state';

// Loaders come in with their page's chunk, out of the first route's JavaScript.
const load = (name: 'loadGuides' | 'loadGuide' | 'loadGuideEdit') => async (ctx: LoadContext) =>
  (await import('./load'))[name](ctx);
const loadStart = async (ctx: LoadContext) => (await import('./start-load')).loadStart(ctx);

export const guidesRoutes: RouteRecordRaw[] = [
  {
    path: '/guides',
    name: 'guides',
    component: () => import('./GuidesPage.vue'),
    meta: { titleKey: 'guides-title', load: load('loadGuides') },
  },
  {
    path: '/guides/start',
    name: 'guides-start',
    component: () => import('./StartPage.vue'),
    meta: { titleKey: 'guides-start-title', load: loadStart },
  },
  {
    path: '/guides/:slug([a-z0-9-]+)',
    name: 'guide',
    component: () => import('./GuidePage.vue'),
    meta: { load: load('loadGuide') },
  },
  {
    path: '/guides/:slug([a-z0-9-]+)/edit',
    name: 'guide-edit',
    component: () => import('./EditGuidePage.vue'),
    meta: { titleKey: 'guides-edit-title', load: load('loadGuideEdit') },
  },
];
