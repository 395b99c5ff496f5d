import type { Version } from '@cutroom/contracts';
import { useEffect, useMemo, useRef } from 'react';
import type { MarkerNote } from '../player/marker-clusters';
import { useCarriedOver } from './approval-queries';
import { carriedMarkers } from './carried-markers';

/**
 * The previous version's notes as markers on `version`'s timeline. A version opened while still
 * processing has no frame map yet: its list is read again once it is ready, to place the notes.
 */
export function useCarriedMarkers(version: Version): MarkerNote[] {
  const carried = useCarriedOver(version.assetId, version.id, version.number > 1);
  const ready = version.status === 'ready';
  const wasReady = useRef(ready);
  const { refetch } = carried;
  useEffect(() => {
    if (ready && !wasReady.current && version.number > 1) void refetch();
    wasReady.current = ready;
  }, [ready, refetch, version.number]);
  return useMemo(() => carriedMarkers(carried.data), [carried.data]);
}
