import type { RouteRecordRaw } from 'vue-router';
import type { LoadContext } from '../../state';

// Each import is made once per process and shared by every router instance (the server builds one per request);
// pages and loaders come in with their page's chunk, out of the first route's JavaScript.
const once = <T>(load: () => Promise<T>) => {
  let p: Promise<T> | null = null;
  return () => (p ??= load());
};
const list = once(() => import('./load'));
const reading = once(() => import('./reading/load'));
const translate = once(() => import('./translate/load'));
const history = once(() => import('./history/load'));
const amendments = once(() => import('./amendments/load'));
const adaptations = once(() => import('./adaptations/load'));

const SLUG = ':slug([a-z0-9][a-z0-9-]*)';

export const documentsRoutes: RouteRecordRaw[] = [
  {
    path: '/documents',
    name: 'documents',
    component: once(() => import('./DocumentsPage.vue')),
    meta: { titleKey: 'documents-title', load: async (ctx: LoadContext) => (await list()).loadDocuments(ctx) },
  },
  {
    path: `/documents/${SLUG}`,
    name: 'document',
    component: once(() => import('./reading/DocumentPage.vue')),
    meta: { load: async (ctx: LoadContext) => (await reading()).loadDocument(ctx) },
  },
  {
    path: `/documents/${SLUG}/edit`,
    name: 'document-edit',
    component: once(() => import('./reading/EditSourcePage.vue')),
    meta: { titleKey: 'documents-edit-title', load: async (ctx: LoadContext) => (await reading()).loadSource(ctx) },
  },
  {
    path: `/documents/${SLUG}/translate/:lang([a-z0-9-]+)?`,
    name: 'document-translate',
    component: once(() => import('./translate/TranslatePage.vue')),
    meta: { load: async (ctx: LoadContext) => (await translate()).loadTranslate(ctx) },
  },
  {
    path: `/documents/${SLUG}/history`,
    name: 'document-history',
    component: once(() => import('./history/HistoryPage.vue')),
    meta: { load: async (ctx: LoadContext) => (await history()).loadHistory(ctx) },
  },
  {
    path: `/documents/${SLUG}/compare`,
    name: 'document-compare',
    component: once(() => import('./history/ComparePage.vue')),
    meta: { load: async (ctx: LoadContext) => (await history()).loadCompare(ctx) },
  },
  {
    path: `/documents/${SLUG}/amendments`,
    name: 'document-amendments',
    component: once(() => import('./amendments/AmendmentsPage.vue')),
    meta: { load: async (ctx: LoadContext) => (await amendments()).loadAmendments(ctx) },
  },
  {
    path: '/amendments/:id(\\d+)',
    name: 'amendment',
    component: once(() => import('./amendments/AmendmentPage.vue')),
    meta: { load: async (ctx: LoadContext) => (await amendments()).loadAmendment(ctx) },
  },
  {
    path: '/adaptations/:id(\\d+)',
    name: 'adaptation',
    component: once(() => import('./adaptations/AdaptationPage.vue')),
    meta: { load: async (ctx: LoadContext) => (await adaptations()).loadAdaptation(ctx) },
  },
];
