// Answers of the follows and notifications API, and their vocabularies (kinds, e-mail frequencies), shared: the
// server presents against them and the web derives its types from them with z.infer (always `import type` there).
import { z } from 'zod';
import { personRef } from './people';

/**
 * The kinds of notification, from the strongest reason to the weakest (one event gives each person one
 * notification, of the strongest kind that applies).
 */
export const KINDS = [
  'mention',
  'reply',
  'comment',
  'argument',
  'debate_closed',
  'update',
  'activity',
  // Initiatives (features/initiatives/notify.ts): what concerns one person first, then what followers hear.
  'lead_invite',
  'lead_volunteer',
  'new_signup',
  'signup_answered',
  'call_closed',
  'follow_up',
  'initiative_update',
  'lead_wanted',
  'initiative_quiet',
  // Documents (features/documents/source/notify.ts): followers of a language, then of a document.
  'translation_outdated',
  'document_revised',
  // Amendments (features/documents/amendments/notify.ts): a decision reaches its author at once.
  'amendment_decided',
  'amendment',
  // Events (features/events/registrations/notify.ts): what concerns a registrant or invitee at once, then notes.
  'event_invite',
  'event_place',
  'event_changed',
  'event_reminder',
  'event_message',
  'event_notes',
  // Courses (features/courses/runs.ts): a new run reaches the course's followers.
  'course_run',
  // Sources (features/sources/notify.ts): followers of a source or a reading list.
  'source_review',
  'source_used',
  'reading_list',
  // Groups (features/communities/notify.ts): the person designated or whose term ended; a group's coordinators.
  'ambassador_designated',
  'ambassador_ended',
  'partner_marked',
  'partner_unmarked',
] as const;
export type Kind = (typeof KINDS)[number];

/**
 * The object types of a `signup_answered` notification: how the leads answered a sign-up for a job
 * (`signup_*`, its title the job's), an offer of general help (`help_*`) or an offer to lead (`lead_*`).
 * Each has its own sentence (`notifications-text-<type>`); older notifications without one say "answered".
 */
export type SignupAnswer = `${'signup' | 'help' | 'lead'}_${'accepted' | 'declined'}`;

/** How a kind of notification reaches a person by e-mail. */
export const FREQUENCIES = ['immediately', 'daily', 'weekly', 'never'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

const subjectShown = z.object({ type: z.string(), id: z.string(), title: z.string(), link: z.string() });

export const followItem = z.object({
  id: z.string(),
  subject: subjectShown,
  createdAt: z.string(),
});
export type FollowItem = z.infer<typeof followItem>;
export const followList = z.object({ items: z.array(followItem), next: z.string().nullable() });
export type FollowList = z.infer<typeof followList>;

export const notificationItem = z.object({
  id: z.string(),
  kind: z.enum(KINDS),
  /** The item it is about: its title and page as they were when it happened. */
  subject: subjectShown,
  /**
   * What the actor made there (a comment, an argument, a debate, an update, an answer to a sign-up), if anything;
   * with its title as it was then when the sentence names it (the job of an answered sign-up).
   */
  object: z.object({ type: z.string(), id: z.string(), title: z.string().optional() }).nullable(),
  actor: personRef.nullable(),
  /** Path of the exact place: the comment's or argument's anchor, or the item. */
  link: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type NotificationItem = z.infer<typeof notificationItem>;
export const notificationList = z.object({
  items: z.array(notificationItem),
  next: z.string().nullable(),
  /** How many of the person's notifications are unread (all of them, not only this page). */
  unread: z.number(),
});
export type NotificationList = z.infer<typeof notificationList>;

export const readAnswer = z.object({ marked: z.number(), unread: z.number() });
export type ReadAnswer = z.infer<typeof readAnswer>;
export const unreadAnswer = z.object({ unread: z.number() });
export type UnreadAnswer = z.infer<typeof unreadAnswer>;

const frequency = z.enum(FREQUENCIES);
/** One frequency per kind. */
export const emailShape = Object.fromEntries(KINDS.map((k) => [k, frequency])) as Record<Kind, typeof frequency>;

export const settingsAnswer = z.object({
  email: z.object(emailShape),
  defaults: z.object(emailShape),
  /** Whether the person has an e-mail address; without one no mail is sent. */
  hasEmail: z.boolean(),
});
export type NotificationSettings = z.infer<typeof settingsAnswer>;
