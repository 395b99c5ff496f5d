import type { Asset, Project, VersionApproval } from '@cutroom/contracts';
import { can } from '@cutroom/policy';
import { useEffect } from 'react';
import { describeError } from '../../lib/api-client';
import { useProjectRoom } from '../../lib/realtime/realtime-context';
import { useStoredChoice } from '../../lib/use-stored-choice';
import { useProjectApprovals } from '../approvals/approval-queries';
import { InterruptedUploads } from '../upload/InterruptedUploads';
import { UploadButton } from '../upload/UploadButton';
import { UploadList } from '../upload/UploadList';
import { useUploadQueue } from '../upload/upload-context';
import { useFileDrop } from '../upload/useFileDrop';
import { AssetCard } from './AssetCard';
import {
  ASSET_SORTS,
  ASSET_VIEWS,
  sortAssets,
  sortLabels,
  type AssetSort,
  type AssetView,
} from './asset-order';
import { useAssets } from './asset-queries';
import { RecentlyDeletedSection } from './RecentlyDeletedSection';
import './assets.css';

/** A file dropped outside any drop target would make the browser open it and leave the app. */
function useNoStrayFileDrops() {
  useEffect(() => {
    const refuse = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', refuse);
    window.addEventListener('drop', refuse);
    return () => {
      window.removeEventListener('dragover', refuse);
      window.removeEventListener('drop', refuse);
    };
  }, []);
}

/** Sort and grid/list view, both remembered in this browser. */
function AssetToolbar({
  sort,
  onSort,
  view,
  onView,
}: {
  sort: AssetSort;
  onSort: (sort: AssetSort) => void;
  view: AssetView;
  onView: (view: AssetView) => void;
}) {
  return (
    <div className="asset-toolbar">
      <label>
        Sort by
        <select
          value={sort}
          data-testid="asset-sort"
          onChange={(event) => onSort(ASSET_SORTS.find((key) => key === event.target.value) ?? 'activity')}
        >
          {ASSET_SORTS.map((key) => (
            <option key={key} value={key}>
              {sortLabels[key]}
            </option>
          ))}
        </select>
      </label>
      <div className="view-toggle" role="group" aria-label="View">
        <button type="button" aria-pressed={view === 'grid'} onClick={() => onView('grid')}>
          Grid
        </button>
        <button type="button" aria-pressed={view === 'list'} onClick={() => onView('list')}>
          List
        </button>
      </div>
    </div>
  );
}

function AssetGrid({
  project,
  assets,
  approvals,
}: {
  project: Project;
  assets: Asset[];
  approvals: ReadonlyMap<string, VersionApproval> | undefined;
}) {
  const queue = useUploadQueue();
  const [sort, setSort] = useStoredChoice<AssetSort>('cutroom.cuts.sort', ASSET_SORTS, 'activity');
  const [view, setView] = useStoredChoice<AssetView>('cutroom.cuts.view', ASSET_VIEWS, 'grid');
  const canUpload = can(project.role, 'assets.upload');
  const assetNames = new Map(assets.map((asset) => [asset.id, asset.name]));

  if (assets.length === 0) {
    return (
      <div className="empty-state empty-state-large">
        <h2>No cuts here yet</h2>
        <p>
          {canUpload
            ? 'Drop video, audio or stills here, or use “Upload files”. Each file becomes a cut; drop a file onto a cut to add its next version.'
            : 'When an editor uploads a cut, it appears here.'}
        </p>
      </div>
    );
  }
  return (
    <>
      <AssetToolbar sort={sort} onSort={setSort} view={view} onView={setView} />
      <ul className={`asset-grid${view === 'list' ? ' asset-list' : ''}`} aria-label="Cuts" data-view={view}>
        {sortAssets(assets, sort).map((asset) => (
          <AssetCard
            key={asset.id}
            asset={asset}
            approval={approvals?.get(asset.id)}
            canManage={can(project.role, 'assets.manage')}
            onDropVersion={
              canUpload
                ? (files) =>
                    queue.add(
                      files,
                      {
                        kind: 'new-version',
                        projectId: project.id,
                        assetId: asset.id,
                        assetName: asset.name,
                      },
                      assetNames,
                    )
                : undefined
            }
          />
        ))}
      </ul>
    </>
  );
}

/** The project's cuts, live, with uploading for those allowed to. */
export function AssetsSection({ project }: { project: Project }) {
  const assets = useAssets(project.id);
  const approvals = useProjectApprovals(project.id);
  const queue = useUploadQueue();
  const canUpload = can(project.role, 'assets.upload');
  useProjectRoom(project.id);
  useNoStrayFileDrops();
  const assetNames = new Map((assets.data ?? []).map((asset) => [asset.id, asset.name]));
  const uploadNewAssets = (files: File[]) =>
    queue.add(files, { kind: 'new-asset', projectId: project.id }, assetNames);
  const { isOver, dropHandlers } = useFileDrop(uploadNewAssets, canUpload);

  return (
    <section
      className={`assets-section${isOver ? ' assets-section-drop' : ''}`}
      aria-labelledby="assets-heading"
      {...dropHandlers}
    >
      <div className="section-heading">
        <h2 id="assets-heading">Cuts</h2>
        {canUpload && (
          <div className="section-actions">
            <span className="muted drop-hint">Drop files anywhere here</span>
            <UploadButton onFiles={uploadNewAssets} />
          </div>
        )}
      </div>
      {canUpload && (
        <>
          <UploadList projectId={project.id} />
          <InterruptedUploads projectId={project.id} assetNames={assetNames} />
        </>
      )}
      {assets.isPending && <p role="status">Loading cuts…</p>}
      {assets.isError && (
        <div>
          <p className="form-alert" role="alert">
            {describeError(assets.error)}
          </p>
          <button type="button" className="button" onClick={() => assets.refetch()}>
            Try again
          </button>
        </div>
      )}
      {assets.data && <AssetGrid project={project} assets={assets.data} approvals={approvals.data} />}
      {can(project.role, 'assets.manage') && <RecentlyDeletedSection projectId={project.id} />}
      {isOver && (
        <div className="drop-overlay" aria-hidden="true">
          Drop to upload as new cuts
        </div>
      )}
    </section>
  );
}
