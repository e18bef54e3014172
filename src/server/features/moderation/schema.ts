// Request and response shapes of reports, moderation actions and appeals.
import { z } from 'zod';
import { listQuery } from '../../http/pagination';
import { REPORT_REASONS } from './tables';

const idText = z.union([z.string().max(30), z.number().int().nonnegative()]).transform(String);
const subjectRef = z.strictObject({ type: z.string().min(1, 'validation-required').max(40), id: idText });
const reason = z.string().trim().min(1, 'validation-required').max(2000);

export const REASON_MAX = 2000;

export const createReportBody = z.strictObject({
  subject: subjectRef,
  reason: z.enum(REPORT_REASONS),
  text: z.string().trim().max(REASON_MAX).default(''),
});
export type CreateReportBody = z.infer<typeof createReportBody>;

export const subjectActionBody = z.strictObject({ subject: subjectRef, reason });
export type SubjectActionBody = z.infer<typeof subjectActionBody>;

export const reasonBody = z.strictObject({ reason });

/** Suspensions last from an hour to a year. */
export const SUSPEND_MAX_HOURS = 24 * 366;
export const suspendBody = z.strictObject({ reason, hours: z.number().int().min(1).max(SUSPEND_MAX_HOURS) });

export const closeReportBody = z.strictObject({
  outcome: z.enum(['resolved', 'dismissed']),
  note: z.string().trim().max(REASON_MAX).optional(),
});

export const appealBody = z.strictObject({ text: z.string().trim().min(1, 'validation-required').max(REASON_MAX) });

export const answerAppealBody = z.strictObject({
  decision: z.enum(['upheld', 'reversed']),
  answer: z.string().trim().min(1, 'validation-required').max(REASON_MAX),
});

export const queueQuery = z.object({ status: z.enum(['open', 'closed']).default('open'), ...listQuery });
export type QueueQuery = z.infer<typeof queueQuery>;
export const logQuery = z.object({ ...listQuery });
export type LogQuery = z.infer<typeof logQuery>;

export const idParams = z.object({ id: z.string().max(30) });

const person = z.object({ id: z.string(), username: z.string(), displayName: z.string() });
const subjectInfo = z.object({
  type: z.string(),
  id: z.string(),
  /** Title or excerpt and link of the item; empty once it is gone. */
  title: z.string(),
  link: z.string().nullable(),
});
const hidden = z.object({ reason: z.string(), automatic: z.boolean() }).nullable();

export const reportItem = z.object({
  id: z.string(),
  subject: subjectInfo,
  /** Whose the item is (the person, for a report of a person). */
  owner: person.nullable(),
  reporter: person.nullable(),
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

/** What the reporter gets back: their own report, without anything about others. */
export const ownReport = z.object({
  id: z.string(),
  subject: z.object({ type: z.string(), id: z.string() }),
  reason: z.enum(REPORT_REASONS),
  text: z.string(),
  status: z.enum(['open', 'resolved', 'dismissed']),
  createdAt: z.string(),
});

const actionKind = z.enum(['hide', 'unhide', 'warn', 'suspend', 'unsuspend', 'block', 'unblock']);

export const actionItem = z.object({
  id: z.string(),
  kind: actionKind,
  subject: subjectInfo,
  target: person.nullable(),
  /** Null for automatic hiding. */
  moderator: person.nullable(),
  automatic: z.boolean(),
  reason: z.string(),
  suspendedUntil: z.string().nullable(),
  reversed: z.boolean(),
  createdAt: z.string(),
});

const appealState = z.object({
  id: z.string(),
  text: z.string(),
  status: z.enum(['open', 'upheld', 'reversed']),
  answer: z.string().nullable(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
});

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

export const myModeration = z.object({
  suspendedUntil: z.string().nullable(),
  suspensionReason: z.string().nullable(),
  items: z.array(myActionItem),
  next: z.string().nullable(),
});

export const appealItem = appealState.extend({
  person: person.nullable(),
  action: actionItem,
});

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

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next: z.string().nullable() });
