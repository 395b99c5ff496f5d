import type { Asset } from '@cutroom/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../lib/api-client';
import { assetKeys } from './asset-queries';
import { deleteAsset, retryVersion } from './assets-api';

/**
 * Under a cut whose newest version failed: Retry (process the stored original again) and Delete,
 * which asks first. Shown to those who may manage cuts.
 */
export function FailedCutActions({ asset }: { asset: Asset }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const version = asset.latestVersion;
  const refresh = () => queryClient.invalidateQueries({ queryKey: assetKeys.list(asset.projectId) });
  const retry = useMutation({
    mutationFn: (versionId: string) => retryVersion(versionId),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: () => deleteAsset(asset.id), onSuccess: refresh });
  if (!version || version.status !== 'failed') return null;
  const error = retry.error ?? remove.error;
  return (
    <div className="failed-cut-actions" role="group" aria-label={`Failed cut ${asset.name}`}>
      {confirming ? (
        <>
          <span>Delete “{asset.name}”? It goes to Recently deleted.</span>
          <button
            type="button"
            className="button button-small button-danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate()}
          >
            Delete cut
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
            aria-label={`Retry processing ${asset.name}`}
            disabled={retry.isPending}
            onClick={() => retry.mutate(version.id)}
          >
            Retry
          </button>
          <button
            type="button"
            className="button button-small button-ghost"
            aria-label={`Delete ${asset.name}`}
            onClick={() => setConfirming(true)}
          >
            Delete
          </button>
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {describeError(error)}
        </p>
      )}
    </div>
  );
}
