import { z } from 'zod';
import { safeText } from './text';
import { DISPLAY_NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, emailSchema } from './auth';
import {
  COMMON_PASSWORD_MESSAGE,
  EMAIL_PASSWORD_MESSAGE,
  isCommonPassword,
  isEmailPassword,
} from './password-rules';

// Apart from auth.ts: the common-password list behind these is 140 kB, and only the pages where
// a password is chosen (sign-up, accepting an invitation, review-link settings) should load it.

/** A password someone chooses for their account: long enough, and not one guessed first. */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`)
  .check(safeText('secret'))
  .refine((password) => !isCommonPassword(password), COMMON_PASSWORD_MESSAGE);

export const registerBodySchema = z
  .strictObject({
    email: emailSchema,
    password: newPasswordSchema,
    displayName: z.string().trim().min(1, 'must not be empty').max(DISPLAY_NAME_MAX).check(safeText('line')),
  })
  .refine((body) => !isEmailPassword(body.password, body.email), {
    message: EMAIL_PASSWORD_MESSAGE,
    path: ['password'],
  });
export type RegisterBody = z.infer<typeof registerBodySchema>;

/**
 * Accepting creates the account at the invited address: only a name and a password are asked. When
 * the address signed up meanwhile, its password signs it in and joins instead (no name needed).
 */
export const acceptInvitationBodySchema = z.strictObject({
  password: newPasswordSchema,
  displayName: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(DISPLAY_NAME_MAX)
    .check(safeText('line'))
    .optional(),
});
export type AcceptInvitationBody = z.infer<typeof acceptInvitationBodySchema>;
