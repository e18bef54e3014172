// Who may do what with a time poll: pure functions of the person asking and the poll.
import { hasRole } from '../../../http/access';
import type { CurrentUser } from '../../../http/context';

export interface PollFacts {
  createdBy: number | null;
  picked: boolean;
  /** Whether the person asking is invited (named, a member of a named group, or a current ambassador asked). */
  invited: boolean;
}

export const isPollOrganizer = (user: CurrentUser | null, p: PollFacts): boolean =>
  !!user && p.createdBy !== null && user.id === p.createdBy;

/** The organizer, the invitees and admins see a poll (it names people and their answers). */
export const canSeePoll = (user: CurrentUser | null, p: PollFacts): boolean =>
  isPollOrganizer(user, p) || (!!user && p.invited) || hasRole(user, 'admin');

/** Only invitees answer, until a slot is picked. */
export const canAnswerPoll = (user: CurrentUser | null, p: PollFacts): boolean => !!user && p.invited && !p.picked;

/** Only the poll's organizer picks a slot, once. */
export const canPickSlot = (user: CurrentUser | null, p: PollFacts): boolean => isPollOrganizer(user, p) && !p.picked;
