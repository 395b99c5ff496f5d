import { uuidParamSchema, type Asset, type Version } from '@cutroom/contracts';
import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { describeError, isApiRequestError } from '../../lib/api-client';
import { useAssetRoom } from '../../lib/realtime/realtime-context';
import { useAsset, useVersions } from '../assets/asset-queries';
import { AssetNotFound } from './AssetNotFound';

type RenderCut = (asset: Asset, versions: readonly Version[]) => ReactNode;

function LoadedCut({ assetId, render }: { assetId: string; render: RenderCut }) {
  const asset = useAsset(assetId);
  const versions = useVersions(assetId);
  // The cut's notes and versions stay live while it is open.
  useAssetRoom(assetId);
  const error = asset.error ?? versions.error;
  if (isApiRequestError(error, 404) || isApiRequestError(error, 403)) return <AssetNotFound />;
  if (error) {
    return (
      <section className="page-message">
        <h1>Could not load this cut</h1>
        <p className="form-alert" role="alert">
          {describeError(error)}
        </p>
        <button
          type="button"
          className="button"
          onClick={() => {
            void asset.refetch();
            void versions.refetch();
          }}
        >
          Try again
        </button>
      </section>
    );
  }
  if (!asset.data || !versions.data) return <p role="status">Loading cut…</p>;
  return render(asset.data, versions.data);
}

/**
 * A page about one cut (`/assets/:assetId…`): loads the cut and its versions, keeps them live,
 * and answers a malformed, missing or forbidden cut as not found; `render` draws the rest.
 */
export function CutPage({ render }: { render: RenderCut }) {
  const { assetId } = useParams();
  if (assetId === undefined || !uuidParamSchema.safeParse(assetId).success) return <AssetNotFound />;
  return <LoadedCut key={assetId} assetId={assetId} render={render} />;
}
