import {
  assetEventTypes,
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
  // A new round starts with no notes of its own.
  return { ...asset, latestVersion: version, versionCount: asset.versionCount + 1, openNoteCount: 0 };
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

/** The cut's last activity moves to this event's time (never back, whatever order lists were read in). */
export function withActivity(asset: Asset, at: string): Asset {
  return Date.parse(at) > Date.parse(asset.lastActivityAt) ? { ...asset, lastActivityAt: at } : asset;
}

/** Events that change how many notes are open on a card: the server counts them again. */
const NOTE_COUNT_EVENTS = [
  'comment.created',
  'comment.deleted',
  'comment.resolved',
  'comment.reopened',
] as const;

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
  for (const type of assetEventTypes) {
    if (type === 'asset.deleted' || type === 'asset.restored' || type === 'asset.moved') continue;
    registry.onEvent(type, (queryClient, event) => {
      for (const queryKey of listsHolding(queryClient, event.assetId)) {
        patchQuery<AssetList>(queryClient, queryKey, (list) => ({
          assets: list.assets.map((asset) =>
            asset.id === event.assetId ? withActivity(asset, event.createdAt) : asset,
          ),
        }));
      }
    });
  }
  for (const type of NOTE_COUNT_EVENTS) {
    registry.onEvent(type, (queryClient, event) => {
      for (const queryKey of listsHolding(queryClient, event.assetId)) {
        void queryClient.invalidateQueries({ queryKey, exact: true });
      }
    });
  }
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
      // An upload was cancelled, or someone deleted the version: it leaves the stack at once (the
      // page stops showing it before anything of it is fetched again), then the card.
      const versionId = event.payload?.versionId;
      if (versionId) {
        patchQuery<VersionList>(queryClient, assetKeys.versions(event.assetId), (list) => ({
          versions: list.versions.filter((version) => version.id !== versionId),
        }));
      }
      void queryClient.invalidateQueries({ queryKey: assetKeys.versions(event.assetId) });
      void queryClient.invalidateQueries({ queryKey: assetKeys.detail(event.assetId) });
      void queryClient.invalidateQueries({ queryKey: assetKeys.lists() });
    })
    .onEvent('asset.restored', (queryClient, event) => {
      // Back from Recently deleted: lists (members' and guests') read it again.
      void queryClient.invalidateQueries({ queryKey: assetKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: assetKeys.deletedLists() });
      void queryClient.invalidateQueries({ queryKey: assetKeys.detail(event.assetId) });
    })
    .onEvent('asset.moved', (queryClient, event) => {
      const to = event.payload?.toProjectId;
      // It leaves every other project's grid at once, and the new project's grid reads it again.
      for (const queryKey of listsHolding(queryClient, event.assetId)) {
        if (to !== undefined && queryKey.at(-1) === to) continue;
        patchQuery<AssetList>(queryClient, queryKey, (list) => ({
          assets: list.assets.filter((asset) => asset.id !== event.assetId),
        }));
      }
      void queryClient.invalidateQueries({ queryKey: assetKeys.lists() });
      // Whoever has it open reads it again: in its new project, or gone (404) for who cannot follow it.
      void queryClient.invalidateQueries({ queryKey: assetKeys.detail(event.assetId) });
    })
    .onEvent('asset.deleted', (queryClient, event) => {
      void queryClient.invalidateQueries({ queryKey: assetKeys.deletedLists() });
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
