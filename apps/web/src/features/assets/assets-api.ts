import {
  assetListSchema,
  assetSchema,
  versionListSchema,
  versionSchema,
  type CreateAssetBody,
  type RenameAssetBody,
} from '@cutroom/contracts';
import { apiRequest } from '../../lib/api-client';

const assetPath = (assetId: string) => `/assets/${encodeURIComponent(assetId)}`;

export function listAssets(projectId: string, signal?: AbortSignal) {
  return apiRequest(`/projects/${encodeURIComponent(projectId)}/assets`, { schema: assetListSchema, signal });
}

export function createAsset(projectId: string, body: CreateAssetBody) {
  return apiRequest(`/projects/${encodeURIComponent(projectId)}/assets`, {
    method: 'POST',
    body,
    schema: assetSchema,
  });
}

export function getAsset(assetId: string, signal?: AbortSignal) {
  return apiRequest(assetPath(assetId), { schema: assetSchema, signal });
}

export function renameAsset(assetId: string, body: RenameAssetBody) {
  return apiRequest(assetPath(assetId), { method: 'PATCH', body, schema: assetSchema });
}

export function deleteAsset(assetId: string) {
  return apiRequest(assetPath(assetId), { method: 'DELETE' });
}

export function listVersions(assetId: string, signal?: AbortSignal) {
  return apiRequest(`${assetPath(assetId)}/versions`, { schema: versionListSchema, signal });
}

export function getVersion(versionId: string, signal?: AbortSignal) {
  return apiRequest(`/versions/${encodeURIComponent(versionId)}`, { schema: versionSchema, signal });
}
