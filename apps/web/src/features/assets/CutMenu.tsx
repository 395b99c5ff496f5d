import type { Asset } from '@cutroom/contracts';
import { useCallback, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useDismiss } from '../../lib/use-dismiss';
import { ExportMenu } from '../exports/ExportMenu';
import { useVersions } from './asset-queries';
import { DeleteCutConfirm } from './DeleteCutConfirm';
import { MoveCutForm } from './MoveCutForm';
import { RenameCutForm } from './RenameCutForm';
import './cut-actions.css';

type Pane = 'closed' | 'menu' | 'rename' | 'move' | 'delete';

/** "Export notes" of the cut's newest ready version; the stack is read when the menu opens. */
function CardExport({ asset }: { asset: Asset }) {
  const latest = asset.latestVersion;
  const latestReady = latest?.status === 'ready';
  const versions = useVersions(asset.id, !latestReady);
  const ready = latestReady ? latest : versions.data?.find((version) => version.status === 'ready');
  if (!ready) return null;
  return <ExportMenu version={ready} isGuest={false} />;
}

/**
 * A cut card's menu (members only): rename, move to another project and delete (those who manage
 * cuts), and export notes. Keyboard: the
 * toggle opens it, Tab walks its items, Escape closes it and returns to the toggle.
 */
export function CutMenu({ asset, canManage }: { asset: Asset; canManage: boolean }) {
  const [pane, setPane] = useState<Pane>('closed');
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const close = useCallback(() => {
    setPane('closed');
    toggleRef.current?.focus();
  }, []);
  useDismiss(pane !== 'closed', close, rootRef);

  return (
    <div className="cut-menu" ref={rootRef}>
      <button
        type="button"
        ref={toggleRef}
        className="button button-small button-ghost cut-menu-toggle"
        aria-label={`Actions for ${asset.name}`}
        aria-expanded={pane !== 'closed'}
        aria-controls={panelId}
        onClick={() => (pane === 'closed' ? setPane('menu') : close())}
      >
        ⋯
      </button>
      {pane !== 'closed' && (
        <div className="cut-menu-panel" id={panelId} role="group" aria-label={`Actions for ${asset.name}`}>
          {pane === 'menu' && (
            <div className="cut-menu-buttons">
              {canManage && (
                <button type="button" className="button button-small" onClick={() => setPane('rename')}>
                  Rename
                </button>
              )}
              {canManage && (
                <button type="button" className="button button-small" onClick={() => setPane('move')}>
                  Move to project…
                </button>
              )}
              {canManage && (
                <button type="button" className="button button-small" onClick={() => setPane('delete')}>
                  Delete…
                </button>
              )}
              <CardExport asset={asset} />
              {asset.versionCount > 1 && (
                <Link className="button button-small" to={`/assets/${asset.id}/compare`}>
                  Compare versions
                </Link>
              )}
            </div>
          )}
          {pane === 'rename' && <RenameCutForm asset={asset} onDone={close} />}
          {pane === 'move' && <MoveCutForm asset={asset} onDone={close} />}
          {pane === 'delete' && <DeleteCutConfirm asset={asset} onCancel={close} />}
        </div>
      )}
    </div>
  );
}
