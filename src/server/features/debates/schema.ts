// Request and response shapes of debates.
import { z } from 'zod';
import { listQuery } from '../../http/pagination';
import { commentList } from '../conversations/schema';
import { hiddenState } from '../moderation/visibility';

/** MediaWiki language codes (pt-br, zh-hans, …): checked for their form. */
const languageCode = z.string().max(30).regex(/^[a-z]{2,3}(-[a-z0-9]+)*$/, 'debates-language-invalid');

export const STANCES = ['for', 'against', 'neutral'] as const;
export type Stance = (typeof STANCES)[number];

export const createDebateBody = z.strictObject({
  title: z.string().trim().min(1, 'validation-required').max(200),
  framing: z.string().trim().min(1, 'validation-required').max(10000),
  language: languageCode.optional(),
});
export type CreateDebateBody = z.infer<typeof createDebateBody>;

export const createArgumentBody = z.strictObject({
  stance: z.enum(STANCES),
  body: z.string().trim().min(1, 'validation-required').max(10000),
});
export type CreateArgumentBody = z.infer<typeof createArgumentBody>;

export const closeDebateBody = z.strictObject({
  conclusion: z.string().trim().min(1, 'validation-required').max(10000),
});

export const listDebatesQuery = z.object({ ...listQuery });
export type ListDebatesQuery = z.infer<typeof listDebatesQuery>;

export const idParams = z.object({ id: z.string().max(30) });
export const argumentParams = z.object({ id: z.string().max(30), argumentId: z.string().max(30) });

const person = z.object({ username: z.string(), displayName: z.string() }).nullable();

export const debateItem = z.object({
  id: z.string(),
  title: z.string(),
  language: z.string(),
  status: z.enum(['open', 'closed']),
  opener: person,
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  argumentCount: z.number(),
});

export const argumentItem = z.object({
  id: z.string(),
  stance: z.enum(STANCES),
  /** Sanitized HTML rendered from the Markdown body; empty when hidden, but for its author and moderators. */
  bodyHtml: z.string(),
  /** Hidden by moderation: the reason shows in its place. */
  hidden: hiddenState,
  author: person,
  createdAt: z.string(),
  supports: z.number(),
  /** Whether the person asking supports it. */
  supported: z.boolean(),
  /** The first page of replies under it (GET /comments?subjectType=argument&subjectId=… pages on). */
  replies: commentList,
});

export const debateDetail = debateItem.extend({
  /** Hidden by moderation: the reason shows in its place; title, framing and arguments only for its opener and moderators. */
  hidden: hiddenState,
  framingHtml: z.string(),
  conclusionHtml: z.string().nullable(),
  closedBy: person,
  arguments: z.object({ for: z.array(argumentItem), against: z.array(argumentItem), neutral: z.array(argumentItem) }),
  can: z.object({ argue: z.boolean(), support: z.boolean(), close: z.boolean() }),
});

export const debateList = z.object({ items: z.array(debateItem), next: z.string().nullable() });

export const supportAnswer = z.object({ argumentId: z.string(), supports: z.number(), supported: z.boolean() });
