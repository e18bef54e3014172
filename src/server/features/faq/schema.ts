// Request shapes of the FAQ; its answers are in src/contracts/faq.ts.
import { z } from 'zod';

/** MediaWiki language codes (pt-br, zh-hans, …): checked for their form. */
const languageCode = z
  .string()
  .max(30)
  .regex(/^[a-z]{2,3}(-[a-z0-9]+)*$/, 'faq-language-invalid');

/** Ids in paths are decimal strings; anything else names no entry (404, not a 500). */
export const parseId = (s: string): number | null => (/^[1-9]\d{0,14}$/.test(s) ? Number(s) : null);

const question = z.string().trim().min(1, 'validation-required').max(300);
const answer = z.string().trim().min(1, 'validation-required').max(10000);

export const createFaqBody = z.strictObject({ language: languageCode, question, answer });
export type CreateFaqBody = z.infer<typeof createFaqBody>;

export const patchFaqBody = z.strictObject({
  language: languageCode.optional(),
  question: question.optional(),
  answer: answer.optional(),
});
export type PatchFaqBody = z.infer<typeof patchFaqBody>;

export const orderFaqBody = z.strictObject({
  ids: z
    .array(z.string().regex(/^[1-9]\d{0,14}$/, 'validation-invalid'))
    .min(1)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'faq-order-duplicates' }),
});

export const faqQuery = z.object({
  language: z.preprocess((v) => (v === '' ? undefined : v), languageCode.optional()),
});

export const idParams = z.object({ id: z.string().max(30) });
