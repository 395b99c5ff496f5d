import type { RecordDecisionBody } from '@cutroom/contracts';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getAssetApproval,
  getAssetApprovers,
  getProjectApprovers,
  getVersionApproval,
  listCarriedOver,
  listDecisions,
  listProjectApprovals,
  listRounds,
  recordDecision,
  setAddressed,
  setAssetApprovers,
  setProjectApprovers,
} from './approvals-api';
import { applyApproverList, applyCarriedOver, applyRecordedDecision } from './approval-events';
import { approvalKeys } from './approval-keys';
import { mergeHistories } from './decision-history';

export function useProjectApprovals(projectId: string) {
  return useQuery({
    queryKey: approvalKeys.projectList(projectId),
    queryFn: ({ signal }) => listProjectApprovals(projectId, signal),
    select: (list) => new Map(list.approvals.map((approval) => [approval.assetId, approval])),
  });
}

export function useAssetApproval(assetId: string) {
  return useQuery({
    queryKey: approvalKeys.assetApproval(assetId),
    queryFn: ({ signal }) => getAssetApproval(assetId, signal),
  });
}

export function useVersionApproval(assetId: string, versionId: string) {
  return useQuery({
    queryKey: approvalKeys.versionApproval(assetId, versionId),
    queryFn: ({ signal }) => getVersionApproval(versionId, signal),
  });
}

/** Every decision on the given versions of the asset, as one history, newest first. */
export function useDecisionHistory(assetId: string, versionIds: readonly string[]) {
  return useQueries({
    queries: versionIds.map((versionId) => ({
      queryKey: approvalKeys.decisions(assetId, versionId),
      queryFn: ({ signal }: { signal: AbortSignal }) => listDecisions(versionId, signal),
    })),
    combine: (results) => ({
      decisions: results.every((result) => result.data)
        ? mergeHistories(results.map((result) => result.data?.decisions ?? []))
        : undefined,
      error: results.find((result) => result.error)?.error ?? null,
    }),
  });
}

export function useRounds(assetId: string) {
  return useQuery({
    queryKey: approvalKeys.rounds(assetId),
    queryFn: ({ signal }) => listRounds(assetId, signal),
    select: (list) => list.rounds,
  });
}

export function useCarriedOver(assetId: string, versionId: string, enabled = true) {
  return useQuery({
    queryKey: approvalKeys.carriedOver(assetId, versionId),
    queryFn: ({ signal }) => listCarriedOver(versionId, signal),
    enabled,
  });
}

export function useAssetApprovers(assetId: string) {
  return useQuery({
    queryKey: approvalKeys.assetApprovers(assetId),
    queryFn: ({ signal }) => getAssetApprovers(assetId, signal),
  });
}

export function useProjectApprovers(projectId: string) {
  return useQuery({
    queryKey: approvalKeys.projectApprovers(projectId),
    queryFn: ({ signal }) => getProjectApprovers(projectId, signal),
  });
}

export function useRecordDecision(versionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordDecisionBody) => recordDecision(versionId, body),
    onSuccess: (recorded) => applyRecordedDecision(queryClient, recorded),
  });
}

export function useSetAddressed(assetId: string, versionId: string, commentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (addressed: boolean) => setAddressed(versionId, commentId, addressed),
    onSuccess: (item) => applyCarriedOver(queryClient, assetId, versionId, item),
  });
}

export function useSetAssetApprovers(assetId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userIds: string[] | null) => setAssetApprovers(assetId, userIds),
    onSuccess: (list) => {
      applyApproverList(queryClient, assetId, list);
      // The round's state under the new list comes with `approvers.changed`; this covers a socket that is down.
      return queryClient.invalidateQueries({ queryKey: approvalKeys.assetApproval(assetId) });
    },
  });
}

export function useSetProjectApprovers(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userIds: string[]) => setProjectApprovers(projectId, userIds),
    onSuccess: (list) => {
      queryClient.setQueryData(approvalKeys.projectApprovers(projectId), list);
      // Assets that follow the default moved with it; their own lists say which do.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: approvalKeys.projectList(projectId) }),
        queryClient.invalidateQueries({
          predicate: ({ queryKey }) =>
            queryKey[0] === approvalKeys.all[0] && queryKey[1] === 'asset' && queryKey[3] === 'approvers',
        }),
      ]);
    },
  });
}
