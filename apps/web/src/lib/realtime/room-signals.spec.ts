import type { Presence, Shape } from '@cutroom/contracts';
import { RoomSignalsStore } from './room-signals';

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

const line = (id: string, to: [number, number] = [1, 1]): Shape => ({
  id,
  kind: 'line',
  colour: '#ffffff',
  strokeWidth: 0.004,
  from: [0, 0],
  to,
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
    });
    store.presenceLeft(assetId, 'a');
    expect(store.get(assetId).presence.map((p) => p.socketId)).toEqual(['b']);
    expect(store.get(assetId).strokes).toEqual([]);
  });

  it('replaces a stroke as it grows', () => {
    const store = new RoomSignalsStore();
    const stroke = { socketId: 'a', userId: 'u', versionId, frame: 3 };
    store.stroke(assetId, { ...stroke, shape: line('s1', [0.5, 0.5]) });
    store.stroke(assetId, { ...stroke, shape: line('s1') });
    expect(store.get(assetId).strokes.map((s) => s.shape)).toEqual([line('s1')]);
  });

  it('shows exactly the shapes someone’s drawing now has: undone, cleared and given-up ones go', () => {
    const store = new RoomSignalsStore();
    const rosa = { socketId: 'a', userId: 'u1', versionId, frame: 3 };
    const theo = { socketId: 'b', userId: 'u2', versionId, frame: 3 };
    const ids = () => store.get(assetId).strokes.map((s) => `${s.socketId}:${s.shape.id}`);
    store.stroke(assetId, { ...theo, shape: line('t1') });
    store.stroke(assetId, { ...rosa, shape: line('r1') });
    store.finishedShapes(assetId, rosa, [line('r1'), line('r2')]);
    expect(ids()).toEqual(['b:t1', 'a:r1', 'a:r2']);
    // Undo.
    store.finishedShapes(assetId, rosa, [line('r1')]);
    expect(ids()).toEqual(['b:t1', 'a:r1']);
    // A stroke begun, then given up (a click without a drag): the next state has no room for it.
    store.stroke(assetId, { ...rosa, shape: line('r3') });
    store.finishedShapes(assetId, rosa, [line('r1')]);
    expect(ids()).toEqual(['b:t1', 'a:r1']);
    // Cleared; Theo's stroke is his own.
    store.finishedShapes(assetId, rosa, []);
    expect(ids()).toEqual(['b:t1']);
    // Drawn again on another frame: the shapes say where they are.
    store.finishedShapes(assetId, { ...rosa, frame: 9 }, [line('r1')]);
    expect(store.get(assetId).strokes.find((s) => s.socketId === 'a')).toMatchObject({ frame: 9 });
  });

  it('drops the live strokes of someone whose comment has arrived', () => {
    const store = new RoomSignalsStore();
    const stroke = { socketId: 'a', versionId, frame: 3 };
    store.finishedShapes(assetId, { ...stroke, userId: 'u1' }, [line('s1')]);
    store.finishedShapes(assetId, { ...stroke, socketId: 'b', userId: 'u2' }, [line('s2')]);
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
