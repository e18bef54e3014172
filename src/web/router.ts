// Every page of the site. Each feature lists its own routes in src/web/features/<feature>/routes.ts.
import { createRouter, type RouterHistory, type RouteRecordRaw } from 'vue-router';
import { homeRoutes } from './features/home/routes';
import { accountsRoutes } from './features/accounts/routes';
import { updatesRoutes } from './features/updates/routes';
import { faqRoutes } from './features/faq/routes';
import { peopleRoutes } from './features/people/routes';
import { communitiesRoutes } from './features/communities/routes';
import { debatesRoutes } from './features/debates/routes';
import { adminRoutes } from './features/admin/routes';
import { notificationsRoutes } from './features/notifications/routes';
import { guidesRoutes } from './features/guides/routes';
import { moderationRoutes } from './features/moderation/routes';
import { initiativesRoutes } from './features/initiatives/routes';
import { documentsRoutes } from './features/documents/routes';
import { eventsRoutes } from './features/events/routes';
import { coursesRoutes } from './features/courses/routes';
import { sourcesRoutes } from './features/sources/routes';
import { readingListsRoutes } from './features/reading-lists/routes';
import { welcomeRoutes } from './features/welcome/routes';

export const routes: RouteRecordRaw[] = [
  ...homeRoutes,
  ...accountsRoutes,
  ...updatesRoutes,
  ...faqRoutes,
  ...peopleRoutes,
  ...communitiesRoutes,
  ...debatesRoutes,
  ...adminRoutes,
  ...notificationsRoutes,
  ...guidesRoutes,
  ...moderationRoutes,
  ...initiativesRoutes,
  ...documentsRoutes,
  ...eventsRoutes,
  ...coursesRoutes,
  ...sourcesRoutes,
  ...readingListsRoutes,
  ...welcomeRoutes,
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./ui/NotFoundPage.vue'),
    meta: { titleKey: 'error-not-found' },
  },
];

export function createLdnRouter(history: RouterHistory) {
  return createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
}
