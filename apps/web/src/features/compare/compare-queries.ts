import { frameMapSchema } from '@cutroom/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest, isApiRequestError } from '../../lib/api-client';

/** `GET /versions/:a/frame-map?to=:b`: where each frame of a is in b, by picture. */
export function getFrameMap(versionId: string, toVersionId: string, signal?: AbortSignal) {
  return apiRequest(
    `/versions/${encodeURIComponent(versionId)}/frame-map?to=${encodeURIComponent(toVersionId)}`,
    { schema: frameMapSchema, signal },
  );
}

/** The frame map from a to b; asked again every few seconds while the server is still preparing it (409). */
export function useFrameMap(versionId: string, toVersionId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['frame-map', versionId, toVersionId],
    queryFn: ({ signal }) => getFrameMap(versionId, toVersionId, signal),
    enabled,
    staleTime: Infinity,
    retry: (failures, error) => isApiRequestError(error, 409) && failures < 40,
    retryDelay: 3000,
  });
}
