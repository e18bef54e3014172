// Who may do what with courses: pure functions of the person asking and the course.
import { hasRole } from '../../http/access';
import type { CurrentUser } from '../../http/context';

/** Any member adds a course to the catalogue. */
export const canCreateCourse = (user: CurrentUser | null): boolean => !!user;

/** Naming a providing group: its coordinators, or admins (the group then manages the course). */
export const canNameProvider = (user: CurrentUser | null, coordinatorOfProvider: boolean): boolean =>
  !!user && (coordinatorOfProvider || hasRole(user, 'admin'));

/** Changing a course and its runs: its author, the providing group's coordinators, admins. */
export const canManageCourse = (
  user: CurrentUser | null,
  course: { created_by: number | null },
  coordinatorOfProvider: boolean,
): boolean => !!user && (hasRole(user, 'admin') || course.created_by === user.id || coordinatorOfProvider);

/** Progress is self-reported: anyone signed in, on their own. */
export const canReportProgress = (user: CurrentUser | null): boolean => !!user;
