import type {
  ActivityUnread,
  Asset,
  AssetEvent,
  AssetList,
  CarriedOverList,
  Comment,
  CommentList,
  Decision,
  DecisionList,
  ProjectApprovalList,
  Version,
  VersionApproval,
  VersionList,
} from '@cutroom/contracts';
import { QueryClient } from '@tanstack/react-query';
import { activityKeys } from '../../features/activity/activity-keys';
import { approvalKeys } from '../../features/approvals/approval-keys';
import { assetKeys } from '../../features/assets/asset-queries';
import { commentKeys } from '../../features/comments/comment-queries';
import {
  applyActivityUnread,
  applyAssetEvent,
  applyVersionProgress,
  mergeVersionIntoAsset,
  mergeVersionIntoStack,
  withProgress,
} from './cache-updates';

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
    createdAt: '2025-06-01T12:00:00.000Z',
    updatedAt: '2025-06-01T12:00:00.000Z',
  };
}

function event(seq: number, type: AssetEvent['type'], payload: unknown): AssetEvent {
  return { assetId, seq, type, actorId: null, createdAt: '2025-06-01T12:00:00.000Z', payload };
}

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
});

describe('applying comment events to the cache', () => {
  const versionId = version(1).id;
  const comment: Comment = {
    id: '5b0a2c3d-1111-4111-8111-111111111111',
    versionId,
    assetId,
    parentId: null,
    author: { id: '6c0a2c3d-1111-4111-8111-111111111111', displayName: 'Rosa' },
    body: 'Too dark here',
    frame: 12,
    frameEnd: null,
    internal: false,
    annotation: null,
    mentions: [],
    hashtags: [],
    resolved: false,
    resolvedAt: null,
    resolvedBy: null,
    reactions: [],
    createdAt: '2025-06-01T12:00:00.000Z',
    editedAt: null,
    clientId: null,
  };
  const comments = (queryClient: QueryClient) =>
    queryClient.getQueryData<CommentList>(commentKeys.list(versionId))?.comments ?? [];

  it('adds a new comment, resolves it, counts reactions and removes it', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData<CommentList>(commentKeys.list(versionId), { comments: [] });
    applyAssetEvent(queryClient, event(1, 'comment.created', { comment }));
    applyAssetEvent(queryClient, event(2, 'comment.created', { comment }));
    expect(comments(queryClient)).toHaveLength(1);
    applyAssetEvent(queryClient, event(3, 'comment.resolved', { comment: { ...comment, resolved: true } }));
    expect(comments(queryClient)[0].resolved).toBe(true);
    applyAssetEvent(
      queryClient,
      event(4, 'comment.reactions', {
        commentId: comment.id,
        versionId,
        reactions: [{ emoji: '👍', userIds: [comment.author?.id] }],
      }),
    );
    expect(comments(queryClient)[0].reactions[0].emoji).toBe('👍');
    applyAssetEvent(queryClient, event(5, 'comment.deleted', { commentId: comment.id, versionId }));
    expect(comments(queryClient)).toEqual([]);
  });
});

describe('applying approval events to the cache', () => {
  const versionId = version(2).id;
  const rosa = { id: '6c0a2c3d-1111-4111-8111-111111111111', displayName: 'Rosa Reviewer' };
  const otherAsset = '7c9e6679-7425-40de-944b-e07fc1f90ae8';

  function approval(change: Partial<VersionApproval> = {}): VersionApproval {
    return {
      state: 'in_review',
      approvedCount: 0,
      requiredCount: 1,
      pendingIds: [rosa.id],
      assetId,
      versionId,
      versionNumber: 2,
      current: true,
      rule: 'required',
      requiredApprovers: [rosa],
      decisions: [],
      ...change,
    };
  }
  const decision: Decision = {
    id: '8d0a2c3d-1111-4111-8111-111111111111',
    versionId,
    assetId,
    decision: 'approved',
    note: 'Good to go',
    decidedBy: rosa,
    createdAt: '2025-06-02T12:00:00.000Z',
  };
  const approved = approval({ state: 'approved', approvedCount: 1, pendingIds: [], decisions: [decision] });

  function cached() {
    const queryClient = new QueryClient();
    queryClient.setQueryData<ProjectApprovalList>(approvalKeys.projectList(projectId), {
      approvals: [approval(), { ...approval(), assetId: otherAsset }],
    });
    queryClient.setQueryData(approvalKeys.assetApproval(assetId), approval());
    queryClient.setQueryData(approvalKeys.versionApproval(assetId, versionId), approval());
    queryClient.setQueryData<DecisionList>(approvalKeys.decisions(assetId, versionId), { decisions: [] });
    return queryClient;
  }

  it('turns the card’s badge, the page’s badge and the history as a decision arrives', () => {
    const queryClient = cached();
    applyAssetEvent(queryClient, event(7, 'decision.recorded', { decision, approval: approved }));
    const list = queryClient.getQueryData<ProjectApprovalList>(approvalKeys.projectList(projectId));
    expect(list?.approvals.map((a) => [a.assetId, a.state])).toEqual([
      [assetId, 'approved'],
      [otherAsset, 'in_review'],
    ]);
    expect(queryClient.getQueryData<VersionApproval>(approvalKeys.assetApproval(assetId))?.state).toBe(
      'approved',
    );
    expect(
      queryClient.getQueryData<VersionApproval>(approvalKeys.versionApproval(assetId, versionId))?.state,
    ).toBe('approved');
    expect(
      queryClient.getQueryData<DecisionList>(approvalKeys.decisions(assetId, versionId))?.decisions,
    ).toEqual([decision]);
  });

  it('applies the new state when the required approvers change', () => {
    const queryClient = cached();
    applyAssetEvent(
      queryClient,
      event(8, 'approvers.changed', {
        approvers: { source: 'asset', approvers: [] },
        approval: approval({ rule: 'anyone', requiredCount: 0, pendingIds: [], requiredApprovers: [] }),
      }),
    );
    expect(queryClient.getQueryData<VersionApproval>(approvalKeys.assetApproval(assetId))?.rule).toBe(
      'anyone',
    );
  });

  it('starts the asset’s approval again when a new version arrives', () => {
    const queryClient = cached();
    applyAssetEvent(
      queryClient,
      event(9, 'version.created', { version: version(3, { status: 'uploading' }) }),
    );
    expect(queryClient.getQueryState(approvalKeys.assetApproval(assetId))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(approvalKeys.projectList(projectId))?.isInvalidated).toBe(true);
  });

  it('reads an unreadable decision again instead of guessing', () => {
    const queryClient = cached();
    applyAssetEvent(queryClient, event(7, 'decision.recorded', { decision: 'approved' }));
    expect(queryClient.getQueryState(approvalKeys.assetApproval(assetId))?.isInvalidated).toBe(true);
  });

  it('marks a carried-over note addressed live, and unmarks it', () => {
    const queryClient = new QueryClient();
    const item = {
      comment: {
        id: '5b0a2c3d-1111-4111-8111-111111111111',
        versionId: version(1).id,
        author: rosa,
        body: 'Too dark here',
        frame: 12,
        frameEnd: null,
        internal: false,
        annotation: null,
        createdAt: '2025-06-01T12:00:00.000Z',
      },
      replyCount: 0,
      addressed: null,
    };
    queryClient.setQueryData<CarriedOverList>(approvalKeys.carriedOver(assetId, versionId), {
      versionId,
      fromVersion: { id: version(1).id, number: 1 },
      comments: [item],
    });
    const addressed = { ...item, addressed: { versionId, by: rosa, at: '2025-06-02T12:00:00.000Z' } };
    const carried = () =>
      queryClient.getQueryData<CarriedOverList>(approvalKeys.carriedOver(assetId, versionId))?.comments[0];
    applyAssetEvent(queryClient, event(10, 'comment.addressed', { versionId, item: addressed }));
    expect(carried()?.addressed?.by?.displayName).toBe('Rosa Reviewer');
    applyAssetEvent(queryClient, event(11, 'comment.unaddressed', { versionId, item }));
    expect(carried()?.addressed).toBeNull();
  });

  it('reads the carried-over notes again when a note is resolved on the asset', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData<CarriedOverList>(approvalKeys.carriedOver(assetId, versionId), {
      versionId,
      fromVersion: { id: version(1).id, number: 1 },
      comments: [],
    });
    applyAssetEvent(queryClient, event(12, 'comment.resolved', { comment: 'unreadable' }));
    expect(queryClient.getQueryState(approvalKeys.carriedOver(assetId, versionId))?.isInvalidated).toBe(true);
  });
});

describe('applying my unread count', () => {
  it('shows the pushed count and reads the feed again', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData<ActivityUnread>(activityKeys.unread(), { count: 0 });
    queryClient.setQueryData(activityKeys.feed(), { pages: [], pageParams: [] });
    applyActivityUnread(queryClient, { count: 3 });
    expect(queryClient.getQueryData<ActivityUnread>(activityKeys.unread())).toEqual({ count: 3 });
    expect(queryClient.getQueryState(activityKeys.feed())?.isInvalidated).toBe(true);
  });
});
