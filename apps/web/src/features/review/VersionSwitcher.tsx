import type { Version } from '@cutroom/contracts';
import { Link, useNavigate } from 'react-router-dom';
import { describeVersionStatus, versionLabel } from '../assets/version-status';
import { compareLink, defaultPair, playableVideos } from '../compare/compare-pair';

/**
 * v1…vN, newest first, each with its live status; the one on screen is marked current. Beside them,
 * "Compare" opens the compare view of the version on screen (B) against the one before it, with B
 * on the frame on screen.
 */
export function VersionSwitcher({
  versions,
  current,
  onChoose,
  frameNow,
  lockedReason = null,
  compareLockedReason = null,
}: {
  versions: readonly Version[];
  current: Version | undefined;
  onChoose: () => void;
  /** The frame on screen, read when Compare is pressed. */
  frameNow: () => number;
  /** Following a live session's host, who chooses the version: why the other versions cannot be chosen. */
  lockedReason?: string | null;
  /** Following a live session's host, who chooses what everyone sees: why Compare cannot be opened. */
  compareLockedReason?: string | null;
}) {
  const navigate = useNavigate();
  // The version on screen against the one before it (or the two newest, when it cannot play).
  const pair = defaultPair(playableVideos(versions), null, current?.id ?? null);
  return (
    <>
      <nav className="version-switcher" aria-label="Versions">
        <ul>
          {versions.map((version) => {
            const view = describeVersionStatus(version);
            const isCurrent = version.id === current?.id;
            const label = (
              <>
                <span className="version-tab-number">{versionLabel(version)}</span>
                <span className="version-tab-status">
                  {view.label}
                  {view.progress !== null && ` ${Math.round(view.progress)}%`}
                </span>
              </>
            );
            if (lockedReason !== null && !isCurrent)
              return (
                <li key={version.id}>
                  <span
                    role="link"
                    aria-disabled="true"
                    className={`version-tab version-tab-locked status-${version.status}`}
                    data-status={version.status}
                    title={lockedReason}
                  >
                    {label}
                  </span>
                </li>
              );
            return (
              <li key={version.id}>
                <Link
                  to={`?version=${version.number}`}
                  className={`version-tab status-${version.status}`}
                  aria-current={isCurrent ? 'page' : undefined}
                  data-status={version.status}
                  onClick={isCurrent ? undefined : onChoose}
                >
                  {label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {/* Beside the tabs, not among them: the nav lists versions only. */}
      {pair && compareLockedReason !== null && (
        <span
          role="link"
          aria-disabled="true"
          className="button button-small button-ghost version-compare version-compare-locked"
          title={compareLockedReason}
        >
          Compare
        </span>
      )}
      {pair && compareLockedReason === null && (
        <Link
          className="button button-small button-ghost version-compare"
          to={compareLink(pair.b.assetId, pair.a.id, pair.b.id)}
          onClick={(event) => {
            // The frame is read on the press: the link's address is drawn before the player moves.
            event.preventDefault();
            void navigate(compareLink(pair.b.assetId, pair.a.id, pair.b.id, { b: frameNow() }));
          }}
          title={`Compare ${versionLabel(pair.a)} with ${versionLabel(pair.b)}, frame by frame`}
        >
          Compare
        </Link>
      )}
    </>
  );
}
