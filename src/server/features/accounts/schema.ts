import { z } from 'zod';
import { USERNAME_FORBIDDEN, USERNAME_FORBIDDEN_LIST, USERNAME_MAX, normalizeUsername } from '../../../contracts/usernames';

export const usernameSchema = z
  .string()
  .transform(normalizeUsername)
  .pipe(
    z
      .string()
      .min(1, 'validation-required')
      .max(USERNAME_MAX)
      .refine((v) => !USERNAME_FORBIDDEN.test(v), { message: 'accounts-username-invalid-chars', params: { i18n: [USERNAME_FORBIDDEN_LIST] } }),
  );

// Length only, no composition rules (ASVS); common passwords are refused in the service.
export const passwordSchema = z.string().min(8).max(128);

export const signUpBody = z.strictObject({
  username: usernameSchema,
  password: passwordSchema,
  email: z.email().max(254).optional(),
});

export const logInBody = z.strictObject({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(1000),
});

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

export const sessionAnswer = z.object({
  user: userSummary.nullable(),
  csrfToken: z.string().describe('Send as X-CSRF-Token with every change made with the session cookie; empty when a personal token authenticates.'),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(1000),
  newPassword: passwordSchema,
});

export const idParams = z.object({ id: z.string().regex(/^\d{1,18}$/, 'validation-invalid') });

export const sessionItem = z.object({
  id: z.string(),
  device: z.string(),
  userAgent: z.string(),
  ip: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean(),
});

export const tokenItem = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
});

/** The answer to creating a token: the only time the secret is shown. */
export const createdToken = tokenItem.extend({ token: z.string() });

export const accountAnswer = z.object({
  id: z.string(),
  username: z.string(),
  email: z.string().nullable(),
  hasPassword: z.boolean(),
  wikimediaUsername: z.string().nullable(),
});

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next: z.string().nullable() });
