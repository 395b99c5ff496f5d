import type { AssetEvent, AssetEventType } from '@cutroom/contracts';
import { replayForGuest } from './guest-replay.js';

const ROOT = '00000000-0000-4000-8000-000000000001';
const REPLY = '00000000-0000-4000-8000-000000000002';
const VERSION = '00000000-0000-4000-8000-000000000003';

let seq = 0;
// Payloads cut down to what the replay reads: built as stored rows, not as typed events.
const event = (type: AssetEventType, payload: unknown): AssetEvent =>
  ({
    assetId: '00000000-0000-4000-8000-000000000004',
    seq: (seq += 1),
    type,
    actorId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    payload,
  }) as AssetEvent;
const comment = (id: string, internal = false) => ({
  comment: { id, versionId: VERSION, parentId: id === REPLY ? ROOT : null, internal, body: 'words' },
});
const deleted = (id: string) =>
  event('comment.deleted', { commentId: id, versionId: VERSION, parentId: null, internal: false });
const version = event('version.created', { version: { id: VERSION } });

describe('what a guest is replayed of a thread, judged as it is now', () => {
  it('everything of a thread that is shared now', () => {
    const events = [event('comment.created', comment(ROOT)), event('comment.updated', comment(REPLY))];
    const now = new Map([
      [ROOT, false],
      [REPLY, false],
    ]);
    expect(replayForGuest(events, events, now)).toEqual(events);
  });

  it('nothing of a thread that is internal now, though its events said shared then', () => {
    const created = event('comment.created', comment(ROOT));
    const hidden = deleted(ROOT);
    const shared = event('comment.updated', comment(REPLY));
    const reacted = event('comment.reactions', { commentId: REPLY, versionId: VERSION, internal: false });
    const events = [created, hidden, shared, reacted, version];
    const now = new Map([
      [ROOT, true],
      [REPLY, true],
    ]);
    expect(replayForGuest(events, events, now)).toEqual([version]);
  });

  it('only the deletion notice of a thread hidden or deleted since, when it was created before the replay', () => {
    const events = [
      event('comment.updated', comment(ROOT)),
      deleted(ROOT),
      event('comment.resolved', comment(REPLY)),
    ];
    expect(replayForGuest(events, events, new Map([[ROOT, true]]))).toEqual([events[1]]);
    expect(replayForGuest(events, events, new Map())).toEqual([events[1]]);
  });

  it('a comment event that cannot be read is kept from guests; other events pass', () => {
    const unreadable = event('comment.created', { comment: { body: 'no id' } });
    expect(replayForGuest([unreadable, version], [unreadable, version], new Map())).toEqual([version]);
  });
});
