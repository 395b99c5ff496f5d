import { roundDueSchema, roundsBoardSchema } from '@cutroom/contracts';
import { apiRequest } from '../../lib/api-client';

export function getProjectBoard(projectId: string, signal?: AbortSignal) {
  return apiRequest(`/projects/${encodeURIComponent(projectId)}/rounds`, {
    schema: roundsBoardSchema,
    signal,
  });
}

/** Every cut of every project I am in, or only mine. */
export function getMyBoard(mine: boolean, signal?: AbortSignal) {
  return apiRequest(`/rounds?mine=${mine}`, { schema: roundsBoardSchema, signal });
}

/** Only these cuts' rows, as `getProjectBoard` (`mine=false`) or "My work" read them: what a live change moved. */
export function getBoardRows(assetIds: readonly string[], mine: boolean, signal?: AbortSignal) {
  const query = new URLSearchParams({ mine: String(mine), assetIds: assetIds.join(',') });
  return apiRequest(`/rounds?${query}`, { schema: roundsBoardSchema, signal });
}

export function getDueDate(versionId: string, signal?: AbortSignal) {
  return apiRequest(`/versions/${encodeURIComponent(versionId)}/due-date`, {
    schema: roundDueSchema,
    signal,
  });
}

export function setDueDate(versionId: string, dueAt: string | null) {
  return apiRequest(`/versions/${encodeURIComponent(versionId)}/due-date`, {
    method: 'PUT',
    body: { dueAt },
    schema: roundDueSchema,
  });
}

/** Sets or clears the due date of the round a cut is in now: its newest ready version. */
export function setCutDueDate(assetId: string, dueAt: string | null) {
  return apiRequest(`/assets/${encodeURIComponent(assetId)}/due-date`, {
    method: 'PUT',
    body: { dueAt },
    schema: roundDueSchema,
  });
}
