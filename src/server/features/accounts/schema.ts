// Request shapes of the accounts API; its answers are in src/contracts/accounts.ts.
import { z } from 'zod';
import {
  USERNAME_FORBIDDEN,
  USERNAME_FORBIDDEN_LIST,
  USERNAME_MAX,
  normalizeUsername,
} from '../../../contracts/usernames';
import { nameChecks } from '../../text/names';

export const usernameSchema = z
  .string()
  .transform(normalizeUsername)
  .pipe(
    nameChecks(z.string(), 1, USERNAME_MAX).refine((v) => !USERNAME_FORBIDDEN.test(v), {
      message: 'accounts-username-invalid-chars',
      params: { i18n: [USERNAME_FORBIDDEN_LIST] },
    }),
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

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(1000),
  newPassword: passwordSchema,
});

export const idParams = z.object({ id: z.string().regex(/^\d{1,18}$/, 'validation-invalid') });

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
});

export type SignUpBody = z.infer<typeof signUpBody>;
export type LogInBody = z.infer<typeof logInBody>;
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;
export type CreateTokenBody = z.infer<typeof createTokenBody>;

/** The username chosen for a Wikimedia login whose own was taken here. */
export const wikimediaSignupBody = z.strictObject({ username: usernameSchema });
export type WikimediaSignupBody = z.infer<typeof wikimediaSignupBody>;
