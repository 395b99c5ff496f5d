import type { Version, VersionList } from '@cutroom/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useRef, useState } from 'react';
import { describeError } from '../../lib/api-client';
import { useDismiss } from '../../lib/use-dismiss';
import { assetKeys } from '../assets/asset-queries';
import { deleteVersion } from '../assets/assets-api';
import { versionLabel } from '../assets/version-status';

/**
 * The version switcher's menu (owners and editors): delete the version on screen, after a
 * confirmation. The others keep their numbers; a cut's only version cannot go (delete the cut).
 */
export function VersionMenu({
  version,
  versionCount,
  onDeleted,
}: {
  version: Version;
  versionCount: number;
  onDeleted: () => void;
}) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const label = versionLabel(version);
  const close = useCallback(() => {
    setOpen(false);
    setConfirming(false);
    toggleRef.current?.focus();
  }, []);
  useDismiss(open, close, rootRef);
  const remove = useMutation({
    mutationFn: () => deleteVersion(version.id),
    onSuccess: async () => {
      // Gone from the stack before the page picks the version to show next.
      queryClient.setQueryData<VersionList>(assetKeys.versions(version.assetId), (list) =>
        list ? { versions: list.versions.filter((other) => other.id !== version.id) } : list,
      );
      setOpen(false);
      onDeleted();
      await queryClient.invalidateQueries({ queryKey: assetKeys.detail(version.assetId) });
    },
  });

  return (
    <div className="version-menu" ref={rootRef}>
      <button
        type="button"
        ref={toggleRef}
        className="button button-small button-ghost"
        aria-label="Version actions"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => (open ? close() : setOpen(true))}
      >
        ⋯
      </button>
      {open && (
        <div className="version-menu-panel" id={panelId} role="group" aria-label={`Actions for ${label}`}>
          {versionCount <= 1 ? (
            <p className="muted">
              The only version of a cut cannot be deleted alone: delete the cut instead.
            </p>
          ) : confirming ? (
            <>
              <p>
                Delete {label} with its notes, decisions and media? The other versions keep their numbers.
              </p>
              <div className="cut-menu-buttons">
                <button
                  type="button"
                  className="button button-small button-danger"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate()}
                >
                  Delete {label}
                </button>
                <button type="button" className="button button-small button-ghost" onClick={close}>
                  Keep
                </button>
              </div>
            </>
          ) : (
            <button type="button" className="button button-small" onClick={() => setConfirming(true)}>
              Delete {label}…
            </button>
          )}
          {remove.error && (
            <p className="form-alert" role="alert">
              {describeError(remove.error)}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
