// Request shapes of amendments (the answers' are in src/contracts/amendments.ts).
import { z } from 'zod';
import { AMENDMENT_STATUSES, AMENDMENT_TARGETS, POSITIONS } from '../../../../contracts/amendments';
import { listQuery } from '../../../http/pagination';
import { idRef, unitText } from '../adaptations/schema';

export const proposeBody = z.strictObject({
  target: z.strictObject({ type: z.enum(AMENDMENT_TARGETS), id: idRef }),
  /** One unit, or consecutive units of one section, in order. */
  unitIds: z.array(idRef).min(1).max(30),
  text: unitText,
  rationale: z.string().trim().min(1, 'validation-required').max(5000),
});
export type ProposeBody = z.infer<typeof proposeBody>;

/** A query parameter left empty (`?status=`) is one not given. */
const blank = (v: unknown) => (v === '' ? undefined : v);

export const listAmendmentsQuery = z.object({
  targetType: z.preprocess(blank, z.enum(AMENDMENT_TARGETS).optional()),
  targetId: z.preprocess(
    blank,
    z
      .string()
      .regex(/^\d{1,15}$/, 'validation-format')
      .optional(),
  ),
  status: z.preprocess(blank, z.enum(AMENDMENT_STATUSES).optional()),
  ...listQuery,
});
export type ListAmendmentsQuery = z.infer<typeof listAmendmentsQuery>;

export const positionBody = z.strictObject({
  position: z.enum(POSITIONS),
  comment: z.string().trim().min(1, 'validation-required').max(10000).optional(),
});
export type PositionBody = z.infer<typeof positionBody>;

export const acceptBody = z.strictObject({ text: unitText.optional() });
export type AcceptBody = z.infer<typeof acceptBody>;

export const rejectBody = z.strictObject({ reason: z.string().trim().min(1, 'validation-required').max(5000) });
export type RejectBody = z.infer<typeof rejectBody>;

export const adoptBody = z.strictObject({ adaptation: idRef, text: unitText.optional() });
export type AdoptBody = z.infer<typeof adoptBody>;

export const idParams = z.object({ id: z.string().max(30) });
