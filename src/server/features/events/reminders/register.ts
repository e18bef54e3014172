// What taking part in events adds to the shared registries: the daily planning of reminders, the reminder and
// start/end jobs, the daily deletion of old answers, and the Telegram event posted at a 24-hour reminder.
import { registerJobHandler, registerSchedule } from '../../../jobs/queue';
import { registerTelegramEvent } from '../../telegram';
import {
  BOUNDARY_JOB,
  boundaryJob,
  dailyAt0015,
  PLAN_JOB,
  planJob,
  PURGE_ANSWERS_JOB,
  purgeJob,
  REMINDER_JOB,
  reminderJob,
} from './jobs';

export function registerEventParticipation(): void {
  registerSchedule(PLAN_JOB, dailyAt0015, planJob);
  registerSchedule(PURGE_ANSWERS_JOB, dailyAt0015, purgeJob);
  registerJobHandler(REMINDER_JOB, reminderJob, { maxAttempts: 4 });
  registerJobHandler(BOUNDARY_JOB, boundaryJob, { maxAttempts: 3 });
  registerTelegramEvent('event_reminder', {
    labelKey: 'telegram-event-event-reminder',
    headingKey: 'telegram-post-event-reminder',
  });
}
