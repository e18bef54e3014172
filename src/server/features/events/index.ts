// The events feature's public module: what other features and the app may use of it.
import { registerEventParticipation } from './reminders/register';

export { registrationsRoutes } from './registrations/routes';
export { joinRoutes } from './registrations/join';
export { inviteAmbassadors, tellOccurrenceChanged } from './registrations/notify';
export { extendSeriesRegistrations } from './registrations/series';
export { fillFreedPlaces } from './registrations/service';
export { registrationsShown } from './registrations/shown';
export { planReminders, purgeOldAnswers } from './reminders/jobs';

/** Registers what events add to the shared registries. */
export function registerEvents(): void {
  registerEventParticipation();
}
