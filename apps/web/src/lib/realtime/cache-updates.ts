import {
  commentSchema,
  processingStageSchema,
  reactionSchema,
  versionEventPayloadSchema,
  type Asset,
  type AssetEvent,
  type CommentList,
  type AssetList,
  type Version,
  type VersionList,
  type VersionProgress,
} from '@cutroom/contracts';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { z } from 'zod';
import { assetKeys } from '../../features/assets/asset-queries';
import { removeComment, upsertComment, withReactions } from '../../features/comments/comment-list';
import { commentKeys } from '../../features/comments/comment-queries';

// Every socket → react-query cache update of the app happens in this file.

const renamedPayloadSchema = z.object({ name: z.string() });
const commentPayloadSchema = z.object({ comment: commentSchema });
const commentDeletedPayloadSchema = z.object({ commentId: z.uuid(), versionId: z.uuid() });
const reactionsPayloadSchema = z.object({
  commentId: z.uuid(),
  versionId: z.uuid(),
  reactions: z.array(reactionSchema),
});

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

/**
 * Sets a cached entry from an event. A fetch in flight may have read the database before the event
 * committed and would overwrite it with older data, so such a fetch is restarted.
 */
function patchQuery<T>(queryClient: QueryClient, queryKey: QueryKey, update: (current: T) => T): void {
  const state = queryClient.getQueryState<T>(queryKey);
  if (!state) return;
  if (state.data !== undefined)
    queryClient.setQueryData<T>(queryKey, (current) => current && update(current));
  if (state.fetchStatus === 'fetching') void queryClient.invalidateQueries({ queryKey, exact: true });
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

function applyVersion(queryClient: QueryClient, event: AssetEvent, version: Version) {
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

function patchComments(
  queryClient: QueryClient,
  versionId: string,
  update: (list: CommentList) => CommentList,
) {
  patchQuery<CommentList>(queryClient, commentKeys.list(versionId), update);
}

/** A comment event this client cannot read: the version's comments are fetched again. */
function refetchAssetComments(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: commentKeys.all });
}

function applyCommentEvent(queryClient: QueryClient, event: AssetEvent): void {
  switch (event.type) {
    case 'comment.created':
    case 'comment.updated':
    case 'comment.resolved':
    case 'comment.reopened': {
      const payload = commentPayloadSchema.safeParse(event.payload);
      if (!payload.success) return refetchAssetComments(queryClient);
      const { comment } = payload.data;
      patchComments(queryClient, comment.versionId, (list) => ({
        comments: upsertComment(list.comments, comment),
      }));
      return;
    }
    case 'comment.deleted': {
      const payload = commentDeletedPayloadSchema.safeParse(event.payload);
      if (!payload.success) return refetchAssetComments(queryClient);
      patchComments(queryClient, payload.data.versionId, (list) => ({
        comments: removeComment(list.comments, payload.data.commentId),
      }));
      return;
    }
    case 'comment.reactions': {
      const payload = reactionsPayloadSchema.safeParse(event.payload);
      if (!payload.success) return refetchAssetComments(queryClient);
      patchComments(queryClient, payload.data.versionId, (list) => ({
        comments: withReactions(list.comments, payload.data.commentId, payload.data.reactions),
      }));
      return;
    }
  }
}

/** Applies one persisted asset event; the caller guarantees each seq arrives here once, in order. */
export function applyAssetEvent(queryClient: QueryClient, event: AssetEvent): void {
  if (event.type.startsWith('comment.')) return applyCommentEvent(queryClient, event);
  switch (event.type) {
    case 'version.created':
    case 'version.updated': {
      const payload = versionEventPayloadSchema.safeParse(event.payload);
      if (payload.success) applyVersion(queryClient, event, payload.data.version);
      else void queryClient.invalidateQueries({ queryKey: assetKeys.detail(event.assetId) });
      return;
    }
    case 'asset.renamed': {
      const payload = renamedPayloadSchema.safeParse(event.payload);
      if (payload.success)
        updateAssetEverywhere(queryClient, event.assetId, (asset) => ({ ...asset, name: payload.data.name }));
      return;
    }
    case 'asset.created':
      // Someone made an empty cut: the project's list gains it.
      void queryClient.invalidateQueries({ queryKey: assetKeys.lists() });
      return;
    case 'version.deleted':
      // An upload was cancelled: its version leaves the stack and the card.
      void queryClient.invalidateQueries({ queryKey: assetKeys.versions(event.assetId) });
      void queryClient.invalidateQueries({ queryKey: assetKeys.detail(event.assetId) });
      void queryClient.invalidateQueries({ queryKey: assetKeys.lists() });
      return;
    case 'asset.deleted': {
      for (const queryKey of listsHolding(queryClient, event.assetId)) {
        patchQuery<AssetList>(queryClient, queryKey, (list) => ({
          assets: list.assets.filter((asset) => asset.id !== event.assetId),
        }));
      }
      // Whoever has it open learns from the refetch (404) that it is gone.
      void queryClient.invalidateQueries({ queryKey: assetKeys.detail(event.assetId) });
      return;
    }
  }
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

/** After (re)joining a project's room: anything before the join comes from a fresh list. */
export function refreshProjectAssets(queryClient: QueryClient, projectId: string): void {
  void queryClient.invalidateQueries({ queryKey: assetKeys.list(projectId) });
}

/** After first joining an asset's room: its data is fetched again so no event before the join is missing. */
export function refreshAsset(queryClient: QueryClient, assetId: string): void {
  void queryClient.invalidateQueries({ queryKey: assetKeys.detail(assetId) });
  // Comments are kept per version; the asset's ones cannot be told apart by key, so all are read again.
  void queryClient.invalidateQueries({ queryKey: commentKeys.all });
}
