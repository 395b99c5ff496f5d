import type { Version } from '@cutroom/contracts';
import { useUploadQueue } from './upload-context';
import { useUploadedVersion } from './upload-outcome';
import type { UploadItem } from './upload-queue';
import { formatBytes } from './upload-rules';
import { formatRate, formatTimeLeft, STALL_AFTER_MS } from './transfer-rate';

function destination(item: UploadItem): string {
  return item.target.kind === 'new-version' ? `New version of ${item.target.assetName}` : 'New cut';
}

/** How fast, how long, or that it stopped moving: beside the state, while uploading. */
function paceText(item: UploadItem): string | null {
  if (item.state !== 'uploading') return null;
  if (item.stalled)
    return `No progress for ${STALL_AFTER_MS / 1000} s: the upload has stalled. Resume to try again.`;
  const parts = [
    item.bytesPerSecond !== null ? formatRate(item.bytesPerSecond) : null,
    item.secondsLeft !== null ? formatTimeLeft(item.secondsLeft) : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** After the last byte: the version's own progress, as its events tell it. */
function processingText(version: Version | null): string | null {
  switch (version?.status) {
    case undefined:
    case 'failed':
      return null;
    case 'ready':
      return 'Ready to review';
    case 'processing':
      return `Processing ${Math.round(version.progress)}%`;
    default:
      return 'Queued for processing';
  }
}

function stateText(item: UploadItem, percent: number, version: Version | null): string {
  switch (item.state) {
    case 'starting':
      return 'Starting…';
    case 'uploading':
      return `${percent}% · ${formatBytes(item.bytesSent)} of ${formatBytes(item.bytesTotal)}`;
    case 'paused':
      return `Paused at ${percent}%`;
    case 'done':
      return version?.status === 'failed' ? 'Failed' : 'Uploaded';
    case 'failed':
      return `Stopped at ${percent}%`;
    case 'refused':
      return 'Not uploaded';
  }
}

function UploadRow({ item }: { item: UploadItem }) {
  const queue = useUploadQueue();
  const percent = item.bytesTotal > 0 ? Math.floor((item.bytesSent / item.bytesTotal) * 100) : 0;
  const version = useUploadedVersion(item);
  const processingFailed = version?.status === 'failed';
  const active = (item.state === 'uploading' && !item.stalled) || item.state === 'starting';
  const finished = item.state === 'done' || item.state === 'refused';
  const pace = paceText(item);
  const processing = item.state === 'done' ? processingText(version) : null;
  return (
    <li
      className="upload-row"
      data-state={processingFailed ? 'failed' : item.state}
      data-stalled={item.stalled || undefined}
      aria-label={`Upload of ${item.fileName}`}
    >
      <div className="upload-row-head">
        <span className="upload-file-name">{item.fileName}</span>
        <span className="muted">
          {destination(item)}
          {item.resumed && ' · resumed'}
        </span>
      </div>
      {item.state !== 'refused' && (
        <progress
          className="progress"
          value={item.state === 'done' ? 1 : item.bytesSent}
          max={item.state === 'done' ? 1 : Math.max(1, item.bytesTotal)}
          aria-label={`Upload progress of ${item.fileName}`}
        />
      )}
      <div className="upload-row-foot">
        <span className="upload-state" role="status">
          {stateText(item, percent, version)}
        </span>
        {(pace ?? processing) && <span className="upload-pace">{pace ?? processing}</span>}
        <span className="upload-actions">
          {active && (
            <button
              type="button"
              className="button button-small button-ghost"
              aria-label={`Pause upload of ${item.fileName}`}
              onClick={() => queue.pause(item.id)}
            >
              Pause
            </button>
          )}
          {(item.state === 'paused' || item.state === 'failed' || item.stalled) && (
            <button
              type="button"
              className="button button-small"
              aria-label={`Resume upload of ${item.fileName}`}
              onClick={() => queue.resume(item.id)}
            >
              Resume
            </button>
          )}
          {finished ? (
            <button
              type="button"
              className="button button-small button-ghost"
              aria-label={`Dismiss upload of ${item.fileName}`}
              onClick={() => queue.dismiss(item.id)}
            >
              Dismiss
            </button>
          ) : (
            <button
              type="button"
              className="button button-small button-ghost"
              aria-label={`Cancel upload of ${item.fileName}`}
              onClick={() => void queue.cancel(item.id)}
            >
              Cancel
            </button>
          )}
        </span>
      </div>
      {item.error && (
        <p className="field-error" role="alert">
          {item.error}
        </p>
      )}
      {processingFailed && (
        <p className="field-error" role="alert">
          {version.failureReason ?? 'Processing failed.'}
        </p>
      )}
    </li>
  );
}

/** This project's (or one asset's) uploads in this tab, each with its progress and controls. */
/** The uploads UploadList shows, row by row (fetched with the first upload a page shows). */
export function UploadListView({
  projectId,
  uploads,
}: {
  projectId: string;
  uploads: readonly UploadItem[];
}) {
  const queue = useUploadQueue();
  const finished = uploads.filter((item) => item.state === 'done' || item.state === 'refused').length;
  return (
    <section className="upload-list" aria-labelledby="uploads-heading">
      <div className="section-heading">
        <h2 id="uploads-heading">Uploads</h2>
        {finished > 1 && (
          <button
            type="button"
            className="button button-small button-ghost"
            onClick={() => queue.clearFinished(projectId)}
          >
            Clear finished
          </button>
        )}
      </div>
      <ul>
        {uploads.map((item) => (
          <UploadRow key={item.id} item={item} />
        ))}
      </ul>
    </section>
  );
}
