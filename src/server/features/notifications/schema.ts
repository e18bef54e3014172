// Request and response shapes of follows, notifications and notification settings.
import { z } from 'zod';
import { listQuery } from '../../http/pagination';
import { FREQUENCIES, KINDS, type Kind } from './kinds';

const idText = z.union([z.string().max(30), z.number().int().nonnegative()]).transform(String);

export const followBody = z.strictObject({
  subject: z.strictObject({
    type: z.string().min(1, 'validation-required').max(40),
    id: idText,
  }),
});
export type FollowBody = z.infer<typeof followBody>;

export const followsQuery = z.object({
  subjectType: z.string().min(1).max(40).optional(),
  subjectId: z.string().min(1).max(30).optional(),
  ...listQuery,
});
export type FollowsQuery = z.infer<typeof followsQuery>;

export const idParams = z.object({ id: z.string().max(30) });

const subjectShown = z.object({ type: z.string(), id: z.string(), title: z.string(), link: z.string() });

export const followItem = z.object({
  id: z.string(),
  subject: subjectShown,
  createdAt: z.string(),
});
export const followList = z.object({ items: z.array(followItem), next: z.string().nullable() });

export const notificationsQuery = z.object({ ...listQuery });
export type NotificationsQuery = z.infer<typeof notificationsQuery>;

export const notificationItem = z.object({
  id: z.string(),
  kind: z.enum(KINDS),
  /** The item it is about: its title and page as they were when it happened. */
  subject: subjectShown,
  /** What the actor made there (a comment, an argument, a debate, an update), if anything. */
  object: z.object({ type: z.string(), id: z.string() }).nullable(),
  actor: z.object({ username: z.string(), displayName: z.string() }).nullable(),
  /** Path of the exact place: the comment's or argument's anchor, or the item. */
  link: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
export const notificationList = z.object({
  items: z.array(notificationItem),
  next: z.string().nullable(),
  /** How many of the person's notifications are unread (all of them, not only this page). */
  unread: z.number(),
});

export const readBody = z
  .strictObject({
    ids: z.array(idText).min(1).max(100).optional(),
    /** Marks every notification read (up to `upTo`, the newest one the person has seen, when given). */
    all: z.literal(true).optional(),
    upTo: idText.optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.ids === undefined) === (v.all === undefined)) ctx.addIssue({ code: 'custom', path: ['ids'], message: 'notifications-read-ids-or-all' });
    if (v.upTo !== undefined && v.all === undefined) ctx.addIssue({ code: 'custom', path: ['upTo'], message: 'notifications-read-upto-needs-all' });
  });
export type ReadBody = z.infer<typeof readBody>;

export const readAnswer = z.object({ marked: z.number(), unread: z.number() });
export const unreadAnswer = z.object({ unread: z.number() });

const frequency = z.enum(FREQUENCIES);
const emailShape = Object.fromEntries(KINDS.map((k) => [k, frequency])) as Record<Kind, typeof frequency>;

/** Only the kinds sent change; the others keep their setting. Unknown kinds or values are refused. */
export const settingsBody = z.strictObject({
  email: z.strictObject(emailShape).partial(),
});
export type SettingsBody = z.infer<typeof settingsBody>;

export const settingsAnswer = z.object({
  email: z.object(emailShape),
  defaults: z.object(emailShape),
  /** Whether the person has an e-mail address; without one no mail is sent. */
  hasEmail: z.boolean(),
});
