// Every feature, in one visible place: what each registers in the shared registries (subjects, jobs,
// schedules, Telegram events, guards), then its API routes, mounted under /api/v1. One line per feature.
import type { FastifyInstance } from 'fastify';
import { accountsRoutes } from './accounts/routes';
import { updatesRoutes } from './updates/routes';
import { faqRoutes } from './faq/routes';
import { peopleRoutes } from './people/routes';
import { communitiesRoutes } from './communities/routes';
import { conversationsRoutes } from './conversations/routes';
import { debatesRoutes } from './debates/routes';
import { notificationsRoutes } from './notifications/routes';
import { telegramRoutes } from './telegram/routes';
import { moderationRoutes } from './moderation/routes';
import { initiativesRoutes, registerInitiatives } from './initiatives';
import { guidesRoutes } from './guides/routes';
import { registerModeration } from './moderation';
import { registerCommunities } from './communities';
import { registerUpdates } from './updates';
import { registerTelegram } from './telegram';
import { registerNotifications } from './notifications';
import { registerConversations } from './conversations';
import { registerDebates } from './debates';

/** Fills the shared registries; idempotent, so several apps in one process (tests) may call it. */
export function registerRegistries(): void {
  registerModeration();
  registerCommunities();
  registerUpdates();
  registerTelegram();
  registerNotifications();
  registerInitiatives();
  registerConversations();
  registerDebates();
}

export async function registerFeatures(app: FastifyInstance): Promise<void> {
  await app.register(accountsRoutes);
  await app.register(updatesRoutes);
  await app.register(faqRoutes);
  await app.register(peopleRoutes);
  await app.register(communitiesRoutes);
  await app.register(conversationsRoutes);
  await app.register(debatesRoutes);
  await app.register(notificationsRoutes);
  await app.register(telegramRoutes);
  await app.register(moderationRoutes);
  await app.register(initiativesRoutes);
  await app.register(guidesRoutes);
}
