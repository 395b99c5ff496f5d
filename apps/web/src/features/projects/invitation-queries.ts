import type {
  AcceptInvitationBody,
  InviteBody,
  NotificationLevel,
  NotificationSetting,
} from '@cutroom/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { startSession } from '../auth/session-queries';
import {
  acceptInvitation,
  getNotificationSetting,
  invite,
  listInvitations,
  openInvitation,
  revokeInvitation,
  setNotificationSetting,
} from './invitations-api';
import { projectKeys } from './project-queries';

export const invitationKeys = {
  pending: (projectId: string) => [...projectKeys.detail(projectId), 'invitations'] as const,
  notifications: (projectId: string) => [...projectKeys.detail(projectId), 'notification-setting'] as const,
  opened: (token: string) => ['invitation', token] as const,
};

export function useInvitations(projectId: string, enabled = true) {
  return useQuery({
    queryKey: invitationKeys.pending(projectId),
    queryFn: ({ signal }) => listInvitations(projectId, signal),
    select: (list) => list.invitations,
    enabled,
  });
}

/** An existing account joins at once; any other address gets an invitation. */
export function useInvite(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteBody) => invite(projectId, body),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: projectKeys.members(projectId) }),
        queryClient.invalidateQueries({ queryKey: invitationKeys.pending(projectId) }),
      ]),
  });
}

export function useRevokeInvitation(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => revokeInvitation(projectId, invitationId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitationKeys.pending(projectId) }),
  });
}

export function useOpenInvitation(token: string) {
  return useQuery({
    queryKey: invitationKeys.opened(token),
    queryFn: ({ signal }) => openInvitation(token, signal),
    retry: false,
    // An invitation is read once: asked again after it was accepted, it has ended (404).
    staleTime: Infinity,
  });
}

/** Creates the account and signs this tab in as it. */
export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptInvitationBody) => acceptInvitation(token, body),
    onSuccess: (session) => {
      const opened = queryClient.getQueryData(invitationKeys.opened(token));
      startSession(queryClient, session);
      // The page shows the invitation until it moves on to the project: it must not ask for it
      // again (a new session forgets every query), now that it is used up.
      if (opened) queryClient.setQueryData(invitationKeys.opened(token), opened);
    },
  });
}

export function useNotificationSetting(projectId: string) {
  return useQuery({
    queryKey: invitationKeys.notifications(projectId),
    queryFn: ({ signal }) => getNotificationSetting(projectId, signal),
  });
}

export function useChooseNotifications(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (level: NotificationLevel) => setNotificationSetting(projectId, level),
    onSuccess: (setting) =>
      queryClient.setQueryData<NotificationSetting>(invitationKeys.notifications(projectId), setting),
  });
}
