import type { Presence, Shape } from '@cutroom/contracts';
import { LASER_FADE_MS, LASER_HELD_RESEND_MS, laserLook, RoomSignalsStore } from './room-signals';

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

describe('laser pointers in a live session', () => {
  const laser = (point: [number, number] | null, socketId = 's1') => ({
    assetId,
    versionId,
    point,
    userId: '6c0a2c3d-1111-4111-8111-111111111111',
    socketId,
    displayName: 'Rita',
  });

  it('a pointer moves, then fades out where it was let go, and is gone once faded', () => {
    const store = new RoomSignalsStore();
    store.laser(laser([0.1, 0.2]), 1000);
    store.laser(laser([0.3, 0.4]), 1050);
    const [moved] = store.get(assetId).lasers;
    expect(moved).toMatchObject({ point: [0.3, 0.4], released: false, displayName: 'Rita' });
    expect(laserLook(moved, 1050 + 2000)).toBe('shown');

    store.laser(laser(null), 1100);
    const [released] = store.get(assetId).lasers;
    expect(released).toMatchObject({ point: [0.3, 0.4], released: true });
    expect(laserLook(released, 1100 + LASER_FADE_MS / 2)).toBe('fading');
    store.dropFadedLasers(assetId, 1100 + LASER_FADE_MS / 2);
    expect(store.get(assetId).lasers).toHaveLength(1);
    store.dropFadedLasers(assetId, 1100 + LASER_FADE_MS);
    expect(store.get(assetId).lasers).toEqual([]);
  });

  it('a pointer not heard of for a while (its sender went, or lost the pen) fades out by itself', () => {
    const store = new RoomSignalsStore();
    store.laser(laser([0.5, 0.5]), 0);
    const [held] = store.get(assetId).lasers;
    expect(laserLook(held, LASER_HELD_RESEND_MS * 2)).toBe('shown');
    expect(laserLook(held, 2600)).toBe('fading');
    expect(laserLook(held, 2500 + LASER_FADE_MS)).toBe('gone');
  });

  it('letting go of a pointer nobody saw shows nothing; a socket leaving takes its pointer; a session ending, all', () => {
    const store = new RoomSignalsStore();
    store.laser(laser(null), 0);
    expect(store.get(assetId).lasers).toEqual([]);
    store.laser(laser([0.5, 0.5], 's1'), 0);
    store.laser(laser([0.6, 0.6], 's2'), 0);
    store.presenceLeft(assetId, 's1');
    expect(store.get(assetId).lasers.map((l) => l.socketId)).toEqual(['s2']);
    store.clearLasers(assetId);
    expect(store.get(assetId).lasers).toEqual([]);
  });
});
