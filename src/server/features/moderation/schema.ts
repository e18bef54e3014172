// Request shapes of reports, moderation actions and appeals (the answers' are in src/contracts/moderation.ts).
import { z } from 'zod';
import { listQuery } from '../../http/pagination';
import { REPORT_REASONS } from '../../../contracts/moderation';

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
