// Every feature, in one visible place: what each registers in the shared registries (subjects, jobs, schedules,
// Telegram events, write guards), then its routes: the API under /api/v1, and what lives outside it (Wikimedia
// log-in, the Atom feed, downloads, old addresses of renamed people). One line per feature.
import type { FastifyInstance } from 'fastify';
import { accountsAuthRoutes, accountsRoutes } from './accounts';
import { communitiesRoutes, registerCommunities } from './communities';
import { conversationsRoutes, registerConversations } from './conversations';
import { coursesRoutes, registerCourses } from './courses';
import { debatesRoutes, registerDebates } from './debates';
import {
  adaptationsRoutes,
  amendmentsRoutes,
  documentsPageRoutes,
  documentsRoutes,
  registerDocuments,
} from './documents';
import {
  calendarApiRoutes,
  calendarPageRoutes,
  eventsRoutes,
  joinRoutes,
  registerEvents,
  timePollsRoutes,
} from './events';
import { faqRoutes } from './faq';
import { firstStepsRoutes } from './first-steps';
import { guidesRoutes } from './guides';
import { initiativesPageRoutes, initiativesRoutes, registerInitiatives } from './initiatives';
import { moderationRoutes, registerModeration } from './moderation';
import { notificationsRoutes, registerNotifications } from './notifications';
import { peopleRoutes, registerPeopleRootHooks } from './people';
import { registerSources, sourcesPageRoutes, sourcesRoutes } from './sources';
import { registerTelegram, telegramRoutes } from './telegram';
import { registerMarkdownRerender } from '../markdown/rerender-job';
import { registerUpdates, updatesFeedRoutes, updatesRoutes } from './updates';

/** Fills the shared registries; idempotent, so several apps in one process (tests) may call it. */
export function registerRegistries(): void {
  registerMarkdownRerender();
  registerConversations();
  registerCommunities();
  registerUpdates();
  registerDebates();
  registerNotifications();
  registerTelegram();
  registerModeration();
  registerInitiatives();
  registerDocuments();
  registerEvents();
  registerCourses();
  registerSources();
}

const API_ROUTES = [
  accountsRoutes,
  firstStepsRoutes,
  updatesRoutes,
  faqRoutes,
  peopleRoutes,
  communitiesRoutes,
  conversationsRoutes,
  debatesRoutes,
  notificationsRoutes,
  telegramRoutes,
  moderationRoutes,
  initiativesRoutes,
  guidesRoutes,
  documentsRoutes,
  adaptationsRoutes,
  amendmentsRoutes,
  eventsRoutes,
  calendarApiRoutes,
  timePollsRoutes,
  coursesRoutes,
  sourcesRoutes,
];

/** Every feature's routes; called on the root instance (people's hooks apply to every address). */
export async function registerFeatures(app: FastifyInstance): Promise<void> {
  await app.register(
    async (api) => {
      for (const routes of API_ROUTES) await api.register(routes);
    },
    { prefix: '/api/v1' },
  );
  await app.register(accountsAuthRoutes, { prefix: '/auth/wikimedia' });
  await app.register(updatesFeedRoutes);
  await app.register(initiativesPageRoutes);
  await app.register(documentsPageRoutes);
  await app.register(joinRoutes);
  await app.register(calendarPageRoutes);
  await app.register(sourcesPageRoutes);
  registerPeopleRootHooks(app);
}
