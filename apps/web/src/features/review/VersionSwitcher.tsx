import type { Version } from '@cutroom/contracts';
import { Link } from 'react-router-dom';
import { describeVersionStatus, versionLabel } from '../assets/version-status';

/** v1…vN, newest first, each with its live status; the one on screen is marked current. */
export function VersionSwitcher({
  versions,
  current,
  onChoose,
}: {
  versions: readonly Version[];
  current: Version | undefined;
  onChoose: () => void;
}) {
  return (
    <nav className="version-switcher" aria-label="Versions">
      <ul>
        {versions.map((version) => {
          const view = describeVersionStatus(version);
          const isCurrent = version.id === current?.id;
          return (
            <li key={version.id}>
              <Link
                to={`?version=${version.number}`}
                className={`version-tab status-${version.status}`}
                aria-current={isCurrent ? 'page' : undefined}
                data-status={version.status}
                onClick={isCurrent ? undefined : onChoose}
              >
                <span className="version-tab-number">{versionLabel(version)}</span>
                <span className="version-tab-status">
                  {view.label}
                  {view.progress !== null && ` ${Math.round(view.progress)}%`}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
