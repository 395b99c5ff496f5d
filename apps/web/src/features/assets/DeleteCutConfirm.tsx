import type { Asset } from '@cutroom/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../lib/api-client';
import { assetKeys } from './asset-queries';
import { deleteAsset } from './assets-api';

/** "Delete…" from a card's menu: asks, then moves the cut to the project's Recently deleted. */
export function DeleteCutConfirm({ asset, onCancel }: { asset: Asset; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteAsset(asset.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: assetKeys.list(asset.projectId) });
      void queryClient.invalidateQueries({ queryKey: assetKeys.deleted(asset.projectId) });
    },
  });
  return (
    <div className="cut-delete-confirm">
      <p>Delete “{asset.name}”? It goes to Recently deleted, where owners and editors can restore it.</p>
      <div className="cut-menu-buttons">
        <button
          type="button"
          className="button button-small button-danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate()}
          autoFocus
        >
          Delete cut
        </button>
        <button type="button" className="button button-small button-ghost" onClick={onCancel}>
          Keep
        </button>
      </div>
      {remove.error && (
        <p className="field-error" role="alert">
          {describeError(remove.error)}
        </p>
      )}
    </div>
  );
}
