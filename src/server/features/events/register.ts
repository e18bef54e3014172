// What events add to the shared registries: the `event` subject (commentable, followable, reportable, its
// creator's) and the daily schedule extending recurring events' occurrences.
import { registerSchedule } from '../../jobs/queue';
import { registerSubject } from '../conversations';
import { dailyExtend, EXTEND_JOB, extendJob } from './series/schedule';
import { eventSubject } from './subjects';
import { registerEventParticipation } from './reminders/register';

export function registerEvents(): void {
  registerSubject('event', eventSubject);
  registerSchedule(EXTEND_JOB, dailyExtend, extendJob);
  // Reminders, start and end jobs, old answers' deletion, the Telegram reminder.
  registerEventParticipation();
}
