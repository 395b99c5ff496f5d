import { z } from 'zod';
import { emailSchema, sessionResponseSchema } from './auth';
import { memberSchema, projectRoleSchema } from './projects';

/** Socket.io event names, server → client, for the signed-in person's own projects. */
export const projectServerEvents = {
  /** The person was added to a project (by an owner, or by accepting an invitation). */
  joined: 'project:joined',
} as const;

export const projectJoinedSchema = z.object({ projectId: z.uuid() });
export type ProjectJoined = z.infer<typeof projectJoinedSchema>;

export const inviteBodySchema = z.strictObject({ email: emailSchema, role: projectRoleSchema });
export type InviteBody = z.infer<typeof inviteBodySchema>;

/** An invitation not yet accepted, revoked or expired, as its project's owners see it. */
export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: projectRoleSchema,
  invitedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  /** The app address that accepts it: derived again on every read, never stored. */
  link: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const invitationListSchema = z.object({ invitations: z.array(invitationSchema) });
export type InvitationList = z.infer<typeof invitationListSchema>;

/**
 * Inviting an address: an account that exists joins at once (`member`); otherwise an invitation
 * is made (`invitation`), mailed when e-mail is configured (`emailed`).
 */
export const inviteResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), member: memberSchema }),
  z.object({ kind: z.literal('invitation'), invitation: invitationSchema, emailed: z.boolean() }),
]);
export type InviteResult = z.infer<typeof inviteResultSchema>;

/** What the invited person sees before they accept. */
export const invitationInfoSchema = z.object({
  email: z.string(),
  role: projectRoleSchema,
  project: z.object({ id: z.uuid(), name: z.string() }),
  invitedBy: z.string().nullable(),
  expiresAt: z.iso.datetime(),
  /** The address signed up since it was invited: accepting asks for that account's password. */
  hasAccount: z.boolean(),
});
export type InvitationInfo = z.infer<typeof invitationInfoSchema>;

export const acceptInvitationResponseSchema = sessionResponseSchema.extend({ projectId: z.uuid() });
export type AcceptInvitationResponse = z.infer<typeof acceptInvitationResponseSchema>;
