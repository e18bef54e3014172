// The event for the registrations, attendance and messages use cases, and who manages it (the core's access:
// admins, organizers, and coordinators of organizing groups).
import type { Db } from '../../../db/connection';
import type { CurrentUser } from '../../../http/context';
import { canManageEvent, loadEvent, type EventRow } from '../access';

export type { EventRow };

/** The event named in a path, or 404. */
export const eventOf = (db: Db, idText: string): Promise<EventRow> => loadEvent(db, idText);

/** Whether a person manages the event (sees registrants, marks attendance, writes to registrants). */
export const managesEvent = (db: Db, user: CurrentUser | null, event: Pick<EventRow, 'id'>, now: Date) =>
  canManageEvent(db, user, event.id, now);

/** The event's link and subject for notifications. */
export const eventSubject = (e: Pick<EventRow, 'id' | 'title'>) => ({
  type: 'event',
  id: e.id,
  title: e.title,
  link: `/events/${e.id}`,
});
