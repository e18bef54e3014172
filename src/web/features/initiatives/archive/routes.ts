import type { RouteRecordRaw } from 'vue-router';
import type { LoadContext } from '../../../state';

// The page and its loader come in their own chunk, out of the first route's JavaScript.
let loader: Promise<typeof import('./load')> | null = null;
let page: Promise<typeof import('./ArchiveSearchPage.vue')> | null = null;

export const initiativesArchiveRoute: RouteRecordRaw = {
  path: '/initiatives/archive',
  name: 'initiatives-archive',
  component: () => (page ??= import('./ArchiveSearchPage.vue')),
  meta: {
    titleKey: 'initiatives-archive-title',
    load: async (ctx: LoadContext) => (await (loader ??= import('./load'))).loadArchiveSearch(ctx),
  },
};
