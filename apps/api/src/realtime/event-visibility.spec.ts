import type {
  AssetEvent,
  AssetEventPayload,
  AssetEventType,
  Comment,
  Version,
  VersionStatus,
} from '@cutroom/contracts';
import { eventForGuest, guestViewMatters } from './event-visibility.js';

const ROOT = '00000000-0000-4000-8000-000000000001';
const REPLY = '00000000-0000-4000-8000-000000000002';
const VERSION = '00000000-0000-4000-8000-000000000003';
const ASSET = '00000000-0000-4000-8000-000000000004';
const AT = '2026-01-01T00:00:00.000Z';

const event = <T extends AssetEventType>(type: T, payload: AssetEventPayload<T>): AssetEvent =>
  ({ assetId: ASSET, seq: 7, type, actorId: null, createdAt: AT, payload }) as AssetEvent;
/** An event as an older release or a damaged row might hold it: not its type's payload. */
const unreadable = (type: AssetEventType, payload: unknown): AssetEvent =>
  ({ assetId: ASSET, seq: 7, type, actorId: null, createdAt: AT, payload }) as unknown as AssetEvent;
const comment = (internal: boolean, parentId: string | null = null): Comment => ({
  id: parentId ? REPLY : ROOT,
  versionId: VERSION,
  assetId: ASSET,
  parentId,
  author: null,
  body: 'words',
  frame: null,
  frameEnd: null,
  internal,
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
});
const carried = (internal: boolean) => ({
  versionId: VERSION,
  item: {
    comment: {
      id: ROOT,
      versionId: VERSION,
      author: null,
      body: 'words',
      frame: 3,
      frameEnd: null,
      internal,
      annotation: null,
      createdAt: AT,
    },
    replyCount: 1,
    addressed: null,
    placement: null,
  },
});

describe('what a review-link guest receives of an event', () => {
  it('nothing of an internal thread: a note or reply posted, edited, resolved, reacted to, deleted, addressed', () => {
    for (const type of [
      'comment.created',
      'comment.updated',
      'comment.resolved',
      'comment.reopened',
    ] as const) {
      expect(eventForGuest(event(type, { comment: comment(true) }))).toBeUndefined();
      expect(eventForGuest(event(type, { comment: comment(true, ROOT) }))).toBeUndefined();
    }
    const row = { commentId: REPLY, versionId: VERSION, parentId: ROOT, internal: true };
    expect(eventForGuest(event('comment.deleted', row))).toBeUndefined();
    expect(eventForGuest(event('comment.reactions', { ...row, reactions: [] }))).toBeUndefined();
    expect(eventForGuest(event('comment.addressed', carried(true)))).toBeUndefined();
    expect(eventForGuest(event('comment.unaddressed', carried(true)))).toBeUndefined();
  });

  it('every event of a shared thread, and every event that is about no comment, as it is', () => {
    const shared = [
      event('comment.created', { comment: comment(false, ROOT) }),
      event('comment.updated', { comment: comment(false), wasInternal: false }),
      event('comment.deleted', { commentId: ROOT, versionId: VERSION, parentId: null, internal: false }),
      event('comment.reactions', { commentId: ROOT, versionId: VERSION, reactions: [], internal: false }),
      event('comment.addressed', carried(false)),
      event('asset.renamed', { name: 'Trailer' }),
      event('version.deleted', { versionId: VERSION }),
    ];
    for (const given of shared) expect(eventForGuest(given)).toBe(given);
  });

  it('a cut moved to another project: the guest learns it left, never the project it went to', () => {
    const moved = event('asset.moved', { fromProjectId: ROOT, toProjectId: REPLY });
    expect(eventForGuest(moved)).toEqual({ ...moved, payload: { fromProjectId: ROOT } });
    expect(JSON.stringify(eventForGuest(moved))).not.toContain(REPLY);
    expect(eventForGuest(unreadable('asset.moved', { toProjectId: REPLY }))).toBeUndefined();
  });

  it('of an event that is no decision, the same whatever the link shows and whichever it is (judged once)', () => {
    const events = [
      event('comment.created', { comment: comment(false) }),
      event('comment.created', { comment: comment(true) }),
      event('comment.updated', { comment: comment(true), wasInternal: false }),
      event('comment.addressed', carried(false)),
      event('asset.renamed', { name: 'Trailer' }),
    ];
    const views = [
      { showTeamActivity: true },
      { showTeamActivity: false, linkId: VERSION },
      { showTeamActivity: true, linkId: ROOT },
    ];
    for (const given of events) {
      expect(guestViewMatters(given.type)).toBe(false);
      for (const view of views) expect(eventForGuest(given, view)).toEqual(eventForGuest(given));
    }
    expect(guestViewMatters('decision.recorded')).toBe(true);
    expect(guestViewMatters('approvers.changed')).toBe(true);
    expect(guestViewMatters('live.session')).toBe(true);
  });

  it('a thread made internal as its deletion, so the guest who saw it loses it; its replies as nothing', () => {
    const hidden = eventForGuest(event('comment.updated', { comment: comment(true), wasInternal: false }));
    expect(hidden).toMatchObject({
      seq: 7,
      type: 'comment.deleted',
      payload: { commentId: ROOT, versionId: VERSION, parentId: null, internal: false },
    });
    expect(JSON.stringify(hidden)).not.toContain('words');
    const reply = event('comment.updated', { comment: comment(true, ROOT), wasInternal: false });
    expect(eventForGuest(reply)).toBeUndefined();
  });

  it('a thread made shared: the guest gets it and each of its replies', () => {
    const root = event('comment.updated', { comment: comment(false), wasInternal: true });
    const reply = event('comment.updated', { comment: comment(false, ROOT), wasInternal: true });
    expect(eventForGuest(root)).toBe(root);
    expect(eventForGuest(reply)).toBe(reply);
  });

  it('an edit stored before edits said what the thread was: shown as the thread now is', () => {
    const shared = event('comment.updated', { comment: comment(false) });
    expect(eventForGuest(shared)).toBe(shared);
    expect(eventForGuest(event('comment.updated', { comment: comment(true) }))).toBeUndefined();
  });

  it('keeps a comment event whose payload is not its type’s, or says nothing of its visibility, from guests', () => {
    expect(
      eventForGuest(unreadable('comment.created', { comment: { id: ROOT, internal: false } })),
    ).toBeUndefined();
    expect(eventForGuest(unreadable('comment.deleted', null))).toBeUndefined();
    // Stored before threads had one visibility, and not repaired as internal.
    const old = event('comment.reactions', { commentId: ROOT, versionId: VERSION, reactions: [] });
    expect(eventForGuest(old)).toBeUndefined();
  });
});

describe('what a guest hears of versions', () => {
  const version = (status: VersionStatus): Version => ({
    id: VERSION,
    assetId: ASSET,
    number: 2,
    status,
    failureReason: status === 'failed' ? 'The file is cut short.' : null,
    stage: null,
    progress: 0,
    playable: false,
    originalFilename: 'cut.mp4',
    sizeBytes: 10,
    sha256: null,
    uploadedBy: null,
    createdAt: AT,
    readyAt: status === 'ready' ? AT : null,
    media: null,
    renditions: [],
    urls: { master: null, poster: null, storyboard: null, waveform: null, original: '/x' },
  });

  it('a version once ready; never one uploading, queued, processing or failed; never a new empty cut', () => {
    const ready = event('version.updated', { version: version('ready') });
    expect(eventForGuest(ready)).toBe(ready);
    for (const status of ['uploading', 'queued', 'processing', 'failed'] as const) {
      expect(eventForGuest(event('version.created', { version: version(status) }))).toBeUndefined();
      expect(eventForGuest(event('version.updated', { version: version(status) }))).toBeUndefined();
    }
    expect(eventForGuest(event('asset.created', { name: 'New cut' }))).toBeUndefined();
    expect(eventForGuest(unreadable('version.updated', { version: { status: 'ready' } }))).toBeUndefined();
  });

  it("never a round's due date or its reminders: the team's planning, whatever the link shows", () => {
    const due = event('round.due', { versionId: VERSION, dueAt: '2027-01-01T00:00:00.000Z' });
    expect(eventForGuest(due)).toBeUndefined();
    expect(eventForGuest(due, { showTeamActivity: true })).toBeUndefined();
    const reminder = event('round.reminder', {
      versionId: VERSION,
      dueAt: '2027-01-01T00:00:00.000Z',
      stage: 'due',
      userIds: [VERSION],
    });
    expect(eventForGuest(reminder, { showTeamActivity: true })).toBeUndefined();
  });
});

describe('a decision, as each guest hears of it', () => {
  const MEMBER = '00000000-0000-4000-8000-000000000005';
  const decision = {
    id: '00000000-0000-4000-8000-000000000006',
    versionId: VERSION,
    assetId: ASSET,
    decision: 'approved' as const,
    note: 'Good on our side',
    internalNote: 'Music rights pending',
    byGuest: false,
    decidedBy: { id: MEMBER, displayName: 'Dana' },
    createdAt: AT,
  };
  const approval = {
    state: 'approved' as const,
    approvedCount: 1,
    requiredCount: 0,
    pendingIds: [],
    assetId: ASSET,
    versionId: VERSION,
    versionNumber: 1,
    current: true,
    rule: 'anyone' as const,
    requiredApprovers: [],
    decisions: [decision],
  };
  const recorded = event('decision.recorded', { decision, approval });
  const approversChanged = event('approvers.changed', {
    approvers: { source: 'project', approvers: [] },
    approval,
  });

  it('by default: the decision and who made it, without the team’s note or its internal note', () => {
    for (const told of [eventForGuest(recorded), eventForGuest(approversChanged)]) {
      const text = JSON.stringify(told);
      expect(text).toContain(MEMBER);
      expect(text).not.toContain('Good on our side');
      expect(text).not.toContain('Music rights pending');
    }
  });

  it("through a link that shows the team's activity: the note, never the internal note", () => {
    const told = eventForGuest(recorded, { showTeamActivity: true });
    expect(JSON.stringify(told)).toContain('Good on our side');
    expect(JSON.stringify(told)).not.toContain('Music rights pending');
  });

  it("a client's note reaches their own link's clients only, live and in the approval it moved", () => {
    const LINK_A = '00000000-0000-4000-8000-00000000000a';
    const LINK_B = '00000000-0000-4000-8000-00000000000b';
    const client = { ...decision, note: 'Fine by us', internalNote: null, byGuest: true, viaLinkId: LINK_A };
    const told = (linkId: string, showTeamActivity: boolean) =>
      JSON.stringify(
        eventForGuest(
          event('decision.recorded', { decision: client, approval: { ...approval, decisions: [client] } }),
          {
            showTeamActivity,
            linkId,
          },
        ),
      );
    expect(told(LINK_A, false)).toContain('Fine by us');
    for (const shows of [false, true]) {
      expect(told(LINK_B, shows)).not.toContain('Fine by us');
      expect(told(LINK_B, shows)).not.toContain(LINK_A);
    }
  });

  it('one whose payload does not read as a decision is kept from guests', () => {
    expect(eventForGuest(unreadable('decision.recorded', { decision: { note: 'x' } }))).toBeUndefined();
  });

  describe("a live session's log", () => {
    const rita = { id: ROOT, displayName: 'Rita', guest: false };
    const log = event('live.session', {
      sessionId: REPLY,
      startedAt: AT,
      endedAt: AT,
      startedBy: { id: ROOT, displayName: 'Rita' },
      entries: [{ at: AT, what: 'started', user: rita }],
      entriesLeftOut: 0,
      frames: [
        { versionId: VERSION, versionNumber: 1, frame: 5, notes: 1, internalNotes: 2 },
        { versionId: VERSION, versionNumber: 1, frame: 9, notes: 0, internalNotes: 1 },
      ],
    });

    it('reaches a guest only through a link that shows the team, without its internal notes', () => {
      expect(eventForGuest(log, { showTeamActivity: false })).toBeUndefined();
      const told = eventForGuest(log, { showTeamActivity: true });
      expect(told).toMatchObject({ seq: 7, type: 'live.session' });
      expect((told?.payload as { frames: unknown[] }).frames).toEqual([
        { versionId: VERSION, versionNumber: 1, frame: 5, notes: 1 },
      ]);
    });

    it('one whose payload does not read as a log is kept from guests', () => {
      expect(
        eventForGuest(unreadable('live.session', { entries: 'x' }), { showTeamActivity: true }),
      ).toBeUndefined();
    });
  });
});
