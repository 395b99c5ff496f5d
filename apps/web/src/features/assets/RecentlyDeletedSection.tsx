import type { DeletedAsset } from '@cutroom/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../lib/api-client';
import { RelativeTime } from '../../lib/RelativeTime';
import { assetKeys, useDeletedAssets } from './asset-queries';
import { eraseAsset, restoreAsset } from './assets-api';
import { daysLeft } from './days-left';
import './cut-actions.css';

function DeletedCutRow({ cut }: { cut: DeletedAsset }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: assetKeys.deleted(cut.projectId) });
    void queryClient.invalidateQueries({ queryKey: assetKeys.list(cut.projectId) });
  };
  const restore = useMutation({ mutationFn: () => restoreAsset(cut.id), onSuccess: refresh });
  const erase = useMutation({ mutationFn: () => eraseAsset(cut.id), onSuccess: refresh });
  const error = restore.error ?? erase.error;
  return (
    <li className="deleted-cut" aria-label={cut.name}>
      <span className="deleted-cut-name">{cut.name}</span>
      <span className="muted">
        Deleted by {cut.deletedBy?.displayName ?? 'a former member'} <RelativeTime iso={cut.deletedAt} /> ·{' '}
        {daysLeft(cut.purgeAt)}
      </span>
      <div className="cut-menu-buttons">
        {confirming ? (
          <>
            <span>Erase “{cut.name}” and its media for good?</span>
            <button
              type="button"
              className="button button-small button-danger"
              disabled={erase.isPending}
              onClick={() => erase.mutate()}
            >
              Delete forever
            </button>
            <button
              type="button"
              className="button button-small button-ghost"
              onClick={() => setConfirming(false)}
            >
              Keep
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="button button-small"
              aria-label={`Restore ${cut.name}`}
              disabled={restore.isPending}
              onClick={() => restore.mutate()}
            >
              Restore
            </button>
            <button
              type="button"
              className="button button-small button-ghost"
              aria-label={`Delete ${cut.name} forever`}
              onClick={() => setConfirming(true)}
            >
              Delete forever…
            </button>
          </>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {describeError(error)}
        </p>
      )}
    </li>
  );
}

/** The project's "Recently deleted" (owners and editors): restore, or delete forever. */
export function RecentlyDeletedSection({ projectId }: { projectId: string }) {
  const deleted = useDeletedAssets(projectId);
  const cuts = deleted.data?.assets ?? [];
  if (cuts.length === 0) return null;
  return (
    <section className="recently-deleted" aria-labelledby="recently-deleted-heading">
      <details>
        <summary>
          <h2 id="recently-deleted-heading">Recently deleted ({cuts.length})</h2>
        </summary>
        <p className="muted">
          Deleted cuts can be restored, as they were, for {deleted.data?.retentionDays} days; then they are
          erased.
        </p>
        <ul aria-label="Recently deleted cuts">
          {cuts.map((cut) => (
            <DeletedCutRow key={cut.id} cut={cut} />
          ))}
        </ul>
      </details>
    </section>
  );
}
