import {
  approverListSchema,
  carriedOverCommentSchema,
  carriedOverListSchema,
  decisionListSchema,
  projectApprovalListSchema,
  recordedDecisionSchema,
  roundListSchema,
  versionApprovalSchema,
  type RecordDecisionBody,
} from '@cutroom/contracts';
import { apiRequest } from '../../lib/api-client';

const versionPath = (versionId: string) => `/versions/${encodeURIComponent(versionId)}`;
const assetPath = (assetId: string) => `/assets/${encodeURIComponent(assetId)}`;
const projectPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}`;

export function recordDecision(versionId: string, body: RecordDecisionBody) {
  return apiRequest(`${versionPath(versionId)}/decisions`, {
    method: 'POST',
    body,
    schema: recordedDecisionSchema,
  });
}

/** Every decision ever made on the version, newest first. */
export function listDecisions(versionId: string, signal?: AbortSignal) {
  return apiRequest(`${versionPath(versionId)}/decisions`, { schema: decisionListSchema, signal });
}

export function getVersionApproval(versionId: string, signal?: AbortSignal) {
  return apiRequest(`${versionPath(versionId)}/approval`, { schema: versionApprovalSchema, signal });
}

/** The asset's state: the approval of its newest version. */
export function getAssetApproval(assetId: string, signal?: AbortSignal) {
  return apiRequest(`${assetPath(assetId)}/approval`, { schema: versionApprovalSchema, signal });
}

export function listProjectApprovals(projectId: string, signal?: AbortSignal) {
  return apiRequest(`${projectPath(projectId)}/approvals`, { schema: projectApprovalListSchema, signal });
}

export function getProjectApprovers(projectId: string, signal?: AbortSignal) {
  return apiRequest(`${projectPath(projectId)}/approvers`, { schema: approverListSchema, signal });
}

export function setProjectApprovers(projectId: string, userIds: string[]) {
  return apiRequest(`${projectPath(projectId)}/approvers`, {
    method: 'PUT',
    body: { userIds },
    schema: approverListSchema,
  });
}

export function getAssetApprovers(assetId: string, signal?: AbortSignal) {
  return apiRequest(`${assetPath(assetId)}/approvers`, { schema: approverListSchema, signal });
}

/** `null` returns the asset to its project's default list. */
export function setAssetApprovers(assetId: string, userIds: string[] | null) {
  return apiRequest(`${assetPath(assetId)}/approvers`, {
    method: 'PUT',
    body: { userIds },
    schema: approverListSchema,
  });
}

export function listCarriedOver(versionId: string, signal?: AbortSignal) {
  return apiRequest(`${versionPath(versionId)}/carried-over`, { schema: carriedOverListSchema, signal });
}

export function setAddressed(versionId: string, commentId: string, addressed: boolean) {
  return apiRequest(`${versionPath(versionId)}/carried-over/${encodeURIComponent(commentId)}/addressed`, {
    method: addressed ? 'PUT' : 'DELETE',
    schema: carriedOverCommentSchema,
  });
}

export function listRounds(assetId: string, signal?: AbortSignal) {
  return apiRequest(`${assetPath(assetId)}/rounds`, { schema: roundListSchema, signal });
}
