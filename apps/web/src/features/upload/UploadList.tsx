import { useUploadQueue, useUploads } from './upload-context';
import type { UploadItem } from './upload-queue';
import { formatBytes } from './upload-rules';
import './upload.css';

function destination(item: UploadItem): string {
  return item.target.kind === 'new-version' ? `New version of ${item.target.assetName}` : 'New cut';
}

function stateText(item: UploadItem, percent: number): string {
  switch (item.state) {
    case 'starting':
      return 'Starting…';
    case 'uploading':
      return `${percent}% · ${formatBytes(item.bytesSent)} of ${formatBytes(item.bytesTotal)}`;
    case 'paused':
      return `Paused at ${percent}%`;
    case 'done':
      return 'Uploaded';
    case 'failed':
      return `Stopped at ${percent}%`;
  }
}

function UploadRow({ item }: { item: UploadItem }) {
  const queue = useUploadQueue();
  const percent = item.bytesTotal > 0 ? Math.floor((item.bytesSent / item.bytesTotal) * 100) : 0;
  const active = item.state === 'uploading' || item.state === 'starting';
  return (
    <li className="upload-row" data-state={item.state} aria-label={`Upload of ${item.fileName}`}>
      <div className="upload-row-head">
        <span className="upload-file-name">{item.fileName}</span>
        <span className="muted">
          {destination(item)}
          {item.resumed && ' · resumed'}
        </span>
      </div>
      <progress
        className="progress"
        value={item.state === 'done' ? 1 : item.bytesSent}
        max={item.state === 'done' ? 1 : Math.max(1, item.bytesTotal)}
        aria-label={`Upload progress of ${item.fileName}`}
      />
      <div className="upload-row-foot">
        <span className="upload-state" role="status">
          {stateText(item, percent)}
        </span>
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
          {(item.state === 'paused' || item.state === 'failed') && (
            <button
              type="button"
              className="button button-small"
              aria-label={`Resume upload of ${item.fileName}`}
              onClick={() => queue.resume(item.id)}
            >
              Resume
            </button>
          )}
          {item.state === 'done' ? (
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
    </li>
  );
}

/** This project's (or one asset's) uploads in this tab, each with its progress and controls. */
export function UploadList({ projectId, assetId }: { projectId: string; assetId?: string }) {
  const uploads = useUploads().filter(
    (item) =>
      item.target.projectId === projectId &&
      (assetId === undefined || (item.target.kind === 'new-version' && item.target.assetId === assetId)),
  );
  const queue = useUploadQueue();
  if (uploads.length === 0) return null;
  const finished = uploads.filter((item) => item.state === 'done').length;
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
