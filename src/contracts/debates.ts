// Debates' answers: the list, one debate with its arguments by stance, and a support. The web derives its
// types from these with z.infer (and imports them with `import type`, so no schema code reaches the browser).
import { z } from 'zod';
import { commentList } from './conversations';
import { hiddenState } from './moderation';
import { personRef } from './people';

export const STANCES = ['for', 'against', 'neutral'] as const;
export type Stance = (typeof STANCES)[number];

export const debateItem = z.object({
  id: z.string(),
  title: z.string(),
  language: z.string(),
  status: z.enum(['open', 'closed']),
  opener: personRef.nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  argumentCount: z.number(),
});
export type DebateItem = z.infer<typeof debateItem>;

export const argumentItem = z.object({
  id: z.string(),
  stance: z.enum(STANCES),
  /** Sanitized HTML rendered from the Markdown body; empty when hidden, but for its author and moderators. */
  bodyHtml: z.string(),
  /** The start of the text as plain text (it names the argument's buttons); empty when the body is. */
  excerpt: z.string(),
  /** Hidden by moderation: the reason shows in its place. */
  hidden: hiddenState,
  author: personRef.nullable(),
  createdAt: z.string(),
  supports: z.number(),
  /** Whether the person asking supports it. */
  supported: z.boolean(),
  /** The first page of replies under it (GET /comments?subjectType=argument&subjectId=… pages on). */
  replies: commentList,
});
export type ArgumentItem = z.infer<typeof argumentItem>;

export const debateDetail = debateItem.extend({
  /** Hidden by moderation: the reason shows in its place; title, framing and arguments only for its opener and moderators. */
  hidden: hiddenState,
  framingHtml: z.string(),
  conclusionHtml: z.string().nullable(),
  closedBy: personRef.nullable(),
  arguments: z.object({ for: z.array(argumentItem), against: z.array(argumentItem), neutral: z.array(argumentItem) }),
  can: z.object({ argue: z.boolean(), support: z.boolean(), close: z.boolean() }),
});
export type DebateDetail = z.infer<typeof debateDetail>;

export const debateList = z.object({ items: z.array(debateItem), next: z.string().nullable() });
export type DebateList = z.infer<typeof debateList>;

export const supportAnswer = z.object({ argumentId: z.string(), supports: z.number(), supported: z.boolean() });
export type SupportAnswer = z.infer<typeof supportAnswer>;
