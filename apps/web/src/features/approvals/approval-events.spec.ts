import type {
  AssetEventType,
  CarriedOverList,
  Decision,
  DecisionList,
  ProjectApprovalList,
  Version,
  VersionApproval,
} from '@cutroom/contracts';
import { QueryClient } from '@tanstack/react-query';
import { CacheUpdateRegistry } from '../../lib/realtime/cache-update-registry';
import { readEvent, type ReceivedEvent } from '../../lib/realtime/received-event';
import { registerApprovalEvents } from './approval-events';
import { approvalKeys } from './approval-keys';

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

/** An event as the socket delivers it, read as the realtime client reads it. */
function event(seq: number, type: AssetEventType, payload: unknown): ReceivedEvent {
  return readEvent({ assetId, seq, type, actorId: null, createdAt: '2025-06-01T12:00:00.000Z', payload });
}

const registry = new CacheUpdateRegistry();
registerApprovalEvents(registry);
const applyAssetEvent = (queryClient: QueryClient, event: ReceivedEvent) =>
  registry.applyEvent(queryClient, event);

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
    byGuest: false,
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
      placement: null,
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
