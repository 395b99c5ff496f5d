import {
  type AssetEvent,
  type AssetEventPayload,
  type AssetEventType,
  assetEventSchema,
  assetEventTypes,
  type Comment,
  createCommentMessageSchema,
  type Decision,
  type Version,
  type VersionApproval,
} from './index';

const ASSET = '00000000-0000-4000-8000-000000000001';
const VERSION = '00000000-0000-4000-8000-000000000002';
const COMMENT = '00000000-0000-4000-8000-000000000003';
const USER = '00000000-0000-4000-8000-000000000004';
const AT = '2026-12-04T10:00:00.000Z';
const person = { id: USER, displayName: 'Ana' };

const version: Version = {
  id: VERSION,
  assetId: ASSET,
  number: 1,
  status: 'ready',
  failureReason: null,
  stage: null,
  progress: 100,
  playable: true,
  originalFilename: 'cut.mov',
  sizeBytes: 1024,
  sha256: null,
  uploadedBy: person,
  createdAt: AT,
  readyAt: AT,
  media: {
    kind: 'video',
    fpsNum: 24,
    fpsDen: 1,
    frameCount: 48,
    durationSeconds: 2,
    width: 640,
    height: 360,
    startTimecode: null,
    dropFrame: false,
    variableFrameRate: false,
  },
  renditions: [{ name: '360p', width: 640, height: 360, bandwidth: 800_000 }],
  urls: { master: '/m.m3u8', poster: null, storyboard: null, waveform: null, original: '/o' },
};
const comment: Comment = {
  id: COMMENT,
  versionId: VERSION,
  assetId: ASSET,
  parentId: null,
  author: person,
  body: 'Cut earlier',
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
  createdAt: AT,
  editedAt: null,
  clientId: null,
};
const decision: Decision = {
  id: COMMENT,
  versionId: VERSION,
  assetId: ASSET,
  decision: 'approved',
  note: null,
  byGuest: false,
  decidedBy: person,
  createdAt: AT,
};
const approval: VersionApproval = {
  state: 'approved',
  approvedCount: 1,
  requiredCount: 1,
  pendingIds: [],
  assetId: ASSET,
  versionId: VERSION,
  versionNumber: 1,
  current: true,
  rule: 'required',
  requiredApprovers: [person],
  decisions: [decision],
};
const carried = {
  versionId: VERSION,
  item: {
    comment: {
      id: COMMENT,
      versionId: VERSION,
      author: person,
      body: 'Cut earlier',
      frame: 12,
      frameEnd: null,
      internal: false,
      annotation: null,
      createdAt: AT,
    },
    replyCount: 0,
    addressed: { versionId: VERSION, by: person, at: AT },
    placement: { status: 'moved', frame: 14, frameEnd: null },
  },
};
const deleted = { commentId: COMMENT, versionId: VERSION, parentId: null, internal: false };

/** One payload of each type, as the api writes it. */
const samples: { [T in AssetEventType]: AssetEventPayload<T> } = {
  'asset.created': { name: 'Trailer' },
  'version.created': { version: { ...version, status: 'uploading' } },
  'version.updated': { version },
  'version.deleted': { versionId: VERSION },
  'asset.renamed': { name: 'Trailer (final)' },
  'asset.deleted': { projectId: USER },
  'asset.restored': { projectId: USER, name: 'Trailer' },
  'asset.moved': { fromProjectId: USER, toProjectId: VERSION },
  'comment.created': { comment },
  'comment.updated': { comment: { ...comment, internal: true }, wasInternal: false },
  'comment.deleted': deleted,
  'comment.resolved': { comment: { ...comment, resolved: true, resolvedAt: AT, resolvedBy: USER } },
  'comment.reopened': { comment },
  'comment.reactions': { commentId: COMMENT, versionId: VERSION, reactions: [], internal: false },
  'comment.addressed': carried,
  'comment.unaddressed': { ...carried, item: { ...carried.item, addressed: null } },
  'decision.recorded': { decision, approval },
  'approvers.changed': {
    approvers: { source: 'asset', approvers: [{ ...person, role: 'owner' }] },
    approval,
  },
  'round.due': { versionId: VERSION, dueAt: AT },
  'round.reminder': { versionId: VERSION, dueAt: AT, stage: 'due', userIds: [USER] },
  'live.session': {
    sessionId: ASSET,
    startedAt: AT,
    endedAt: AT,
    startedBy: { id: USER, displayName: 'Olive' },
    entries: [{ at: AT, what: 'started', user: { id: USER, displayName: 'Olive', guest: false } }],
    entriesLeftOut: 0,
    frames: [{ versionId: VERSION, versionNumber: 1, frame: 12, notes: 1, internalNotes: 0 }],
  },
};

const stored = (type: AssetEventType, payload: unknown) => ({
  assetId: ASSET,
  seq: 3,
  type,
  actorId: USER,
  createdAt: AT,
  payload,
});

describe('stored asset events', () => {
  it('read each type with its own payload', () => {
    for (const type of assetEventTypes) {
      const read = assetEventSchema.parse(stored(type, samples[type]));
      expect(read.type).toBe(type);
      expect(read.payload).toEqual(JSON.parse(JSON.stringify(samples[type])));
    }
  });

  it("refuse a payload that is another type's, or missing what its type needs", () => {
    expect(assetEventSchema.safeParse(stored('comment.created', samples['comment.deleted'])).success).toBe(
      false,
    );
    expect(assetEventSchema.safeParse(stored('version.updated', { version: { id: VERSION } })).success).toBe(
      false,
    );
    expect(assetEventSchema.safeParse(stored('decision.recorded', { decision })).success).toBe(false);
    expect(assetEventSchema.safeParse(stored('asset.renamed', { title: 'x' })).success).toBe(false);
    expect(assetEventSchema.safeParse(stored('asset.deleted', {})).success).toBe(false);
    expect(
      assetEventSchema.safeParse({ ...stored('asset.created', { name: 'x' }), type: 'asset.moved' }).success,
    ).toBe(false);
  });

  it('narrow the payload by type', () => {
    const event: AssetEvent = assetEventSchema.parse(
      stored('comment.reactions', samples['comment.reactions']),
    );
    if (event.type !== 'comment.reactions') throw new Error(event.type);
    expect(event.payload.reactions).toEqual([]);
  });

  it('still read events stored by earlier releases', () => {
    // Before edits said what the thread was, and before deletions and reactions carried the thread's visibility.
    expect(assetEventSchema.safeParse(stored('comment.updated', { comment })).success).toBe(true);
    const { internal: _, ...olderDeleted } = deleted;
    expect(assetEventSchema.safeParse(stored('comment.deleted', olderDeleted)).success).toBe(true);
    const olderReactions = { commentId: COMMENT, versionId: VERSION, reactions: [] };
    expect(assetEventSchema.safeParse(stored('comment.reactions', olderReactions)).success).toBe(true);
  });
});

describe('comment:create messages', () => {
  it('carry a comment as the REST route takes it', () => {
    const message = { versionId: VERSION, comment: { body: 'Cut earlier', frame: 12 } };
    expect(createCommentMessageSchema.parse(message)).toEqual(message);
    expect(createCommentMessageSchema.safeParse({ versionId: VERSION, comment: { body: '' } }).success).toBe(
      false,
    );
    expect(createCommentMessageSchema.safeParse({ versionId: VERSION, comment: 'hi' }).success).toBe(false);
  });
});
