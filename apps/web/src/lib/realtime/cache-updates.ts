import {
  approversChangedPayloadSchema,
  commentAddressedPayloadSchema,
  commentSchema,
  decisionRecordedPayloadSchema,
  processingStageSchema,
  reactionSchema,
  versionEventPayloadSchema,
  type ActivityUnread,
  type ApproverList,
  type Asset,
  type AssetEvent,
  type CarriedOverComment,
  type CarriedOverList,
  type CommentList,
  type AssetList,
  type DecisionList,
  type ProjectApprovalList,
  type RecordedDecision,
  type RoundList,
  type Version,
  type VersionApproval,
  type VersionList,
  type VersionProgress,
} from '@cutroom/contracts';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { z } from 'zod';
import { activityKeys } from '../../features/activity/activity-keys';
import { approvalKeys } from '../../features/approvals/approval-keys';
import {
  newerAssetApproval,
  withAssetApproval,
  withCarriedOver,
  withRoundApproval,
} from '../../features/approvals/approval-merge';
import { upsertDecision } from '../../features/approvals/decision-history';
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

function approvalListsHolding(queryClient: QueryClient, assetId: string): QueryKey[] {
  return queryClient
    .getQueriesData<ProjectApprovalList>({ queryKey: approvalKeys.projects() })
    .filter(
      ([queryKey, list]) => queryKey[3] === 'list' && list?.approvals.some((a) => a.assetId === assetId),
    )
    .map(([queryKey]) => queryKey);
}

function refetchProjectApprovals(queryClient: QueryClient) {
  void queryClient.invalidateQueries({
    predicate: ({ queryKey }) =>
      queryKey[0] === approvalKeys.all[0] && queryKey[1] === 'project' && queryKey[3] === 'list',
  });
}

/** A round's approval everywhere it shows: its version, the asset's state, the project's badges, the rounds. */
export function applyApproval(queryClient: QueryClient, approval: VersionApproval): void {
  const { assetId, versionId } = approval;
  if (versionId)
    patchQuery<VersionApproval>(
      queryClient,
      approvalKeys.versionApproval(assetId, versionId),
      () => approval,
    );
  patchQuery<VersionApproval>(queryClient, approvalKeys.assetApproval(assetId), (current) =>
    newerAssetApproval(current, approval),
  );
  for (const queryKey of approvalListsHolding(queryClient, assetId)) {
    patchQuery<ProjectApprovalList>(queryClient, queryKey, (list) => withAssetApproval(list, approval));
  }
  patchQuery<RoundList>(queryClient, approvalKeys.rounds(assetId), (list) =>
    withRoundApproval(list, approval),
  );
}

/** A decision recorded: mine from the API's answer, anyone's from the socket; applying it twice is harmless. */
export function applyRecordedDecision(queryClient: QueryClient, recorded: RecordedDecision): void {
  const { decision, approval } = recorded;
  patchQuery<DecisionList>(
    queryClient,
    approvalKeys.decisions(decision.assetId, decision.versionId),
    (list) => ({
      decisions: upsertDecision(list.decisions, decision),
    }),
  );
  applyApproval(queryClient, approval);
}

/** A note of vN marked addressed in vN+1, or unmarked. */
export function applyCarriedOver(
  queryClient: QueryClient,
  assetId: string,
  versionId: string,
  item: CarriedOverComment,
): void {
  patchQuery<CarriedOverList>(queryClient, approvalKeys.carriedOver(assetId, versionId), (list) =>
    withCarriedOver(list, item),
  );
  // The rounds' "addressed" and "still open" counts are the server's to compute.
  void queryClient.invalidateQueries({ queryKey: approvalKeys.rounds(assetId) });
}

export function applyApproverList(queryClient: QueryClient, assetId: string, approvers: ApproverList): void {
  patchQuery<ApproverList>(queryClient, approvalKeys.assetApprovers(assetId), () => approvers);
}

/** Everything approvals know of the asset is read again (a version came or went, or an event was unreadable). */
function refetchAssetApprovals(queryClient: QueryClient, assetId: string) {
  void queryClient.invalidateQueries({ queryKey: approvalKeys.asset(assetId) });
  refetchProjectApprovals(queryClient);
}

function applyApprovalEvent(queryClient: QueryClient, event: AssetEvent): void {
  switch (event.type) {
    case 'decision.recorded': {
      const payload = decisionRecordedPayloadSchema.safeParse(event.payload);
      if (!payload.success) return refetchAssetApprovals(queryClient, event.assetId);
      return applyRecordedDecision(queryClient, payload.data);
    }
    case 'approvers.changed': {
      const payload = approversChangedPayloadSchema.safeParse(event.payload);
      if (!payload.success) return refetchAssetApprovals(queryClient, event.assetId);
      applyApproverList(queryClient, event.assetId, payload.data.approvers);
      applyApproval(queryClient, payload.data.approval);
      // The asset follows the project's default list, which just changed.
      if (payload.data.approvers.source === 'project')
        void queryClient.invalidateQueries({
          predicate: ({ queryKey }) =>
            queryKey[0] === approvalKeys.all[0] && queryKey[1] === 'project' && queryKey[3] === 'approvers',
        });
      return;
    }
    case 'comment.addressed':
    case 'comment.unaddressed': {
      const payload = commentAddressedPayloadSchema.safeParse(event.payload);
      if (!payload.success) {
        void queryClient.invalidateQueries({ queryKey: approvalKeys.carriedOverAll(event.assetId) });
        void queryClient.invalidateQueries({ queryKey: approvalKeys.rounds(event.assetId) });
        return;
      }
      return applyCarriedOver(queryClient, event.assetId, payload.data.versionId, payload.data.item);
    }
  }
}

/** Applies one persisted asset event; the caller guarantees each seq arrives here once, in order. */
export function applyAssetEvent(queryClient: QueryClient, event: AssetEvent): void {
  switch (event.type) {
    case 'decision.recorded':
    case 'approvers.changed':
    case 'comment.addressed':
    case 'comment.unaddressed':
      return applyApprovalEvent(queryClient, event);
  }
  if (event.type.startsWith('comment.')) {
    applyCommentEvent(queryClient, event);
    // A note opened, resolved or removed moves what the next version carries over and the rounds' counts.
    if (event.type !== 'comment.reactions') {
      void queryClient.invalidateQueries({ queryKey: approvalKeys.carriedOverAll(event.assetId) });
      void queryClient.invalidateQueries({ queryKey: approvalKeys.rounds(event.assetId) });
    }
    return;
  }
  switch (event.type) {
    case 'version.created':
    case 'version.updated': {
      const payload = versionEventPayloadSchema.safeParse(event.payload);
      if (payload.success) applyVersion(queryClient, event, payload.data.version);
      else void queryClient.invalidateQueries({ queryKey: assetKeys.detail(event.assetId) });
      // A new version opens a new round: the asset's state starts again.
      if (event.type === 'version.created') refetchAssetApprovals(queryClient, event.assetId);
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
      refetchProjectApprovals(queryClient);
      return;
    case 'version.deleted':
      // An upload was cancelled: its version leaves the stack and the card.
      void queryClient.invalidateQueries({ queryKey: assetKeys.versions(event.assetId) });
      void queryClient.invalidateQueries({ queryKey: assetKeys.detail(event.assetId) });
      void queryClient.invalidateQueries({ queryKey: assetKeys.lists() });
      refetchAssetApprovals(queryClient, event.assetId);
      return;
    case 'asset.deleted': {
      for (const queryKey of listsHolding(queryClient, event.assetId)) {
        patchQuery<AssetList>(queryClient, queryKey, (list) => ({
          assets: list.assets.filter((asset) => asset.id !== event.assetId),
        }));
      }
      for (const queryKey of approvalListsHolding(queryClient, event.assetId)) {
        patchQuery<ProjectApprovalList>(queryClient, queryKey, (list) => ({
          approvals: list.approvals.filter((approval) => approval.assetId !== event.assetId),
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
  void queryClient.invalidateQueries({ queryKey: approvalKeys.projectList(projectId) });
}

/** After first joining an asset's room: its data is fetched again so no event before the join is missing. */
export function refreshAsset(queryClient: QueryClient, assetId: string): void {
  void queryClient.invalidateQueries({ queryKey: assetKeys.detail(assetId) });
  // Comments are kept per version; the asset's ones cannot be told apart by key, so all are read again.
  void queryClient.invalidateQueries({ queryKey: commentKeys.all });
  void queryClient.invalidateQueries({ queryKey: approvalKeys.asset(assetId) });
}

/** My unread count, pushed whenever it changes: new items arrived, or I read some elsewhere. */
export function applyActivityUnread(queryClient: QueryClient, unread: ActivityUnread): void {
  queryClient.setQueryData<ActivityUnread>(activityKeys.unread(), unread);
  // The feed holds the items themselves: read again when next shown (at once if it is open).
  void queryClient.invalidateQueries({ queryKey: activityKeys.feed() });
}

/** After a (re)connect: pushes sent while the socket was down are lost, so the count is read again. */
export function refreshActivity(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: activityKeys.all });
}
