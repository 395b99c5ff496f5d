import { z } from 'zod';
import { safeText } from './text';
import { emailSchema, userSchema } from './auth';

export const PROJECT_NAME_MAX = 200;

/** Roles in a project, most powerful first. */
export const projectRoles = ['owner', 'editor', 'reviewer', 'viewer'] as const;
export const projectRoleSchema = z.enum(projectRoles);
export type ProjectRole = z.infer<typeof projectRoleSchema>;

const projectNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(PROJECT_NAME_MAX)
  .check(safeText('line'));

export const createProjectBodySchema = z.strictObject({ name: projectNameSchema });
export type CreateProjectBody = z.infer<typeof createProjectBodySchema>;

export const renameProjectBodySchema = z.strictObject({ name: projectNameSchema });
export type RenameProjectBody = z.infer<typeof renameProjectBodySchema>;

export const projectSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The caller's own role in this project. */
  role: projectRoleSchema,
  memberCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Project = z.infer<typeof projectSchema>;

export const projectListSchema = z.object({ projects: z.array(projectSchema) });
export type ProjectList = z.infer<typeof projectListSchema>;

export const memberSchema = z.object({
  // Members sign in with an address; only review-link guests have none.
  user: userSchema.pick({ id: true, displayName: true }).extend({ email: z.string() }),
  role: projectRoleSchema,
  addedAt: z.iso.datetime(),
});
export type Member = z.infer<typeof memberSchema>;

export const memberListSchema = z.object({ members: z.array(memberSchema) });
export type MemberList = z.infer<typeof memberListSchema>;

export const addMemberBodySchema = z.strictObject({
  email: emailSchema,
  role: projectRoleSchema,
});
export type AddMemberBody = z.infer<typeof addMemberBodySchema>;

export const changeRoleBodySchema = z.strictObject({ role: projectRoleSchema });
export type ChangeRoleBody = z.infer<typeof changeRoleBodySchema>;
