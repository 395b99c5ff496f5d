import type { Presence, Shape } from '@cutroom/contracts';
import { FINISHED_STROKE_MS, RoomSignalsStore } from './room-signals';

const assetId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const versionId = '00000000-0000-4000-8000-000000000001';

function presence(socketId: string, frame: number): Presence {
  return {
    assetId,
    versionId,
    frame,
    playing: false,
    socketId,
    user: { id: '6c0a2c3d-1111-4111-8111-111111111111', displayName: socketId },
  };
}

const line = (id: string): Shape => ({
  id,
  kind: 'line',
  colour: '#ffffff',
  strokeWidth: 0.004,
  from: [0, 0],
  to: [1, 1],
});

describe('who is in the room and what they draw', () => {
  it('keeps one presence per socket and drops it, with its strokes, when it leaves', () => {
    const store = new RoomSignalsStore();
    store.setPresence(assetId, [presence('a', 1)]);
    store.presenceChanged(presence('b', 5));
    store.presenceChanged(presence('a', 9));
    expect(store.get(assetId).presence.map((p) => [p.socketId, p.frame])).toEqual([
      ['b', 5],
      ['a', 9],
    ]);
    store.stroke(assetId, {
      socketId: 'a',
      userId: 'u',
      versionId,
      frame: 9,
      shape: line('s'),
      receivedAtMs: 0,
    });
    store.presenceLeft(assetId, 'a');
    expect(store.get(assetId).presence.map((p) => p.socketId)).toEqual(['b']);
    expect(store.get(assetId).strokes).toEqual([]);
  });

  it('replaces a stroke as it grows and lets finished ones go after a while', () => {
    const store = new RoomSignalsStore();
    const stroke = { socketId: 'a', userId: 'u', versionId, frame: 3, receivedAtMs: 0 };
    store.stroke(assetId, { ...stroke, shape: line('s1') });
    store.stroke(assetId, { ...stroke, shape: line('s1'), done: true });
    expect(store.get(assetId).strokes).toHaveLength(1);
    store.stroke(assetId, { ...stroke, shape: line('s2'), receivedAtMs: FINISHED_STROKE_MS + 1 });
    expect(store.get(assetId).strokes.map((s) => s.shape.id)).toEqual(['s2']);
  });

  it('drops the live strokes of someone whose comment has arrived', () => {
    const store = new RoomSignalsStore();
    const stroke = { socketId: 'a', versionId, frame: 3, receivedAtMs: 0, done: true };
    store.stroke(assetId, { ...stroke, userId: 'u1', shape: line('s1') });
    store.stroke(assetId, { ...stroke, socketId: 'b', userId: 'u2', shape: line('s2') });
    store.clearStrokesBy(assetId, 'u1');
    expect(store.get(assetId).strokes.map((s) => s.userId)).toEqual(['u2']);
  });

  it('shows who is typing until they stop or leave', () => {
    const store = new RoomSignalsStore();
    const rosa = presence('a', 1);
    store.presenceChanged(rosa);
    store.typing(assetId, rosa.user, true);
    store.typing(assetId, rosa.user, true);
    expect(store.get(assetId).typing.map((t) => t.displayName)).toEqual(['a']);
    store.typing(assetId, rosa.user, false);
    expect(store.get(assetId).typing).toEqual([]);
    store.typing(assetId, rosa.user, true);
    store.presenceLeft(assetId, 'a');
    expect(store.get(assetId).typing).toEqual([]);
  });
});
