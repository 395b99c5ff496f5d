import './exports.css';
import { type Version, exportFormatLabels, exportFormats } from '@cutroom/contracts';
import { useState } from 'react';
import { exportHref } from './export-link';

/**
 * "Export notes": the version's notes as markers for each editing system, a report, or stills.
 * Shown to whoever may export (members; guests whose link allows downloads) once the version's
 * frames are known. Members choose whether internal threads go along.
 */
export function ExportMenu({ version, isGuest }: { version: Version; isGuest: boolean }) {
  const [openOnly, setOpenOnly] = useState(false);
  const [includeInternal, setIncludeInternal] = useState(true);
  if (version.media?.kind !== 'video' || version.media.fpsNum === null) return null;
  const choice = { openOnly, includeInternal: includeInternal && !isGuest };
  return (
    <details className="export-menu">
      <summary className="button">Export notes</summary>
      <div className="export-menu-panel">
        <label>
          <input type="checkbox" checked={openOnly} onChange={(event) => setOpenOnly(event.target.checked)} />
          Open notes only
        </label>
        {!isGuest && (
          <label>
            <input
              type="checkbox"
              checked={includeInternal}
              onChange={(event) => setIncludeInternal(event.target.checked)}
            />
            Include internal notes
          </label>
        )}
        <ul aria-label="Export formats">
          {exportFormats.map((format) => (
            <li key={format}>
              <a href={exportHref(version.id, format, choice)} download>
                {exportFormatLabels[format]}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
