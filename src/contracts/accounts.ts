// Answers of the accounts API: the session, one's own account, sessions and personal API tokens. The server
// validates and documents its answers with these; the web derives its types from them with z.infer (and imports
// them with `import type`, so no schema code reaches the browser).
import { z } from 'zod';

/** The signed-in person as the API shows them to themselves. */
export const userSummary = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  timeZone: z.string().nullable(),
  uiLanguage: z.string().nullable(),
  /** While moderators suspend the person: until when (they may not post, comment or report). */
  suspendedUntil: z.string().nullable(),
});
export type UserSummary = z.infer<typeof userSummary>;

export const sessionAnswer = z.object({
  user: userSummary.nullable(),
  csrfToken: z
    .string()
    .describe(
      'Send as X-CSRF-Token with every change made with the session cookie; empty when a personal token authenticates.',
    ),
});
export type SessionAnswer = z.infer<typeof sessionAnswer>;

export const sessionItem = z.object({
  id: z.string(),
  device: z.string(),
  userAgent: z.string(),
  ip: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean(),
});
export type SessionItem = z.infer<typeof sessionItem>;

export const tokenItem = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type TokenItem = z.infer<typeof tokenItem>;

/** The answer to creating a token: the only time the secret is shown. */
export const createdToken = tokenItem.extend({ token: z.string() });
export type CreatedToken = z.infer<typeof createdToken>;

const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next: z.string().nullable() });

export const sessionList = listOf(sessionItem);
export type SessionList = z.infer<typeof sessionList>;

export const tokenList = listOf(tokenItem);
export type TokenList = z.infer<typeof tokenList>;

export const accountAnswer = z.object({
  id: z.string(),
  username: z.string(),
  email: z.string().nullable(),
  hasPassword: z.boolean(),
  wikimediaUsername: z.string().nullable(),
});
export type AccountAnswer = z.infer<typeof accountAnswer>;

/** A Wikimedia login whose username is taken here (or looks like one that is), waiting for another username. */
export const wikimediaSignupAnswer = z.object({
  wikimediaUsername: z.string(),
  /** The username here that the Wikimedia one is or looks like, when there is one. */
  looksLike: z.string().nullable(),
  /** A free username to offer ("Name 2"). */
  suggestion: z.string(),
});
export type WikimediaSignupAnswer = z.infer<typeof wikimediaSignupAnswer>;
