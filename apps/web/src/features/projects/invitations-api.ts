import {
  acceptInvitationResponseSchema,
  invitationInfoSchema,
  invitationListSchema,
  inviteResultSchema,
  notificationSettingSchema,
  type AcceptInvitationBody,
  type InviteBody,
  type NotificationLevel,
} from '@cutroom/contracts';
import { apiRequest } from '../../lib/api-client';

const projectPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}`;
const invitationPath = (token: string) => `/invitations/${encodeURIComponent(token)}`;

export function invite(projectId: string, body: InviteBody) {
  return apiRequest(`${projectPath(projectId)}/invitations`, {
    method: 'POST',
    body,
    schema: inviteResultSchema,
  });
}

export function listInvitations(projectId: string, signal?: AbortSignal) {
  return apiRequest(`${projectPath(projectId)}/invitations`, { schema: invitationListSchema, signal });
}

export function revokeInvitation(projectId: string, invitationId: string) {
  return apiRequest(`${projectPath(projectId)}/invitations/${encodeURIComponent(invitationId)}`, {
    method: 'DELETE',
  });
}

export function openInvitation(token: string, signal?: AbortSignal) {
  return apiRequest(invitationPath(token), { schema: invitationInfoSchema, signal });
}

export function acceptInvitation(token: string, body: AcceptInvitationBody) {
  return apiRequest(`${invitationPath(token)}/accept`, {
    method: 'POST',
    body,
    schema: acceptInvitationResponseSchema,
  });
}

export function getNotificationSetting(projectId: string, signal?: AbortSignal) {
  return apiRequest(`${projectPath(projectId)}/notification-settings`, {
    schema: notificationSettingSchema,
    signal,
  });
}

export function setNotificationSetting(projectId: string, level: NotificationLevel) {
  return apiRequest(`${projectPath(projectId)}/notification-settings`, {
    method: 'PUT',
    body: { level },
    schema: notificationSettingSchema,
  });
}
