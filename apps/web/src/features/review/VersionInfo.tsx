import type { Version } from '@cutroom/contracts';
import { formatSeconds } from '@cutroom/timecode';
import type { ReactNode } from 'react';
import { VersionStatus } from '../assets/VersionStatus';
import { versionLabel } from '../assets/version-status';
import { describeConforming, describeFrameRate } from '../player/timebase';
import { formatBytes } from '../upload/upload-rules';
import { RelativeTime } from '../../lib/RelativeTime';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="info-row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What the file is: as the probe read it, with the original to download. */
export function VersionInfo({ version, canDownload }: { version: Version; canDownload: boolean }) {
  const media = version.media;
  const rate = media ? describeFrameRate(media) : null;
  const conforming = media ? describeConforming(media) : null;
  return (
    <section className="panel version-info" aria-labelledby="version-info-heading">
      <h2 id="version-info-heading">{versionLabel(version)}</h2>
      <dl>
        <Row term="Status">
          <VersionStatus version={version} />
        </Row>
        <Row term="File">
          <span className="info-file">{version.originalFilename}</span>
          {version.sizeBytes > 0 && <span className="muted"> · {formatBytes(version.sizeBytes)}</span>}
        </Row>
        <Row term="Uploaded">
          <RelativeTime iso={version.createdAt} />
          {version.uploadedBy && ` by ${version.uploadedBy.displayName}`}
        </Row>
        {rate && (
          <Row term="Frame rate">
            <span data-testid="frame-rate">{rate}</span>
            {media?.dropFrame && ' (drop-frame timecode)'}
            {media?.conformed && <span className="muted"> · conformed</span>}
          </Row>
        )}
        {media?.width && media.height ? (
          <Row term="Resolution">
            {media.width} × {media.height}
          </Row>
        ) : null}
        {media && media.kind !== 'still' && media.durationSeconds !== null && (
          <Row term="Duration">
            {formatSeconds(media.durationSeconds)}
            {media.kind === 'video' && media.frameCount !== null && (
              <span className="muted">
                {' '}
                · {media.frameCount} {media.frameCount === 1 ? 'frame' : 'frames'}
              </span>
            )}
          </Row>
        )}
        {media?.kind === 'audio' && <Row term="Kind">Sound only</Row>}
        {media?.startTimecode && <Row term="Start timecode">{media.startTimecode}</Row>}
      </dl>
      {conforming && (
        <p className="form-notice" data-testid="conforming">
          {conforming}
        </p>
      )}
      {canDownload && version.status !== 'uploading' && (
        <a className="button" href={version.urls.original} download={version.originalFilename}>
          Download original
        </a>
      )}
    </section>
  );
}
