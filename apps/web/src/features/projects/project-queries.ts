import type {
  AddMemberBody,
  CreateProjectBody,
  Project,
  ProjectRole,
  RenameProjectBody,
} from '@cutroom/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  addMember,
  changeMemberRole,
  createProject,
  deleteProject,
  getProject,
  listMembers,
  listProjects,
  removeMember,
  renameProject,
} from './projects-api';

/** Every cache key of the projects feature. Members live under their project's key. */
export const projectKeys = {
  all: ['projects'] as const,
  list: () => [...projectKeys.all, 'list'] as const,
  detail: (projectId: string) => [...projectKeys.all, 'detail', projectId] as const,
  members: (projectId: string) => [...projectKeys.detail(projectId), 'members'] as const,
};

export function useProjects() {
  return useQuery({
    queryKey: projectKeys.list(),
    queryFn: ({ signal }) => listProjects(signal),
    select: (list) => list.projects,
  });
}

/** `enabled: false` for a review-link guest, who may not read the project itself. */
export function useProject(projectId: string, enabled = true) {
  return useQuery({
    queryKey: projectKeys.detail(projectId),
    queryFn: ({ signal }) => getProject(projectId, signal),
    enabled,
  });
}

/** `enabled: false` for a review-link guest: members (and their addresses) are not theirs to see. */
export function useMembers(projectId: string, enabled = true) {
  return useQuery({
    queryKey: projectKeys.members(projectId),
    queryFn: ({ signal }) => listMembers(projectId, signal),
    select: (list) => list.members,
    enabled,
  });
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateProjectBody) => createProject(body),
    onSuccess: (project) => {
      queryClient.setQueryData<Project>(projectKeys.detail(project.id), project);
      return queryClient.invalidateQueries({ queryKey: projectKeys.list() });
    },
  });
}

export function useRenameProject(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RenameProjectBody) => renameProject(projectId, body),
    onSuccess: (project) => {
      queryClient.setQueryData<Project>(projectKeys.detail(projectId), project);
      return queryClient.invalidateQueries({ queryKey: projectKeys.list() });
    },
    // A refusal (say, the caller's role changed meanwhile) should update what the page offers.
    onError: () => queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId), exact: true }),
  });
}

/**
 * Deleting or leaving a project: the caller navigates away first, then calls this so the pages
 * being left do not refetch a project they can no longer see.
 */
export function useForgetProject() {
  const queryClient = useQueryClient();
  return (projectId: string) => {
    queryClient.removeQueries({ queryKey: projectKeys.detail(projectId) });
    void queryClient.invalidateQueries({ queryKey: projectKeys.list() });
  };
}

export function useDeleteProject(projectId: string) {
  return useMutation({ mutationFn: () => deleteProject(projectId) });
}

export function useLeaveProject(projectId: string, userId: string) {
  return useMutation({ mutationFn: () => removeMember(projectId, userId) });
}

/**
 * Membership changes can alter the caller's own role and the member count, so the project refetches
 * too. Refused changes refetch as well: the refusal may mean someone else changed things first.
 */
function useRefreshProjectAfterMembershipChange(projectId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId) }),
      queryClient.invalidateQueries({ queryKey: projectKeys.list() }),
    ]);
}

export function useAddMember(projectId: string) {
  const refresh = useRefreshProjectAfterMembershipChange(projectId);
  return useMutation({
    mutationFn: (body: AddMemberBody) => addMember(projectId, body),
    onSettled: refresh,
  });
}

export function useChangeMemberRole(projectId: string, userId: string) {
  const refresh = useRefreshProjectAfterMembershipChange(projectId);
  return useMutation({
    mutationFn: (role: ProjectRole) => changeMemberRole(projectId, userId, { role }),
    onSettled: refresh,
  });
}

export function useRemoveMember(projectId: string, userId: string) {
  const refresh = useRefreshProjectAfterMembershipChange(projectId);
  return useMutation({
    mutationFn: () => removeMember(projectId, userId),
    onSettled: refresh,
  });
}
