import './review.css';
import { uuidParamSchema, type Asset, type Version } from '@cutroom/contracts';
import { can, guestRights, memberRights } from '@cutroom/policy';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { describeError, isApiRequestError } from '../../lib/api-client';
import { useAssetRoom } from '../../lib/realtime/realtime-context';
import { AssetApprovalBadge } from '../approvals/ApprovalBadge';
import { ApprovalPanel } from '../approvals/ApprovalPanel';
import { DecisionHistory } from '../approvals/DecisionHistory';
import { RoundsSummary } from '../approvals/RoundsSummary';
import { useAsset, useVersions } from '../assets/asset-queries';
import { useGuestAccess } from '../auth/session-queries';
import type { PlayerHandle } from '../player/Player';
import { useProject } from '../projects/project-queries';
import { UploadButton } from '../upload/UploadButton';
import { UploadList } from '../upload/UploadList';
import { useUploadQueue } from '../upload/upload-context';
import { AssetNotFound } from './AssetNotFound';
import { defaultVersion, requestedFrame, requestedVersionNumber } from './choose-version';
import { ReviewRoom } from './ReviewRoom';
import { VersionInfo } from './VersionInfo';
import { VersionSwitcher } from './VersionSwitcher';

function AssetReview({ asset, versions }: { asset: Asset; versions: readonly Version[] }) {
  const guest = useGuestAccess();
  const project = useProject(asset.projectId, guest === null);
  const rights = guest ? guestRights(guest) : memberRights(project.data?.role ?? null);
  const queue = useUploadQueue();
  const [searchParams, setSearchParams] = useSearchParams();
  const playerRef = useRef<PlayerHandle>(null);
  const frameParam = requestedFrame(searchParams.get('frame'));
  const [carriedFrame, setCarriedFrame] = useState(frameParam ?? 0);
  // A link to a frame (from the activity bell) while the cut is open: the player starts there.
  const [linkedFrame, setLinkedFrame] = useState(frameParam);
  if (frameParam !== linkedFrame) {
    setLinkedFrame(frameParam);
    if (frameParam !== null) setCarriedFrame(frameParam);
  }
  const requested = requestedVersionNumber(searchParams.get('version'));
  const version =
    requested === null ? defaultVersion(versions) : versions.find((v) => v.number === requested);
  const canUpload = !guest && project.data ? can(project.data.role, 'assets.upload') : false;
  const newestNumber = Math.max(0, ...versions.map((v) => v.number));

  // Pin the version opened by default, so a newer one finishing mid-review does not swap the picture.
  useEffect(() => {
    if (requested === null && version)
      setSearchParams({ version: String(version.number) }, { replace: true });
  }, [requested, version, setSearchParams]);

  return (
    <>
      <title>{`${asset.name} · Cutroom`}</title>
      <div className="page-heading">
        <div>
          <p className="breadcrumb">
            {guest ? (
              <Link to="/shared">Shared with you</Link>
            ) : (
              <>
                <Link to="/">Projects</Link> /{' '}
                <Link to={`/projects/${asset.projectId}`}>{project.data?.name ?? 'Project'}</Link>
              </>
            )}
          </p>
          <div className="review-title">
            <h1>{asset.name}</h1>
            <AssetApprovalBadge assetId={asset.id} />
            {versions.length > 0 && (
              <VersionSwitcher
                versions={versions}
                current={version}
                onChoose={() => setCarriedFrame(playerRef.current?.currentFrame ?? 0)}
              />
            )}
          </div>
        </div>
        {canUpload && (
          <UploadButton
            label="Upload a new version"
            onFiles={(files) =>
              queue.add(
                files,
                { kind: 'new-version', projectId: asset.projectId, assetId: asset.id, assetName: asset.name },
                new Map([[asset.id, asset.name]]),
              )
            }
          />
        )}
      </div>
      {canUpload && <UploadList projectId={asset.projectId} assetId={asset.id} />}
      {version ? (
        <ReviewRoom
          key={version.id}
          asset={asset}
          version={version}
          role={rights.commentRole}
          guest={rights.isGuest}
          playerRef={playerRef}
          startFrame={carriedFrame}
          aside={
            <ApprovalPanel
              projectId={asset.projectId}
              version={version}
              newestNumber={newestNumber}
              role={rights.decisionRole}
            />
          }
          // The notes stay beside the picture; the file's facts come after them.
          asideEnd={<VersionInfo version={version} canDownload={rights.canDownload} />}
          below={
            <div className="review-below">
              <RoundsSummary assetId={asset.id} current={version} />
              <DecisionHistory assetId={asset.id} versions={versions} />
            </div>
          }
        />
      ) : versions.length === 0 ? (
        <div className="empty-state">
          <h2>No versions yet</h2>
          <p>
            {canUpload
              ? 'Upload a file to make the first version of this cut.'
              : 'Nothing has been uploaded yet.'}
          </p>
        </div>
      ) : (
        <div className="page-message">
          <h2>There is no version {requested} of this cut</h2>
          <Link to="?">Open the latest version</Link>
        </div>
      )}
    </>
  );
}

function LoadedAsset({ assetId }: { assetId: string }) {
  const asset = useAsset(assetId);
  const versions = useVersions(assetId);
  useAssetRoom(assetId);
  const error = asset.error ?? versions.error;
  if (isApiRequestError(error, 404) || isApiRequestError(error, 403)) return <AssetNotFound />;
  if (error) {
    return (
      <section className="page-message">
        <h1>Could not load this cut</h1>
        <p className="form-alert" role="alert">
          {describeError(error)}
        </p>
        <button
          type="button"
          className="button"
          onClick={() => {
            void asset.refetch();
            void versions.refetch();
          }}
        >
          Try again
        </button>
      </section>
    );
  }
  if (!asset.data || !versions.data) return <p role="status">Loading cut…</p>;
  return <AssetReview asset={asset.data} versions={versions.data} />;
}

/** `/assets/:assetId?version=N`: one cut, its version stack and the player. */
export function AssetReviewPage() {
  const { assetId } = useParams();
  if (assetId === undefined || !uuidParamSchema.safeParse(assetId).success) return <AssetNotFound />;
  return <LoadedAsset key={assetId} assetId={assetId} />;
}
