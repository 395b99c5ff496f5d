import { z } from 'zod';
import { safeText } from './text';
import { assetSchema } from './assets';
import { DISPLAY_NAME_MAX, PASSWORD_MAX, emailSchema, userSchema } from './auth';
import { guestAccessSchema, linkPermissionSchema } from './guest';

export const REVIEW_LINK_LABEL_MAX = 100;
export const REVIEW_LINK_ASSETS_MAX = 200;
/** How a guest's name reads wherever they appear: comments, decisions, presence. */
export const GUEST_SUFFIX = ' (guest)';

export const reviewLinkStatuses = ['active', 'expired', 'revoked'] as const;
export type ReviewLinkStatus = (typeof reviewLinkStatuses)[number];

/** A link token as it appears in `/share/<token>`: 256 random bits, URL-safe. */
export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,200}$/, 'must be a review link token');

export const reviewLinkSchema = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  label: z.string(),
  /** Null for the whole project. */
  assetIds: z.array(z.uuid()).nullable(),
  permissions: z.array(linkPermissionSchema),
  /** Its guests see the team's presence, revision rounds and decision notes. */
  showTeamActivity: z.boolean(),
  hasPassword: z.boolean(),
  expiresAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
  status: z.enum(reviewLinkStatuses),
  guestCount: z.number().int().nonnegative(),
  /** The newest guests who joined through it (up to 20), with the address they gave, if any. */
  guests: z.array(
    z.object({
      id: z.uuid(),
      displayName: z.string(),
      email: z.string().nullable(),
      joinedAt: z.iso.datetime(),
    }),
  ),
  createdBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  /** Its address can be shown again (GET …/links/:id/address); false for links made before that was possible. */
  copyable: z.boolean(),
});
export type ReviewLink = z.infer<typeof reviewLinkSchema>;

/** A link's address, shown again to its project's owners and editors. */
export const reviewLinkAddressSchema = z.object({ token: linkTokenSchema, path: z.string() });
export type ReviewLinkAddress = z.infer<typeof reviewLinkAddressSchema>;

/** Returned when the link is made; owners and editors can ask for its address again later. */
export const createdReviewLinkSchema = reviewLinkSchema.extend({
  token: linkTokenSchema,
  /** The path to give the guest: `/share/<token>`. */
  path: z.string(),
});
export type CreatedReviewLink = z.infer<typeof createdReviewLinkSchema>;

export const reviewLinkListSchema = z.object({ links: z.array(reviewLinkSchema) });
export type ReviewLinkList = z.infer<typeof reviewLinkListSchema>;

/** What anyone holding the token learns before joining; little more until the password is given. */
export const sharedLinkInfoSchema = z.object({
  /** Not a secret (the token is): lets a guest who already joined through this link carry on. */
  linkId: z.uuid(),
  needsPassword: z.boolean(),
  expiresAt: z.iso.datetime().nullable(),
  /** Absent while a password is needed. */
  label: z.string().optional(),
  projectName: z.string().optional(),
  sharedBy: z.string().nullable().optional(),
  permissions: z.array(linkPermissionSchema).optional(),
});
export type SharedLinkInfo = z.infer<typeof sharedLinkInfoSchema>;

export const joinReviewLinkBodySchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(DISPLAY_NAME_MAX).check(safeText('line')),
  email: emailSchema.optional(),
  password: z.string().min(1, 'must not be empty').max(PASSWORD_MAX).check(safeText('secret')).optional(),
});
export type JoinReviewLinkBody = z.infer<typeof joinReviewLinkBodySchema>;

export const guestSessionResponseSchema = z.object({
  user: userSchema,
  guest: guestAccessSchema,
  token: z.string(),
  expiresAt: z.iso.datetime(),
});
export type GuestSessionResponse = z.infer<typeof guestSessionResponseSchema>;

/** A guest's home: the project's name and exactly the assets their link shows. */
export const sharedReviewSchema = z.object({
  guest: guestAccessSchema,
  label: z.string(),
  /** The link shows the whole project, cuts added later included: its room can be followed live. */
  allAssets: z.boolean(),
  project: z.object({ id: z.uuid(), name: z.string() }),
  assets: z.array(assetSchema),
});
export type SharedReview = z.infer<typeof sharedReviewSchema>;
