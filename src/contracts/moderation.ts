// Moderation's answers: reports, the moderation log (actions), appeals, a person's standing, and the hidden
// state every moderatable item carries. The web derives its types from these with z.infer (and imports them
// with `import type`, so no schema code reaches the browser).
import { z } from 'zod';
import { personRef } from './people';

export const REPORT_REASONS = ['harassment', 'spam', 'off_topic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const ACTION_KINDS = ['hide', 'unhide', 'warn', 'suspend', 'unsuspend', 'block', 'unblock'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** The hidden state in API answers: null, or the reason (empty when hidden automatically after reports). */
export const hiddenState = z
  .object({
    reason: z.string(),
    automatic: z.boolean().describe('Hidden after reports from several members, until a moderator reviews it.'),
  })
  .nullable();
export type HiddenState = NonNullable<z.infer<typeof hiddenState>>;

/** A person named in moderation's answers: their user id too, since moderators act on people by id. */
export const moderationPerson = z.object({ id: z.string(), ...personRef.shape });
export type ModerationPerson = z.infer<typeof moderationPerson>;

export const subjectRef = z.object({ type: z.string(), id: z.string() });
export type SubjectRef = z.infer<typeof subjectRef>;

export const subjectInfo = z.object({
  type: z.string(),
  id: z.string(),
  /** Title or excerpt and link of the item; empty once it is gone. */
  title: z.string(),
  link: z.string().nullable(),
});
export type SubjectInfo = z.infer<typeof subjectInfo>;

const hidden = z.object({ reason: z.string(), automatic: z.boolean() }).nullable();

export const reportItem = z.object({
  id: z.string(),
  subject: subjectInfo,
  /** Whose the item is (the person, for a report of a person). */
  owner: moderationPerson.nullable(),
  reporter: moderationPerson.nullable(),
  reason: z.enum(REPORT_REASONS),
  text: z.string(),
  status: z.enum(['open', 'resolved', 'dismissed']),
  note: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  /** Whether the item is hidden now, and how. */
  hidden,
  /** Open reports on the same item, this one included. */
  openReports: z.number(),
});
export type ReportItem = z.infer<typeof reportItem>;

/** What the reporter gets back: their own report, without anything about others. */
export const ownReport = z.object({
  id: z.string(),
  subject: subjectRef,
  reason: z.enum(REPORT_REASONS),
  text: z.string(),
  status: z.enum(['open', 'resolved', 'dismissed']),
  createdAt: z.string(),
});
export type OwnReport = z.infer<typeof ownReport>;

const actionKind = z.enum(ACTION_KINDS);

export const actionItem = z.object({
  id: z.string(),
  kind: actionKind,
  subject: subjectInfo,
  target: moderationPerson.nullable(),
  /** Null for automatic hiding. */
  moderator: moderationPerson.nullable(),
  automatic: z.boolean(),
  reason: z.string(),
  suspendedUntil: z.string().nullable(),
  reversed: z.boolean(),
  createdAt: z.string(),
});
export type ActionItem = z.infer<typeof actionItem>;

const appealState = z.object({
  id: z.string(),
  text: z.string(),
  status: z.enum(['open', 'upheld', 'reversed']),
  answer: z.string().nullable(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
});
export type AppealState = z.infer<typeof appealState>;

/** An action as the person it concerns sees it: never who reported, nor which moderator acted. */
export const myActionItem = z.object({
  id: z.string(),
  kind: actionKind,
  subject: subjectInfo,
  automatic: z.boolean(),
  reason: z.string(),
  suspendedUntil: z.string().nullable(),
  reversed: z.boolean(),
  createdAt: z.string(),
  appeal: appealState.nullable(),
  can: z.object({ appeal: z.boolean() }),
});
export type MyActionItem = z.infer<typeof myActionItem>;

export const myModeration = z.object({
  suspendedUntil: z.string().nullable(),
  suspensionReason: z.string().nullable(),
  items: z.array(myActionItem),
  next: z.string().nullable(),
});
export type MyModeration = z.infer<typeof myModeration>;

export const appealItem = appealState.extend({
  person: moderationPerson.nullable(),
  action: actionItem,
});
export type AppealItem = z.infer<typeof appealItem>;

export const personStatus = z.object({
  id: z.string(),
  username: z.string(),
  roles: z.array(z.string()),
  blocked: z.boolean(),
  suspendedUntil: z.string().nullable(),
  warnings: z.number(),
  /** Whether the person asking may warn, suspend or block this person. */
  can: z.object({ act: z.boolean() }),
});
export type PersonStatus = z.infer<typeof personStatus>;

/** A page of a moderation list: `{items, next}`. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next: z.string().nullable() });

export const reportList = listOf(reportItem);
export type ReportList = z.infer<typeof reportList>;
export const actionList = listOf(actionItem);
export type ActionList = z.infer<typeof actionList>;
export const appealList = listOf(appealItem);
export type AppealList = z.infer<typeof appealList>;
