// The events feature's public module: what other features and the app may use of it (registrations, calendars
// and time polls build on these: loading an event, who manages it, the occurrences and their time arithmetic).
export { eventsRoutes } from './routes';
export { registerEvents } from './register';
export { canManageEvent, ensureManage, isCurrentAmbassador, loadEvent, parseEventId, type EventRow } from './access';
export { canCreateKind, canManage } from './policy';
export { createEvent } from './series/service';
export {
  extendOccurrences,
  insertPlanned,
  occurrenceStarts,
  planSlots,
  windowEnd,
  type Planned,
  type SeriesDefinition,
} from './series/materialize';
export { eventDetail, registrationOpen } from './listing/detail';
export { listEvents } from './listing/list';
export { localTime, webUrl, type CreateBody } from './schema';
export {
  addLocalMinutes,
  instantToLocal,
  isLocalTime,
  isoWithOffset,
  isTimeZone,
  localMinutesBetween,
  offsetMinutes,
  zonedToInstant,
} from './time/zoned';
export { expandRule, formatRule, parseRule, RuleError, type Rule } from './time/recurrence';
// Taking part: registrations, attendance, messages, the join link, reminders.
export { registrationsRoutes } from './registrations/routes';
export { joinRoutes } from './registrations/join';
export { inviteAmbassadors, tellOccurrenceChanged } from './registrations/notify';
export { extendSeriesRegistrations } from './registrations/series';
export { fillFreedPlaces } from './registrations/service';
export { planReminders, purgeOldAnswers } from './reminders/jobs';
// Calendars (.ics feeds, the private address) and find a time.
export { calendarApiRoutes, calendarPageRoutes } from './calendar/routes';
export { timePollsRoutes } from './polls/routes';
