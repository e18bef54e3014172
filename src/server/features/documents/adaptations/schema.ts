// Request shapes of adaptations (the answers' are in src/contracts/adaptations.ts).
import { z } from 'zod';
import { ADAPTATION_BASES, REVIEW_TAKES } from '../../../../contracts/adaptations';

/** A unit's Markdown: not empty, at most 20,000 characters. */
export const unitText = z.string().trim().min(1, 'validation-required').max(20000);
const note = z.string().trim().max(2000);
/** An id written as a decimal string or a number. */
export const idRef = z
  .union([z.string().regex(/^\d{1,15}$/, 'validation-format'), z.number().int().min(0)])
  .transform(Number);

export const createAdaptationBody = z.strictObject({
  /** The group's slug. */
  community: z.string().min(1).max(200),
  language: z.string().max(30),
  from: z.enum(ADAPTATION_BASES),
});
export type CreateAdaptationBody = z.infer<typeof createAdaptationBody>;

export const saveUnitBody = z.strictObject({
  text: unitText,
  note: note.optional(),
  baseRevision: z.number().int().min(0),
});
export type SaveUnitBody = z.infer<typeof saveUnitBody>;

export const dropUnitBody = z.strictObject({ note: note.optional(), baseRevision: z.number().int().min(0) });
export type DropUnitBody = z.infer<typeof dropUnitBody>;

export const addUnitBody = z.strictObject({ after: idRef, text: unitText, note: note.optional() });
export type AddUnitBody = z.infer<typeof addUnitBody>;

export const reviewBody = z.strictObject({ take: z.enum(REVIEW_TAKES), text: unitText.optional() });
export type ReviewBody = z.infer<typeof reviewBody>;

export const slugParams = z.object({ slug: z.string().max(200) });
export const idParams = z.object({ id: z.string().max(30) });
export const unitParams = z.object({ id: z.string().max(30), unitId: z.string().max(30) });
