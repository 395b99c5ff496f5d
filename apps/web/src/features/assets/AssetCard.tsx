import type { Asset, VersionApproval } from '@cutroom/contracts';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { RelativeTime } from '../../lib/RelativeTime';
import { useAssetRoom } from '../../lib/realtime/realtime-context';
import { ApprovalBadge } from '../approvals/ApprovalBadge';
import { useFileDrop } from '../upload/useFileDrop';
import { describeDuration } from './asset-order';
import { CutMenu } from './CutMenu';
import { FailedCutActions } from './FailedCutActions';
import { VersionStatus } from './VersionStatus';
import { versionLabel } from './version-status';
import './assets.css';

function Poster({ url }: { url: string | null }) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  if (!url || failedUrl === url) return <span className="asset-thumb-empty" aria-hidden="true" />;
  return <img src={url} alt="" loading="lazy" decoding="async" onError={() => setFailedUrl(url)} />;
}

interface AssetCardProps {
  asset: Asset;
  /** Where the cut's newest round stands; undefined while loading. */
  approval?: VersionApproval;
  /** Set for people who may upload: dropping files here adds them as the asset's next versions. */
  onDropVersion?: (files: File[]) => void;
  /** May retry or delete a cut whose processing failed. */
  canManage?: boolean;
}

/** One cut in the project: its picture, name, length, open notes, where its round stands and when it last moved. */
export function AssetCard({ asset, approval, onDropVersion, canManage = false }: AssetCardProps) {
  const { isOver, dropHandlers } = useFileDrop(onDropVersion ?? (() => {}), onDropVersion !== undefined);
  const latest = asset.latestVersion;
  // Processing progress goes to each asset's room: follow it while this cut is on its way.
  const onItsWay = latest !== null && latest.status !== 'ready' && latest.status !== 'failed';
  useAssetRoom(onItsWay ? asset.id : null);
  const duration = describeDuration(latest?.media);
  const notes = asset.openNoteCount;
  return (
    <li
      className={`asset-card${isOver ? ' asset-card-drop' : ''}`}
      data-asset-id={asset.id}
      aria-label={asset.name}
      {...dropHandlers}
    >
      <Link className="asset-card-link" to={`/assets/${asset.id}`}>
        <span className="asset-thumb">
          <Poster url={latest?.urls.poster ?? null} />
          {latest && <span className="version-badge">{versionLabel(latest)}</span>}
          {duration && (
            <span className="asset-duration" data-testid="asset-duration" title="Duration">
              {duration}
            </span>
          )}
          {isOver && <span className="asset-drop-hint">Drop to add v{(latest?.number ?? 0) + 1}</span>}
        </span>
        <span className="asset-card-name">{asset.name}</span>
      </Link>
      <div className="asset-card-facts">
        {latest?.status === 'ready' && approval?.versionId && <ApprovalBadge approval={approval} />}
        {latest && (
          <span
            className={`asset-notes${notes > 0 ? ' asset-notes-open' : ''}`}
            data-testid="asset-open-notes"
            title={`Open notes on ${versionLabel(latest)}`}
          >
            {notes} open {notes === 1 ? 'note' : 'notes'}
          </span>
        )}
        <span className="asset-activity" data-testid="asset-activity">
          <RelativeTime iso={asset.lastActivityAt} />
        </span>
      </div>
      <div className="asset-card-meta">
        {latest ? <VersionStatus version={latest} /> : <span className="muted">No versions yet</span>}
        <span className="muted asset-version-count">
          {asset.versionCount} {asset.versionCount === 1 ? 'version' : 'versions'}
        </span>
      </div>
      {canManage && <FailedCutActions asset={asset} />}
      <CutMenu asset={asset} canManage={canManage} />
    </li>
  );
}
