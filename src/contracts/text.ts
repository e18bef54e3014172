// The one rule for text the platform takes in: no NUL character (PostgreSQL cannot keep one in text or jsonb)
// and no lone UTF-16 surrogate (it has no UTF-8 form, so it cannot be stored or searched for), normalized to
// NFC so that the same words typed on different keyboards are the same text. Passwords are checked but never
// normalized: what was typed is what gets hashed. The HTTP layer applies this rule to every query string, path
// parameter and JSON string (server/http/input-text.ts); `keptText` is the same rule for schemas used elsewhere.
import { z } from 'zod';

/** The message key of a refused character. */
export const TEXT_REFUSED = 'validation-text-characters';

// A high surrogate not followed by a low one, or a low one not preceded by a high one (no `u` flag: with it the
// pattern would see code points, not the UTF-16 units a lone surrogate is made of).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string can be kept: no NUL, no lone surrogate. */
export const isKeepableText = (s: string): boolean => !s.includes('\u0000') && !LONE_SURROGATE.test(s);

/** The string with each NUL and lone surrogate replaced by U+FFFD (to name a refused field, or to log it). */
export const toKeepableText = (s: string): string =>
  s.replaceAll('\u0000', '\uFFFD').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');

/** Whether a field keeps its text exactly as typed (any field whose name says password). */
export const keepsExactText = (field: string): boolean => /password/i.test(field);

/** A string schema with the text rule: refuses NUL and lone surrogates, then normalizes to NFC. */
export const keptText = (schema: z.ZodString = z.string()): z.ZodString =>
  schema.refine(isKeepableText, { message: TEXT_REFUSED }).normalize('NFC');
