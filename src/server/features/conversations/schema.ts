// Request shapes of comments (the answers' are in src/contracts/conversations.ts).
import { z } from 'zod';
import { listQuery } from '../../http/pagination';

export const COMMENT_MAX = 10000;
/** Replies nest this deep; deeper replies sit flat at this depth, quoting the comment they answer. */
export const MAX_DEPTH = 3;

const idText = z.union([z.string().max(30), z.number().int().nonnegative()]).transform(String);

export const subjectRef = z.strictObject({
  type: z.string().min(1, 'validation-required').max(40),
  id: idText,
});

const body = z.string().trim().min(1, 'validation-required').max(COMMENT_MAX);

export const createCommentBody = z.strictObject({
  subject: subjectRef,
  body,
  parentId: idText.optional(),
});
export type CreateCommentBody = z.infer<typeof createCommentBody>;

export const patchCommentBody = z.strictObject({ body });
export type PatchCommentBody = z.infer<typeof patchCommentBody>;

export const listCommentsQuery = z.object({
  subjectType: z.string().min(1).max(40),
  subjectId: z.string().min(1).max(30),
  ...listQuery,
});
export type ListCommentsQuery = z.infer<typeof listCommentsQuery>;

export const idParams = z.object({ id: z.string().max(30) });

/** Who to suggest after an `@`: the text typed after it, and the discussion written in (both or neither). */
export const suggestQuery = z
  .object({
    q: z.string().max(85).default(''),
    subjectType: z.string().min(1).max(40).optional(),
    subjectId: z.string().min(1).max(30).optional(),
  })
  .refine((v) => (v.subjectType === undefined) === (v.subjectId === undefined), {
    message: 'validation-required',
    path: ['subjectId'],
  });
export type SuggestQuery = z.infer<typeof suggestQuery>;
