import {
  processingStageSchema,
  serverEvents,
  versionProgressSchema,
  type Asset,
  type AssetList,
  type Version,
  type VersionList,
  type VersionProgress,
} from '@cutroom/contracts';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { AssetEventOf, CacheUpdateRegistry } from '../../lib/realtime/cache-update-registry';
import { patchQuery } from '../../lib/realtime/patch-query';
import { assetKeys } from './asset-queries';

// How socket events change the assets feature's cache entries: cards, the asset, its version stack.
/** The asset with `version` in place: the newest version (and the count) move when a newer one arrives. */
export function mergeVersionIntoAsset(asset: Asset, version: Version): Asset {
  if (version.assetId !== asset.id) return asset;
  const latest = asset.latestVersion;
  if (latest?.id === version.id) return { ...asset, latestVersion: version };
  if (latest && version.number < latest.number) return asset;
  return { ...asset, latestVersion: version, versionCount: asset.versionCount + 1 };
}

/** The version stack (newest first) with `version` replaced or added in its place. */
export function mergeVersionIntoStack(versions: readonly Version[], version: Version): Version[] {
  const others = versions.filter((existing) => existing.id !== version.id);
  return [...others, version].sort((a, b) => b.number - a.number);
}

/** Live progress on a version; a stage name this client does not know keeps the last known stage. */
export function withProgress(version: Version, progress: VersionProgress): Version {
  if (version.id !== progress.versionId || version.status === 'ready' || version.status === 'failed') {
    return version;
  }
  const stage = processingStageSchema.safeParse(progress.stage);
  return {
    ...version,
    stage: stage.success ? stage.data : version.stage,
    progress: progress.progress,
    playable: version.playable || progress.playable,
  };
}

function listsHolding(queryClient: QueryClient, assetId: string): QueryKey[] {
  return queryClient
    .getQueriesData<AssetList>({ queryKey: assetKeys.lists() })
    .filter(([, list]) => list?.assets.some((asset) => asset.id === assetId))
    .map(([queryKey]) => queryKey);
}

function updateAssetEverywhere(queryClient: QueryClient, assetId: string, update: (asset: Asset) => Asset) {
  patchQuery<Asset>(queryClient, assetKeys.detail(assetId), update);
  for (const queryKey of listsHolding(queryClient, assetId)) {
    patchQuery<AssetList>(queryClient, queryKey, (list) => ({
      assets: list.assets.map((asset) => (asset.id === assetId ? update(asset) : asset)),
    }));
  }
}

function applyVersion(queryClient: QueryClient, event: { assetId: string }, version: Version) {
  // An asset no list knows yet is new: lists are fetched again (restarting any fetch already under
  // way, which may have read the database before this event).
  if (listsHolding(queryClient, event.assetId).length === 0) {
    void queryClient.invalidateQueries({ queryKey: assetKeys.lists() });
  }
  updateAssetEverywhere(queryClient, event.assetId, (asset) => mergeVersionIntoAsset(asset, version));
  patchQuery<VersionList>(queryClient, assetKeys.versions(event.assetId), (list) => ({
    versions: mergeVersionIntoStack(list.versions, version),
  }));
}

function applyVersionEvent(
  queryClient: QueryClient,
  event: AssetEventOf<'version.created' | 'version.updated'>,
) {
  if (event.payload !== null) applyVersion(queryClient, event, event.payload.version);
  else void queryClient.invalidateQueries({ queryKey: assetKeys.detail(event.assetId) });
}

/** Ephemeral progress of a version being processed: not logged, so it needs no seq. */
export function applyVersionProgress(queryClient: QueryClient, progress: VersionProgress): void {
  const cached = queryClient.getQueryData<VersionList>(assetKeys.versions(progress.assetId));
  const before = cached?.versions.find((version) => version.id === progress.versionId);
  updateAssetEverywhere(queryClient, progress.assetId, (asset) =>
    asset.latestVersion ? { ...asset, latestVersion: withProgress(asset.latestVersion, progress) } : asset,
  );
  patchQuery<VersionList>(queryClient, assetKeys.versions(progress.assetId), (list) => ({
    versions: list.versions.map((version) => withProgress(version, progress)),
  }));
  // Just became playable: only the server knows the playlist's address.
  if (progress.playable && before && !before.urls.master) {
    void queryClient.invalidateQueries({ queryKey: assetKeys.detail(progress.assetId) });
  }
}

export function registerAssetEvents(registry: CacheUpdateRegistry): void {
  registry
    .onEvent('version.created', applyVersionEvent)
    .onEvent('version.updated', applyVersionEvent)
    .onEvent('asset.renamed', (queryClient, event) => {
      const { payload } = event;
      if (payload !== null)
        updateAssetEverywhere(queryClient, event.assetId, (asset) => ({ ...asset, name: payload.name }));
    })
    .onEvent('asset.created', (queryClient) => {
      // Someone made an empty cut: the project's list gains it.
      void queryClient.invalidateQueries({ queryKey: assetKeys.lists() });
    })
    .onEvent('version.deleted', (queryClient, event) => {
      // An upload was cancelled: its version leaves the stack and the card.
      void queryClient.invalidateQueries({ queryKey: assetKeys.versions(event.assetId) });
      void queryClient.invalidateQueries({ queryKey: assetKeys.detail(event.assetId) });
      void queryClient.invalidateQueries({ queryKey: assetKeys.lists() });
    })
    .onEvent('asset.deleted', (queryClient, event) => {
      for (const queryKey of listsHolding(queryClient, event.assetId)) {
        patchQuery<AssetList>(queryClient, queryKey, (list) => ({
          assets: list.assets.filter((asset) => asset.id !== event.assetId),
        }));
      }
      // Whoever has it open learns from the refetch (404) that it is gone.
      void queryClient.invalidateQueries({ queryKey: assetKeys.detail(event.assetId) });
    })
    .onPush(serverEvents.versionProgress, versionProgressSchema, applyVersionProgress)
    // After (re)joining a project's room: anything before the join comes from a fresh list.
    .onProjectJoined((queryClient, projectId) => {
      void queryClient.invalidateQueries({ queryKey: assetKeys.list(projectId) });
    })
    // After first joining an asset's room: it is fetched again so no event before the join is missing.
    .onAssetJoined((queryClient, assetId) => {
      void queryClient.invalidateQueries({ queryKey: assetKeys.detail(assetId) });
    });
}
