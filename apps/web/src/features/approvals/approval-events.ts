import type {
  ApproverList,
  CarriedOverComment,
  CarriedOverList,
  DecisionList,
  ProjectApprovalList,
  RecordedDecision,
  RoundList,
  VersionApproval,
} from '@cutroom/contracts';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { AssetEventOf, CacheUpdateRegistry } from '../../lib/realtime/cache-update-registry';
import { patchQuery } from '../../lib/realtime/patch-query';
import { approvalKeys } from './approval-keys';
import { newerAssetApproval, withAssetApproval, withCarriedOver, withRoundApproval } from './approval-merge';
import { upsertDecision } from './decision-history';

// How socket events (and the mutations' answers) change the approvals feature's cache entries.

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

/** What the next version carries over, and the rounds' counts, are read again. */
function refetchCarriedOver(queryClient: QueryClient, event: { assetId: string }) {
  void queryClient.invalidateQueries({ queryKey: approvalKeys.carriedOverAll(event.assetId) });
  void queryClient.invalidateQueries({ queryKey: approvalKeys.rounds(event.assetId) });
}

function applyAddressed(
  queryClient: QueryClient,
  event: AssetEventOf<'comment.addressed' | 'comment.unaddressed'>,
): void {
  if (event.payload === null) return refetchCarriedOver(queryClient, event);
  applyCarriedOver(queryClient, event.assetId, event.payload.versionId, event.payload.item);
}

export function registerApprovalEvents(registry: CacheUpdateRegistry): void {
  registry
    .onEvent('decision.recorded', (queryClient, event) => {
      if (event.payload === null) return refetchAssetApprovals(queryClient, event.assetId);
      applyRecordedDecision(queryClient, event.payload);
    })
    .onEvent('approvers.changed', (queryClient, event) => {
      if (event.payload === null) return refetchAssetApprovals(queryClient, event.assetId);
      const { approvers, approval } = event.payload;
      applyApproverList(queryClient, event.assetId, approvers);
      applyApproval(queryClient, approval);
      // The asset follows the project's default list, which just changed.
      if (approvers.source === 'project')
        void queryClient.invalidateQueries({
          predicate: ({ queryKey }) =>
            queryKey[0] === approvalKeys.all[0] && queryKey[1] === 'project' && queryKey[3] === 'approvers',
        });
    })
    .onEvent('comment.addressed', applyAddressed)
    .onEvent('comment.unaddressed', applyAddressed);
  // A note opened, resolved or removed moves what the next version carries over and the rounds' counts.
  for (const type of [
    'comment.created',
    'comment.updated',
    'comment.deleted',
    'comment.resolved',
    'comment.reopened',
  ] as const)
    registry.onEvent(type, refetchCarriedOver);
  registry
    // A new version opens a new round: the asset's state starts again.
    .onEvent('version.created', (queryClient, event) => refetchAssetApprovals(queryClient, event.assetId))
    // An upload was cancelled or a version deleted: the round it opened goes with it, and what is
    // known of that version is dropped rather than asked for again.
    .onEvent('version.deleted', (queryClient, event) => {
      const versionId = event.payload?.versionId;
      if (versionId) {
        for (const queryKey of [
          approvalKeys.versionApproval(event.assetId, versionId),
          approvalKeys.decisions(event.assetId, versionId),
          approvalKeys.carriedOver(event.assetId, versionId),
        ])
          queryClient.removeQueries({ queryKey });
      }
      refetchAssetApprovals(queryClient, event.assetId);
    })
    // Someone made an empty cut: the project's badges gain it.
    .onEvent('asset.created', (queryClient) => refetchProjectApprovals(queryClient))
    .onEvent('asset.deleted', (queryClient, event) => {
      for (const queryKey of approvalListsHolding(queryClient, event.assetId)) {
        patchQuery<ProjectApprovalList>(queryClient, queryKey, (list) => ({
          approvals: list.approvals.filter((approval) => approval.assetId !== event.assetId),
        }));
      }
    })
    .onProjectJoined((queryClient, projectId) => {
      void queryClient.invalidateQueries({ queryKey: approvalKeys.projectList(projectId) });
    })
    .onAssetJoined((queryClient, assetId) => {
      void queryClient.invalidateQueries({ queryKey: approvalKeys.asset(assetId) });
    });
}
