import { z } from 'zod';

/** What a review link lets its guests do. Viewing is always granted; the rest are chosen. */
export const linkPermissions = ['view', 'comment', 'approve', 'download'] as const;
export const linkPermissionSchema = z.enum(linkPermissions);
export type LinkPermission = z.infer<typeof linkPermissionSchema>;

/** A guest's standing: which link they came by and what it lets them do. */
export const guestAccessSchema = z.object({
  linkId: z.uuid(),
  projectId: z.uuid(),
  permissions: z.array(linkPermissionSchema),
  expiresAt: z.iso.datetime().nullable(),
  /**
   * The link shows the team's activity: who of the team is watching, drawing or typing, the
   * revision rounds and the team's decision notes. Off by default; internal notes never show.
   */
  showTeamActivity: z.boolean(),
});
export type GuestAccess = z.infer<typeof guestAccessSchema>;
