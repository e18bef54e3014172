// Answers of the FAQ API. The web derives its types from these with z.infer (and imports them with
// `import type`, so no schema code reaches the browser).
import { z } from 'zod';

export const faqEntry = z.object({
  id: z.string(),
  language: z.string(),
  question: z.string(),
  /** The Markdown source, for editing. */
  answer: z.string(),
  /** Sanitized HTML rendered from the answer (safe to insert as HTML). */
  answerHtml: z.string(),
  position: z.number(),
  demo: z.boolean(),
  updatedAt: z.string(),
});
export type FaqEntry = z.infer<typeof faqEntry>;

export const faqList = z.object({
  items: z.array(faqEntry),
  next: z.null(),
  /** The language of the entries: the one asked for, or English when it has none. */
  language: z.string(),
  /** Every language that has entries. */
  languages: z.array(z.string()),
});
export type FaqList = z.infer<typeof faqList>;
