import '../review/review.css';
import type { Asset, LiveCompare, Version } from '@cutroom/contracts';
import { guestRights, mayAnnotate, memberRights } from '@cutroom/policy';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { versionLabel } from '../assets/version-status';
import { useGuestAccess } from '../auth/session-queries';
import { canComment } from '../comments/comment-permissions';
import type { HostPlayhead } from '../live-session/host-transport';
import { LiveSessionBar } from '../live-session/LiveSessionBar';
import { versionLockReason } from '../live-session/seat-labels';
import { sharedLoopOf } from '../live-session/shared-loop';
import { useLiveSeat } from '../live-session/use-live-seat';
import type { PlayerHandle } from '../player/Player';
import { useMembers, useProject } from '../projects/project-queries';
import { requestedFrame } from '../review/choose-version';
import { CutPage } from '../review/CutPage';
import { compareQueryShowing, defaultPair, playableVideos, reviewLinkFromCompare } from './compare-pair';
import { type CompareShown, CompareView } from './CompareView';

function VersionPicker({
  name,
  versions,
  value,
  onChoose,
  lockedReason,
}: {
  name: 'A' | 'B';
  versions: readonly Version[];
  value: Version;
  onChoose: (id: string) => void;
  /** Following a live session's host, who chooses the pair: why it cannot be changed (null: it can). */
  lockedReason: string | null;
}) {
  return (
    <label className="compare-field" title={lockedReason ?? undefined}>
      {name}
      <select
        value={value.id}
        disabled={lockedReason !== null}
        onChange={(event) => onChoose(event.target.value)}
        aria-label={`Version ${name}`}
      >
        {versions.map((version) => (
          <option key={version.id} value={version.id}>
            {versionLabel(version)} · {version.originalFilename}
          </option>
        ))}
      </select>
    </label>
  );
}

function Compare({ asset, versions }: { asset: Asset; versions: readonly Version[] }) {
  const [params, setParams] = useSearchParams();
  const guest = useGuestAccess();
  const project = useProject(asset.projectId, guest === null);
  const rights = guest ? guestRights(guest) : memberRights(project.data?.role ?? null);
  const writer = rights.commentRole !== null && canComment(rights.commentRole);
  const videos = playableVideos(versions);
  const pair = defaultPair(videos, params.get('a'), params.get('b'));
  // Where the view opens: A on `frame` (a live session's host's), or B on `bframe` (the review page's).
  const startFrame = requestedFrame(params.get('frame')) ?? 0;
  const startFrameOfB = requestedFrame(params.get('bframe'));
  const [frameOfB, setFrameOfB] = useState<{ pair: string; frame: number } | null>(null);
  const navigate = useNavigate();
  // In a live session the compare view is shared like the review page's player: A's is driven or followed.
  const liveSeat = useLiveSeat(asset.id);
  const members = useMembers(asset.projectId, guest === null && liveSeat.hosting);
  const playerRef = useRef<PlayerHandle>(null);
  const [playhead, setPlayhead] = useState<{ pair: string; state: HostPlayhead } | null>(null);
  const [shown, setShown] = useState<CompareShown | null>(null);
  const pairKey = pair ? `${pair.a.id}-${pair.b.id}` : '';
  // Back to B's review page on the frame B shows.
  const back = pair
    ? reviewLinkFromCompare(asset.id, pair.b.number, frameOfB?.pair === pairKey ? frameOfB.frame : 0)
    : `/assets/${asset.id}`;
  // Standing on a frame, the address names it (a reload or a copied link opens there), not where it opened.
  const aStill = playhead?.pair === pairKey && !playhead.state.playing && playhead.state.shuttle === 0;
  const stillFrame = aStill ? playhead.state.frame : null;
  useEffect(() => {
    if (stillFrame === null) return;
    const next = compareQueryShowing(params, stillFrame);
    if (next) setParams(next, { replace: true });
  }, [stillFrame, params, setParams]);
  const compare: LiveCompare | null = pair && shown ? { versionId: pair.b.id, ...shown } : null;
  const session = liveSeat.session;
  const hostCompare = session?.transport.compare;
  const following =
    liveSeat.sharesPicture && !liveSeat.driving && session && hostCompare && pair
      ? {
          shown: {
            layout: hostCompare.layout,
            alignment: hostCompare.alignment,
            swapped: hostCompare.swapped,
            split: hostCompare.split,
          },
          loop: sharedLoopOf(session.transport, pair.a.id),
        }
      : null;
  const versionLock = versionLockReason(liveSeat);
  const choose = (side: 'a' | 'b', id: string) => {
    if (!pair) return;
    const next = { a: pair.a.id, b: pair.b.id, [side]: id };
    setParams(next, { replace: true });
  };

  return (
    <>
      <title>{`Compare · ${asset.name} · Cutroom`}</title>
      <div className="page-heading">
        <div>
          <p className="breadcrumb">
            <Link to={back}>{asset.name}</Link>
          </p>
          <div className="review-title">
            <h1>Compare versions</h1>
            {pair && (
              <>
                <VersionPicker
                  name="A"
                  versions={videos}
                  value={pair.a}
                  onChoose={(id) => choose('a', id)}
                  lockedReason={versionLock}
                />
                <VersionPicker
                  name="B"
                  versions={videos}
                  value={pair.b}
                  onChoose={(id) => choose('b', id)}
                  lockedReason={versionLock}
                />
              </>
            )}
          </div>
        </div>
      </div>
      {pair && compare && (
        <LiveSessionBar
          assetId={asset.id}
          version={pair.a}
          versions={versions}
          playerRef={playerRef}
          playhead={playhead?.pair === pairKey ? playhead.state : null}
          compare={compare}
          guest={rights.isGuest}
          joinOnOpen={params.get('live') === '1'}
          seat={liveSeat}
          mayAnnotate={(person) => {
            const member = members.data?.find((m) => m.user.id === person.userId);
            return person.guest || !member || mayAnnotate(member.role);
          }}
          onFollowElsewhere={(transport, frame) => {
            if (transport.compare) {
              setParams(
                { a: transport.versionId, b: transport.compare.versionId, frame: String(frame) },
                { replace: true },
              );
              return;
            }
            const number = versions.find((v) => v.id === transport.versionId)?.number;
            if (number !== undefined) void navigate(`/assets/${asset.id}?version=${number}&frame=${frame}`);
          }}
        />
      )}
      {pair ? (
        <CompareView
          key={pairKey}
          ref={playerRef}
          a={pair.a}
          b={pair.b}
          writer={writer}
          allowInternal={rights.canPostInternal && !rights.isGuest}
          onPlayheadChange={(state) => setPlayhead({ pair: pairKey, state })}
          onShownChange={setShown}
          onFrameOfBChange={(frame) => setFrameOfB({ pair: pairKey, frame })}
          following={following}
          startFrame={startFrame}
          startFrameOfB={startFrameOfB}
          live={liveSeat.sharesPicture && session ? { pointing: liveSeat.pointing } : null}
        />
      ) : (
        <div className="page-message">
          <h2>Nothing to compare yet</h2>
          <p>Comparing needs two versions of this cut that are videos and have finished processing.</p>
          <Link to={back}>Back to the cut</Link>
        </div>
      )}
    </>
  );
}

/** `/assets/:assetId/compare?a=<versionId>&b=<versionId>`: two versions of a cut, frame-locked. */
export function ComparePage() {
  return <CutPage render={(asset, versions) => <Compare asset={asset} versions={versions} />} />;
}
