import { useQuery } from '@tanstack/react-query';
import { getAsset, listAssets, listDeletedAssets, listVersions } from './assets-api';

/**
 * Every cache key of the assets feature. Socket events update these entries, in one place:
 * asset-events.ts.
 */
export const assetKeys = {
  all: ['assets'] as const,
  lists: () => [...assetKeys.all, 'list'] as const,
  list: (projectId: string) => [...assetKeys.lists(), projectId] as const,
  details: () => [...assetKeys.all, 'detail'] as const,
  detail: (assetId: string) => [...assetKeys.details(), assetId] as const,
  versions: (assetId: string) => [...assetKeys.detail(assetId), 'versions'] as const,
  deletedLists: () => [...assetKeys.all, 'deleted'] as const,
  deleted: (projectId: string) => [...assetKeys.deletedLists(), projectId] as const,
};

/** A project's "Recently deleted" (owners and editors). */
export function useDeletedAssets(projectId: string) {
  return useQuery({
    queryKey: assetKeys.deleted(projectId),
    queryFn: ({ signal }) => listDeletedAssets(projectId, signal),
  });
}

export function useAssets(projectId: string) {
  return useQuery({
    queryKey: assetKeys.list(projectId),
    queryFn: ({ signal }) => listAssets(projectId, signal),
    select: (list) => list.assets,
  });
}

export function useAsset(assetId: string) {
  return useQuery({
    queryKey: assetKeys.detail(assetId),
    queryFn: ({ signal }) => getAsset(assetId, signal),
  });
}

/** `enabled: false` waits until the stack is needed (a card's menu opened). */
export function useVersions(assetId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: assetKeys.versions(assetId),
    queryFn: ({ signal }) => listVersions(assetId, signal),
    select: (list) => list.versions,
  });
}
