import type { RenameAssetBody } from '@cutroom/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { deleteAsset, getAsset, listAssets, listVersions, renameAsset } from './assets-api';

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
};

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

export function useVersions(assetId: string) {
  return useQuery({
    queryKey: assetKeys.versions(assetId),
    queryFn: ({ signal }) => listVersions(assetId, signal),
    select: (list) => list.versions,
  });
}

export function useRenameAsset(assetId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RenameAssetBody) => renameAsset(assetId, body),
    onSuccess: (asset) => {
      queryClient.setQueryData(assetKeys.detail(assetId), asset);
      return queryClient.invalidateQueries({ queryKey: assetKeys.list(asset.projectId) });
    },
  });
}

export function useDeleteAsset(assetId: string) {
  return useMutation({ mutationFn: () => deleteAsset(assetId) });
}

/** After deleting an asset and navigating away: drop its entries so nothing refetches a 404. */
export function useForgetAsset() {
  const queryClient = useQueryClient();
  return (assetId: string, projectId: string) => {
    queryClient.removeQueries({ queryKey: assetKeys.detail(assetId) });
    void queryClient.invalidateQueries({ queryKey: assetKeys.list(projectId) });
  };
}
