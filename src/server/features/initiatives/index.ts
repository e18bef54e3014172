// The initiatives feature's public module: what other features and the app may use of it. Its registrations
// (subjects, the Telegram `call` event, jobs and schedules) and its routes, one capability per sub-folder:
// the board, the archive, the call for collaborators, the team, what the leads record, and the downloads.
import type { FastifyPluginCallback } from 'fastify';
import { registerJobHandler, registerSchedule } from '../../jobs/queue';
import { registerTelegramEvent } from '../telegram';
import { archiveRoutes } from './archive/routes';
import { boardRoutes } from './board/routes';
import { afterMidnight, DEADLINE_JOB, deadlineJob } from './call/service';
import { callRoutes } from './call/routes';
import { exportRoutes } from './export/routes';
import { FOLLOW_UP_JOB, followUpJob } from './records/service';
import { recordsRoutes } from './records/routes';
import { ideasRoutes } from './routes';
import { registerInitiativeSubjects } from './subjects';
import { daily, QUIET_JOB, quietJob } from './team/quiet';
import { teamRoutes } from './team/routes';

export { loadDemoInitiatives } from './demo';
export { convertPlatformLinks, linkingInitiatives } from './records/items';
export { canManage, loadInitiative, manage as manageInitiative } from './access';
export { initiativeView } from './policy';
export { registerInitiativeSourcesReader, type UsedSource } from './export/sources';

/**
 * Fills the shared registries: the subjects `initiative` and `initiative_update`, the Telegram event `call`
 * (a newly opened call is announced), the follow-up reminder job, and the daily schedules that close calls past
 * their deadline and flag quiet initiatives. Idempotent (each registry is keyed by name).
 */
export function registerInitiatives(): void {
  registerInitiativeSubjects();
  registerTelegramEvent('call', { labelKey: 'telegram-event-call', headingKey: 'telegram-post-call' });
  registerJobHandler(FOLLOW_UP_JOB, followUpJob);
  registerSchedule(DEADLINE_JOB, afterMidnight, deadlineJob);
  registerSchedule(QUIET_JOB, daily, quietJob);
}

/** Every API route of initiatives (mounted under /api/v1). */
export const initiativesRoutes: FastifyPluginCallback = (app, _opts, done) => {
  boardRoutes(app);
  ideasRoutes(app);
  callRoutes(app);
  teamRoutes(app);
  recordsRoutes(app);
  archiveRoutes(app);
  done();
};

/** The downloads at page-level addresses (mounted at the root): /initiatives/:id/export.wikitext, /initiatives/archive.json and .csv. */
export const initiativesPageRoutes: FastifyPluginCallback = (app, _opts, done) => {
  exportRoutes(app);
  done();
};
