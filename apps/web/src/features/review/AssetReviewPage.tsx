import './review.css';
import type { Asset, Version } from '@cutroom/contracts';
import { can, guestRights, mayAnnotate, maySetDueDate, memberRights } from '@cutroom/policy';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApprovalControl } from '../approvals/ApprovalControl';
import { RoundsSummary } from '../approvals/RoundsSummary';
import { compareLink } from '../compare/compare-pair';
import { useGuestAccess } from '../auth/session-queries';
import { ExportMenu } from '../exports/ExportMenu';
import { LiveSessionBar } from '../live-session/LiveSessionBar';
import { LiveSessionHistory } from '../live-session/LiveSessionHistory';
import { sharedLoopOf } from '../live-session/shared-loop';
import { compareLockReason, versionLockReason } from '../live-session/seat-labels';
import { useLiveSeat } from '../live-session/use-live-seat';
import type { PlayerHandle, PlayheadState } from '../player/Player';
import { useMembers, useProject } from '../projects/project-queries';
import { currentRound } from '../rounds-board/board-view';
import { CutDueDate } from '../rounds-board/CutDueDate';
import { UploadButton } from '../upload/UploadButton';
import { UploadList } from '../upload/UploadList';
import { useUploadQueue } from '../upload/upload-context';
import { CutPage } from './CutPage';
import { defaultVersion, requestedFrame, requestedVersionNumber } from './choose-version';
import { ReviewRoom } from './ReviewRoom';
import { VersionInfo } from './VersionInfo';
import { VersionMenu } from './VersionMenu';
import { VersionSwitcher } from './VersionSwitcher';

function AssetReview({ asset, versions }: { asset: Asset; versions: readonly Version[] }) {
  const guest = useGuestAccess();
  const project = useProject(asset.projectId, guest === null);
  const liveSeat = useLiveSeat(asset.id);
  // Only a host hands out the pen: the project's members say who may take it (guests, the server).
  const members = useMembers(asset.projectId, guest === null && liveSeat.hosting);
  const rights = guest ? guestRights(guest) : memberRights(project.data?.role ?? null);
  const queue = useUploadQueue();
  const [searchParams, setSearchParams] = useSearchParams();
  const navigate = useNavigate();
  const playerRef = useRef<PlayerHandle>(null);
  // Tagged with its version: a switch must not send the old player's frame as the new version's.
  const [playhead, setPlayhead] = useState<{ versionId: string; state: PlayheadState } | null>(null);
  // Notes first; Details stays open from one version to the next once chosen.
  const [sideTab, setSideTab] = useState('notes');
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
  const canManage = !guest && project.data ? can(project.data.role, 'assets.manage') : false;
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
          {/* Controls keyed by version remount on a switch; as siblings their keys must differ, or React
              keeps the old version's control beside the new one. */}
          <div className="review-title">
            <h1>{asset.name}</h1>
            {version && (
              <ApprovalControl
                key={`approval-${version.id}`}
                projectId={asset.projectId}
                version={version}
                versions={versions}
                newestNumber={newestNumber}
                role={rights.decisionRole}
                team={!rights.isGuest}
              />
            )}
            {version && !guest && project.data && (
              <CutDueDate
                key={`due-${version.id}`}
                assetId={asset.id}
                cutName={asset.name}
                version={version}
                current={version.id === currentRound(versions)?.id}
                canSet={maySetDueDate(project.data.role)}
              />
            )}
            {versions.length > 0 && (
              <VersionSwitcher
                versions={versions}
                current={version}
                onChoose={() => setCarriedFrame(playerRef.current?.currentFrame ?? 0)}
                frameNow={() => playerRef.current?.currentFrame ?? 0}
                lockedReason={versionLockReason(liveSeat)}
                compareLockedReason={compareLockReason(liveSeat)}
              />
            )}
            {version && canManage && (
              <VersionMenu
                key={`menu-${version.id}`}
                version={version}
                versionCount={versions.length}
                onDeleted={() => setSearchParams({}, { replace: true })}
              />
            )}
          </div>
        </div>
        <div className="page-actions">
          {version && rights.canDownload && <ExportMenu version={version} isGuest={rights.isGuest} />}
          {canUpload && (
            <UploadButton
              label="Upload a new version"
              onFiles={(files) =>
                queue.add(
                  files,
                  {
                    kind: 'new-version',
                    projectId: asset.projectId,
                    assetId: asset.id,
                    assetName: asset.name,
                  },
                  new Map([[asset.id, asset.name]]),
                )
              }
            />
          )}
        </div>
      </div>
      {canUpload && <UploadList projectId={asset.projectId} assetId={asset.id} />}
      {version && (
        <LiveSessionBar
          assetId={asset.id}
          version={version}
          versions={versions}
          playerRef={playerRef}
          playhead={playhead?.versionId === version.id ? playhead.state : null}
          guest={rights.isGuest}
          joinOnOpen={searchParams.get('live') === '1'}
          seat={liveSeat}
          mayAnnotate={(person) => {
            const member = members.data?.find((m) => m.user.id === person.userId);
            return person.guest || !member || mayAnnotate(member.role);
          }}
          onFollowElsewhere={(transport, frame) => {
            if (transport.compare) {
              void navigate(
                compareLink(asset.id, transport.versionId, transport.compare.versionId, { a: frame }),
              );
              return;
            }
            const number = versions.find((v) => v.id === transport.versionId)?.number;
            if (number === undefined) return;
            setCarriedFrame(frame);
            setSearchParams({ version: String(number) });
          }}
        />
      )}
      {version ? (
        <ReviewRoom
          key={version.id}
          onPlayheadChange={(state) => setPlayhead({ versionId: version.id, state })}
          live={
            liveSeat.sharesPicture && liveSeat.session
              ? {
                  drawers: liveSeat.drawers,
                  pointing: liveSeat.pointing,
                  hostLoop: liveSeat.driving
                    ? undefined
                    : {
                        range: sharedLoopOf(liveSeat.session.transport, version.id),
                        by: liveSeat.session.host.displayName,
                      },
                }
              : null
          }
          asset={asset}
          version={version}
          role={rights.commentRole}
          guest={rights.isGuest}
          playerRef={playerRef}
          startFrame={carriedFrame}
          sideTab={sideTab}
          onSideTab={setSideTab}
          details={
            <>
              <VersionInfo version={version} canDownload={rights.canDownload} />
              {/* Rounds are the team's workflow: a guest sees them only if their link shows the team. */}
              {(!guest || guest.showTeamActivity) && (
                <>
                  <RoundsSummary assetId={asset.id} current={version} exportable={!guest} />
                  <LiveSessionHistory assetId={asset.id} versions={versions} />
                </>
              )}
            </>
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

/** `/assets/:assetId?version=N`: one cut, its version stack and the player. */
export function AssetReviewPage() {
  return <CutPage render={(asset, versions) => <AssetReview asset={asset} versions={versions} />} />;
}
