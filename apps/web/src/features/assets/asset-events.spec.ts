import type { Asset, AssetEventType, AssetList, Version, VersionList } from '@cutroom/contracts';
import { QueryClient } from '@tanstack/react-query';
import { CacheUpdateRegistry } from '../../lib/realtime/cache-update-registry';
import { readEvent, type ReceivedEvent } from '../../lib/realtime/received-event';
import {
  applyVersionProgress,
  mergeVersionIntoAsset,
  mergeVersionIntoStack,
  registerAssetEvents,
  withProgress,
} from './asset-events';
import { assetKeys } from './asset-queries';

const projectId = '0f8fad5b-d9cb-469f-a165-70867728950e';
const assetId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

function version(number: number, change: Partial<Version> = {}): Version {
  const id = `00000000-0000-4000-8000-${String(number).padStart(12, '0')}`;
  return {
    id,
    assetId,
    number,
    status: 'queued',
    failureReason: null,
    stage: null,
    progress: 0,
    playable: false,
    originalFilename: `cut-v${number}.mov`,
    sizeBytes: 1,
    sha256: null,
    uploadedBy: null,
    createdAt: '2025-06-01T12:00:00.000Z',
    readyAt: null,
    media: null,
    renditions: [],
    urls: {
      master: null,
      poster: null,
      storyboard: null,
      waveform: null,
      original: `/api/versions/${id}/original`,
    },
    ...change,
  };
}

function asset(latest: Version | null, versionCount = latest ? latest.number : 0): Asset {
  return {
    id: assetId,
    projectId,
    name: 'Trailer',
    versionCount,
    latestVersion: latest,
    lastSeq: 0,
    openNoteCount: 0,
    lastActivityAt: '2025-06-01T12:00:00.000Z',
    createdAt: '2025-06-01T12:00:00.000Z',
    updatedAt: '2025-06-01T12:00:00.000Z',
  };
}

/** An event as the socket delivers it, read as the realtime client reads it. */
function event(seq: number, type: AssetEventType, payload: unknown): ReceivedEvent {
  return readEvent({ assetId, seq, type, actorId: null, createdAt: '2025-06-01T12:00:00.000Z', payload });
}

const registry = new CacheUpdateRegistry();
registerAssetEvents(registry);
const applyAssetEvent = (queryClient: QueryClient, event: ReceivedEvent) =>
  registry.applyEvent(queryClient, event);

describe('merging a version into what is cached', () => {
  it('makes a new version the latest and counts it', () => {
    const merged = mergeVersionIntoAsset(asset(version(1)), version(2));
    expect(merged.latestVersion?.number).toBe(2);
    expect(merged.versionCount).toBe(2);
  });

  it('replaces the latest version in place, and leaves the asset alone for an older one', () => {
    const latest = version(2);
    const cached = asset(latest);
    expect(mergeVersionIntoAsset(cached, { ...latest, status: 'ready' })).toMatchObject({
      versionCount: 2,
      latestVersion: { status: 'ready' },
    });
    expect(mergeVersionIntoAsset(cached, version(1, { status: 'failed' }))).toBe(cached);
  });

  it('keeps the stack newest first, with each version once', () => {
    const stack = mergeVersionIntoStack([version(2), version(1)], version(3));
    expect(stack.map((v) => v.number)).toEqual([3, 2, 1]);
    expect(mergeVersionIntoStack(stack, version(2, { status: 'ready' })).map((v) => v.status)).toEqual([
      'queued',
      'ready',
      'queued',
    ]);
  });

  it('shows live progress only on a version still on its way', () => {
    const progress = { assetId, versionId: version(1).id, stage: 'transcode', progress: 40, playable: true };
    expect(withProgress(version(1, { status: 'processing' }), progress)).toMatchObject({
      stage: 'transcode',
      progress: 40,
      playable: true,
    });
    expect(withProgress(version(1, { status: 'ready', progress: 100 }), progress).progress).toBe(100);
    expect(
      withProgress(version(1, { status: 'processing', stage: 'probe' }), { ...progress, stage: 'new-stage' })
        .stage,
    ).toBe('probe');
  });
});

describe('applying events to the cache', () => {
  function cacheWith(list: Asset[], stack?: Version[]) {
    const queryClient = new QueryClient();
    queryClient.setQueryData<AssetList>(assetKeys.list(projectId), { assets: list });
    if (stack) queryClient.setQueryData<VersionList>(assetKeys.versions(assetId), { versions: stack });
    return queryClient;
  }
  const listed = (queryClient: QueryClient) =>
    queryClient.getQueryData<AssetList>(assetKeys.list(projectId))?.assets ?? [];

  it('moves a version on in the grid and in the stack', () => {
    const queryClient = cacheWith([asset(version(1))], [version(1)]);
    applyAssetEvent(
      queryClient,
      event(3, 'version.updated', { version: version(1, { status: 'processing' }) }),
    );
    expect(listed(queryClient)[0].latestVersion?.status).toBe('processing');
    expect(queryClient.getQueryData<VersionList>(assetKeys.versions(assetId))?.versions[0].status).toBe(
      'processing',
    );
  });

  it('fetches the list again when a version of an unknown asset appears', () => {
    const queryClient = cacheWith([]);
    applyAssetEvent(
      queryClient,
      event(1, 'version.created', { version: version(1, { status: 'uploading' }) }),
    );
    expect(queryClient.getQueryState(assetKeys.list(projectId))?.isInvalidated).toBe(true);
  });

  it('renames and removes assets', () => {
    const queryClient = cacheWith([asset(version(1))]);
    applyAssetEvent(queryClient, event(4, 'asset.renamed', { name: 'Trailer (final)' }));
    expect(listed(queryClient)[0].name).toBe('Trailer (final)');
    applyAssetEvent(queryClient, event(5, 'asset.deleted', { projectId }));
    expect(listed(queryClient)).toEqual([]);
  });

  it('a cut moved to another project leaves this grid at once, and that project’s grid reads it again', () => {
    const otherProjectId = '9b2f3c1e-1d2a-4c5b-8e6f-7a8b9c0d1e2f';
    const queryClient = cacheWith([asset(version(1))]);
    queryClient.setQueryData<AssetList>(assetKeys.list(otherProjectId), { assets: [] });
    applyAssetEvent(
      queryClient,
      event(6, 'asset.moved', { fromProjectId: projectId, toProjectId: otherProjectId }),
    );
    expect(listed(queryClient)).toEqual([]);
    expect(queryClient.getQueryState(assetKeys.list(otherProjectId))?.isInvalidated).toBe(true);
  });

  it('ignores a payload it cannot read instead of breaking the cache', () => {
    const queryClient = cacheWith([asset(version(1))]);
    applyAssetEvent(queryClient, event(2, 'asset.renamed', { title: 42 }));
    expect(listed(queryClient)[0].name).toBe('Trailer');
  });

  it('shows progress pushed to the asset room', () => {
    const queryClient = cacheWith(
      [asset(version(1, { status: 'processing' }))],
      [version(1, { status: 'processing' })],
    );
    applyVersionProgress(queryClient, {
      assetId,
      versionId: version(1).id,
      stage: 'transcode',
      progress: 55,
      playable: false,
    });
    expect(listed(queryClient)[0].latestVersion?.progress).toBe(55);
  });

  it('moves a card’s last activity to each event’s time, never back', () => {
    const queryClient = cacheWith([asset(version(1))]);
    const at = (seq: number, createdAt: string) =>
      readEvent({ assetId, seq, type: 'comment.reactions', actorId: null, createdAt, payload: {} });
    applyAssetEvent(queryClient, at(6, '2025-06-02T09:30:00.000Z'));
    expect(listed(queryClient)[0].lastActivityAt).toBe('2025-06-02T09:30:00.000Z');
    applyAssetEvent(queryClient, at(7, '2025-06-02T09:00:00.000Z'));
    expect(listed(queryClient)[0].lastActivityAt).toBe('2025-06-02T09:30:00.000Z');
  });

  it('counts open notes again when a note comes, goes, or is resolved; a new version starts at none', () => {
    const queryClient = cacheWith([{ ...asset(version(1)), openNoteCount: 3 }]);
    applyAssetEvent(queryClient, event(8, 'comment.resolved', null));
    expect(queryClient.getQueryState(assetKeys.list(projectId))?.isInvalidated).toBe(true);
    applyAssetEvent(queryClient, event(9, 'version.created', { version: version(2) }));
    expect(listed(queryClient)[0]).toMatchObject({ openNoteCount: 0, latestVersion: { number: 2 } });
  });
});
