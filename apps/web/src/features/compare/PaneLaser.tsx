import type { RefObject } from 'react';
import { useLaserClock, useRoomSender } from '../../lib/realtime/realtime-context';
import type { LaserPointer } from '../../lib/realtime/room-signals';
import { LaserLayer } from '../live-session/LaserLayer';
import { usePictureRect } from '../player/use-picture-rect';

/**
 * A live session's laser pointers over one side's picture: the others' pointers on this side's
 * version, and mine (while `pointing`) sent as on this version, so each lands on the same side.
 */
export function PaneLaser({
  assetId,
  versionId,
  videoRef,
  lasers,
  pointing,
}: {
  assetId: string;
  versionId: string;
  videoRef: RefObject<HTMLVideoElement | null>;
  lasers: readonly LaserPointer[];
  pointing: boolean;
}) {
  const picture = usePictureRect(videoRef);
  const sender = useRoomSender();
  const onVersion = lasers.filter((laser) => laser.versionId === versionId);
  const nowMs = useLaserClock(assetId, onVersion.length);
  if (!picture) return null;
  return (
    <div
      className="player-picture"
      style={{ left: picture.left, top: picture.top, width: picture.width, height: picture.height }}
    >
      <LaserLayer
        picture={picture}
        lasers={onVersion}
        nowMs={nowMs}
        pointing={pointing}
        onPoint={(point) => sender.sendLaser({ assetId, versionId, point })}
      />
    </div>
  );
}
