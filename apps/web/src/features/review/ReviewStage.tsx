import type { Version } from '@cutroom/contracts';
import type { RefObject } from 'react';
import { VersionStatus } from '../assets/VersionStatus';
import { versionLabel } from '../assets/version-status';
import { Player, type PlayerHandle, type PlayerProps } from '../player/Player';
import { canPlay } from './choose-version';

function NotPlayableYet({ version }: { version: Version }) {
  const sentence =
    version.status === 'failed'
      ? `${versionLabel(version)} could not be processed.`
      : version.status === 'uploading'
        ? `${versionLabel(version)} is still uploading.`
        : `${versionLabel(version)} is being prepared for playback. It plays here as soon as it can.`;
  return (
    <div className="player-placeholder" role="status">
      <p>{sentence}</p>
      <VersionStatus version={version} />
    </div>
  );
}

/** The picture: the player, a still, or why there is nothing to play yet. */
export function ReviewStage({
  version,
  playerRef,
  startFrame,
  playerProps,
}: {
  version: Version;
  playerRef: RefObject<PlayerHandle | null>;
  startFrame: number;
  playerProps: Omit<PlayerProps, 'version' | 'ref' | 'startFrame'>;
}) {
  if (version.media?.kind === 'still' && version.urls.poster) {
    return (
      <div className="player player-still">
        <img src={version.urls.poster} alt={`Still: ${version.originalFilename}`} />
      </div>
    );
  }
  if (!canPlay(version)) return <NotPlayableYet version={version} />;
  return (
    <Player key={version.id} ref={playerRef} version={version} startFrame={startFrame} {...playerProps} />
  );
}
