import { z } from 'zod';
import { safeText } from './text';
import { guestAccessSchema } from './guest';

export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;
export const DISPLAY_NAME_MAX = 100;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX)
  .pipe(z.email({ message: 'must be an email address' }));

export const loginBodySchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, 'must not be empty').max(PASSWORD_MAX).check(safeText('secret')),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const userSchema = z.object({
  id: z.uuid(),
  /** Null for review-link guests, who sign in with a link rather than an address. */
  email: z.string().nullable(),
  displayName: z.string(),
  createdAt: z.iso.datetime(),
});
export type User = z.infer<typeof userSchema>;

/**
 * Returned by register and login. The browser also receives the token as an httpOnly
 * cookie; API clients and sockets send it as `Authorization: Bearer <token>`.
 */
export const sessionResponseSchema = z.object({
  user: userSchema,
  token: z.string(),
  expiresAt: z.iso.datetime(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** GET /api/auth/me: who is signed in, and for a review-link guest what their link grants. */
export const currentUserResponseSchema = z.object({
  user: userSchema,
  guest: guestAccessSchema.nullable(),
});
export type CurrentUserResponse = z.infer<typeof currentUserResponseSchema>;

export const SESSION_COOKIE = 'cutroom_session';
