import { z } from 'zod';
import { uuidInput } from './ids';
import { instantInput } from './instants';
import { safeText } from './text';
import { type LinkPermission, linkPermissionSchema, linkPermissions } from './guest';
import { newPasswordSchema } from './registration';
import { REVIEW_LINK_ASSETS_MAX, REVIEW_LINK_LABEL_MAX } from './sharing';

// Apart from sharing.ts, which every page loads: a link's password is held to the account rules,
// whose common-password list only the pages that make or change links should carry.

/** The granted permissions in their usual order, viewing always among them. */
function withViewing(given: readonly LinkPermission[]): LinkPermission[] {
  return linkPermissions.filter((p) => p === 'view' || given.includes(p));
}

export const createReviewLinkBodySchema = z.strictObject({
  label: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(REVIEW_LINK_LABEL_MAX)
    .check(safeText('line'))
    .optional(),
  /** The assets the link shows; absent for the whole project (assets added later included). */
  assetIds: z
    .array(uuidInput())
    .min(1, 'must name at least one asset, or be left out for the whole project')
    .max(REVIEW_LINK_ASSETS_MAX)
    .optional(),
  permissions: z
    .array(linkPermissionSchema)
    .max(linkPermissions.length)
    .default(['view'])
    .transform(withViewing),
  /** Held to the account rules: guessing it is all that stands between a stranger holding the link and the cut. */
  password: newPasswordSchema.optional(),
  expiresAt: instantInput().optional(),
  /** Guests see the team's presence, revision rounds and decision notes (see GuestAccess). */
  showTeamActivity: z.boolean().default(false),
});
export type CreateReviewLinkBody = z.input<typeof createReviewLinkBodySchema>;

/**
 * A link changed after it was made; what is left out stays as it is. `password: null` removes the
 * password, `expiresAt: null` the expiry. Guests who already joined keep their session; new rights
 * and the new expiry reach them at once.
 */
export const updateReviewLinkBodySchema = z
  .strictObject({
    label: createReviewLinkBodySchema.shape.label,
    permissions: z.array(linkPermissionSchema).max(linkPermissions.length).transform(withViewing).optional(),
    password: newPasswordSchema.nullable().optional(),
    expiresAt: instantInput().nullable().optional(),
    showTeamActivity: z.boolean().optional(),
  })
  .refine(
    (body) => Object.keys(body).length > 0,
    'must change at least one of label, permissions, password, expiresAt, showTeamActivity',
  );
export type UpdateReviewLinkBody = z.input<typeof updateReviewLinkBodySchema>;
export type UpdateReviewLinkInput = z.output<typeof updateReviewLinkBodySchema>;
export type CreateReviewLinkInput = z.output<typeof createReviewLinkBodySchema>;
