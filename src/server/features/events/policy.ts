// Who may do what with events: pure functions of the person asking and what is known about them (their current
// ambassador terms, whether they organize the event or coordinate an organizing group). access.ts reads those
// facts from the database and enforces these answers.
import type { EventKind } from '../../../contracts/events';
import { hasRole } from '../../http/access';
import type { CurrentUser } from '../../http/context';

/** Ambassador meetings are made by admins and current ambassadors; every other kind by any signed-in member. */
export const canCreateKind = (
  user: CurrentUser | null,
  kind: EventKind,
  facts: { currentAmbassador: boolean },
): boolean => !!user && (kind !== 'ambassador_meeting' || hasRole(user, 'admin') || facts.currentAmbassador);

export interface ManagerFacts {
  /** The person is one of the event's organizers. */
  organizer: boolean;
  /** The person coordinates one of the event's organizing groups. */
  coordinator: boolean;
}

/** Organizers (people, and the coordinators of organizing groups) and admins manage an event. */
export const canManage = (user: CurrentUser | null, facts: ManagerFacts): boolean =>
  !!user && (hasRole(user, 'admin') || facts.organizer || facts.coordinator);
