import {
  assetListSchema,
  assetSchema,
  deletedAssetListSchema,
  movedAssetSchema,
  versionListSchema,
  versionSchema,
} from '@cutroom/contracts';
import { apiRequest } from '../../lib/api-client';

const assetPath = (assetId: string) => `/assets/${encodeURIComponent(assetId)}`;

export function listAssets(projectId: string, signal?: AbortSignal) {
  return apiRequest(`/projects/${encodeURIComponent(projectId)}/assets`, { schema: assetListSchema, signal });
}

export function getAsset(assetId: string, signal?: AbortSignal) {
  return apiRequest(assetPath(assetId), { schema: assetSchema, signal });
}

export function listVersions(assetId: string, signal?: AbortSignal) {
  return apiRequest(`${assetPath(assetId)}/versions`, { schema: versionListSchema, signal });
}

export function deleteAsset(assetId: string) {
  return apiRequest(assetPath(assetId), { method: 'DELETE' });
}

/** Processes a failed version again from its stored original. */
export function retryVersion(versionId: string) {
  return apiRequest(`/versions/${encodeURIComponent(versionId)}/retry`, {
    method: 'POST',
    schema: versionSchema,
  });
}

export function renameAsset(assetId: string, name: string) {
  return apiRequest(assetPath(assetId), { method: 'PATCH', body: { name }, schema: assetSchema });
}

/**
 * Moves a cut with everything of it to another project where I may add cuts, from the project I
 * saw it in (refused if someone moved it meanwhile).
 */
export function moveAsset(assetId: string, fromProjectId: string, projectId: string) {
  return apiRequest(`${assetPath(assetId)}/move`, {
    method: 'POST',
    body: { projectId, fromProjectId },
    schema: movedAssetSchema,
  });
}

/** Deletes one version of a cut (not its only one), with its notes, decisions and media. */
export function deleteVersion(versionId: string) {
  return apiRequest(`/versions/${encodeURIComponent(versionId)}`, { method: 'DELETE' });
}

export function listDeletedAssets(projectId: string, signal?: AbortSignal) {
  return apiRequest(`/projects/${encodeURIComponent(projectId)}/deleted-assets`, {
    schema: deletedAssetListSchema,
    signal,
  });
}

export function restoreAsset(assetId: string) {
  return apiRequest(`/deleted-assets/${encodeURIComponent(assetId)}/restore`, {
    method: 'POST',
    schema: assetSchema,
  });
}

export function eraseAsset(assetId: string) {
  return apiRequest(`/deleted-assets/${encodeURIComponent(assetId)}`, { method: 'DELETE' });
}
