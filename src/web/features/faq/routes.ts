import type { RouteRecordRaw } from 'vue-router';

export const faqRoutes: RouteRecordRaw[] = [
  // The loader is imported when first needed, keeping it out of the first load's JavaScript.
  {
    path: '/faq',
    name: 'faq',
    component: () => import('./FaqPage.vue'),
    meta: { titleKey: 'faq-title', load: async (ctx) => (await import('./load')).loadFaq(ctx) },
  },
];
