import type {
  CreateReviewLinkBody,
  JoinReviewLinkBody,
  SharedReview,
  UpdateReviewLinkBody,
} from '@cutroom/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { assetKeys } from '../assets/asset-queries';
import { startSession } from '../auth/session-queries';
import {
  createReviewLink,
  enableReviewLink,
  updateReviewLink,
  getSharedReview,
  joinSharedLink,
  listReviewLinks,
  openSharedLink,
  revokeReviewLink,
} from './sharing-api';

export const sharingKeys = {
  all: ['sharing'] as const,
  links: (projectId: string) => [...sharingKeys.all, 'links', projectId] as const,
  link: (token: string) => [...sharingKeys.all, 'open', token] as const,
  shared: () => [...sharingKeys.all, 'shared'] as const,
};

export function useReviewLinks(projectId: string) {
  return useQuery({
    queryKey: sharingKeys.links(projectId),
    queryFn: ({ signal }) => listReviewLinks(projectId, signal),
    select: (list) => list.links,
  });
}

export function useCreateReviewLink(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReviewLinkBody) => createReviewLink(projectId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sharingKeys.links(projectId) }),
  });
}

export function useRevokeReviewLink(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) => revokeReviewLink(projectId, linkId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sharingKeys.links(projectId) }),
  });
}

export function useUpdateReviewLink(projectId: string, linkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateReviewLinkBody) => updateReviewLink(projectId, linkId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sharingKeys.links(projectId) }),
  });
}

export function useEnableReviewLink(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) => enableReviewLink(projectId, linkId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sharingKeys.links(projectId) }),
  });
}

/** What a link is, before joining it; 404 and 410 are answers here, not failures to retry. */
export function useSharedLink(token: string) {
  return useQuery({
    queryKey: sharingKeys.link(token),
    queryFn: ({ signal }) => openSharedLink(token, signal),
    retry: false,
  });
}

export function useJoinSharedLink(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: JoinReviewLinkBody) => joinSharedLink(token, body),
    onSuccess: (session) => startSession(queryClient, session),
  });
}

/**
 * The cuts a guest's link shows, kept under the project's asset-list key: the socket updates that
 * keep members' grids live (new cuts, versions, progress) keep this one live too.
 */
export function useSharedAssets(projectId: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: assetKeys.list(projectId ?? ''),
    queryFn: async ({ signal }) => ({ assets: (await getSharedReview(signal)).assets }),
    enabled: projectId !== undefined,
    // The home page has just read the same answer: start from it rather than ask again.
    initialData: () => {
      const shared = queryClient.getQueryData<SharedReview>(sharingKeys.shared());
      return shared && { assets: shared.assets };
    },
    initialDataUpdatedAt: () => queryClient.getQueryState(sharingKeys.shared())?.dataUpdatedAt,
    select: (list) => list.assets,
  });
}

/** A guest's home: the project's name and the cuts their link shows. */
export function useSharedReview(enabled = true) {
  return useQuery({
    queryKey: sharingKeys.shared(),
    queryFn: ({ signal }) => getSharedReview(signal),
    enabled,
  });
}
