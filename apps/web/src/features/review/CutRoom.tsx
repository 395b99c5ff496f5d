import { uuidParamSchema } from '@cutroom/contracts';
import { Outlet, useParams } from 'react-router-dom';
import { useAssetRoom } from '../../lib/realtime/realtime-context';

/**
 * Around every page of one cut (the review page, its compare view): the cut's room stays joined from
 * one to the other, so a live session is not left and joined again on the way (followers go into
 * compare and back with the host).
 */
export function CutRoom() {
  const { assetId } = useParams();
  const valid = assetId !== undefined && uuidParamSchema.safeParse(assetId).success;
  useAssetRoom(valid ? assetId : null);
  return <Outlet />;
}
