import {
  memberListSchema,
  memberSchema,
  projectListSchema,
  projectSchema,
  type AddMemberBody,
  type ChangeRoleBody,
  type CreateProjectBody,
  type RenameProjectBody,
} from '@cutroom/contracts';
import { apiRequest } from '../../lib/api-client';

const projectPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}`;
const memberPath = (projectId: string, userId: string) =>
  `${projectPath(projectId)}/members/${encodeURIComponent(userId)}`;

export function listProjects(signal?: AbortSignal) {
  return apiRequest('/projects', { schema: projectListSchema, signal });
}

export function createProject(body: CreateProjectBody) {
  return apiRequest('/projects', { method: 'POST', body, schema: projectSchema });
}

export function getProject(projectId: string, signal?: AbortSignal) {
  return apiRequest(projectPath(projectId), { schema: projectSchema, signal });
}

export function renameProject(projectId: string, body: RenameProjectBody) {
  return apiRequest(projectPath(projectId), { method: 'PATCH', body, schema: projectSchema });
}

export function deleteProject(projectId: string) {
  return apiRequest(projectPath(projectId), { method: 'DELETE' });
}

export function listMembers(projectId: string, signal?: AbortSignal) {
  return apiRequest(`${projectPath(projectId)}/members`, { schema: memberListSchema, signal });
}

export function addMember(projectId: string, body: AddMemberBody) {
  return apiRequest(`${projectPath(projectId)}/members`, { method: 'POST', body, schema: memberSchema });
}

export function changeMemberRole(projectId: string, userId: string, body: ChangeRoleBody) {
  return apiRequest(memberPath(projectId, userId), { method: 'PATCH', body, schema: memberSchema });
}

export function removeMember(projectId: string, userId: string) {
  return apiRequest(memberPath(projectId, userId), { method: 'DELETE' });
}
