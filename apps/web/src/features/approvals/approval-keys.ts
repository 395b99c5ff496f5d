/**
 * Cache keys of the approvals feature. Everything about one asset sits under its key, so a new
 * version can refresh it all at once. Socket events update these entries in one place,
 * approval-events.ts, which the mutations' answers go through too.
 */
export const approvalKeys = {
  all: ['approvals'] as const,
  projects: () => [...approvalKeys.all, 'project'] as const,
  projectList: (projectId: string) => [...approvalKeys.projects(), projectId, 'list'] as const,
  projectApprovers: (projectId: string) => [...approvalKeys.projects(), projectId, 'approvers'] as const,
  assets: () => [...approvalKeys.all, 'asset'] as const,
  asset: (assetId: string) => [...approvalKeys.assets(), assetId] as const,
  assetApproval: (assetId: string) => [...approvalKeys.asset(assetId), 'current'] as const,
  assetApprovers: (assetId: string) => [...approvalKeys.asset(assetId), 'approvers'] as const,
  rounds: (assetId: string) => [...approvalKeys.asset(assetId), 'rounds'] as const,
  versionApproval: (assetId: string, versionId: string) =>
    [...approvalKeys.asset(assetId), 'version-approval', versionId] as const,
  decisions: (assetId: string, versionId: string) =>
    [...approvalKeys.asset(assetId), 'decisions', versionId] as const,
  carriedOverAll: (assetId: string) => [...approvalKeys.asset(assetId), 'carried-over'] as const,
  carriedOver: (assetId: string, versionId: string) =>
    [...approvalKeys.carriedOverAll(assetId), versionId] as const,
};
