import type { Version } from '@cutroom/contracts';
import { describeVersionStatus } from './version-status';
import './assets.css';

/** A version's status badge, with a live bar and stage while processing and the reason when it failed. */
export function VersionStatus({ version }: { version: Version }) {
  const view = describeVersionStatus(version);
  return (
    <div className="version-status" data-status={version.status}>
      <span className={`status-badge status-${version.status}`}>
        {view.label}
        {view.progress !== null && ` ${Math.round(view.progress)}%`}
      </span>
      {view.progress !== null && (
        <progress
          className="progress"
          max={100}
          value={view.progress}
          aria-label={`Processing progress of version ${version.number}`}
        />
      )}
      {view.detail && (
        <span className={version.status === 'failed' ? 'status-failure' : 'status-detail'}>
          {view.detail}
        </span>
      )}
      {view.playableEarly && <span className="status-hint">Playable while processing</span>}
    </div>
  );
}
