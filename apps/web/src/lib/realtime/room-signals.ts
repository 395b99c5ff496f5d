import type { LiveLaserRelayed, Presence, Shape } from '@cutroom/contracts';

/** A shape of someone else's drawing, being drawn or finished, as relayed by the server. */
export interface LiveStroke {
  socketId: string;
  userId: string;
  versionId: string;
  frame: number;
  shape: Shape;
}

/** Who sent a drawing, and where it is. */
export type StrokeSource = Omit<LiveStroke, 'shape'>;

/**
 * Someone's laser pointer in a live session: where it last was, and since when (this page's clock).
 * Let go, it stays a moment at its last place, fading.
 */
export interface LaserPointer {
  socketId: string;
  userId: string;
  displayName: string;
  versionId: string;
  point: readonly [number, number];
  released: boolean;
  heardAtMs: number;
}

/** A pointer held still is sent again this often, so one not heard of for longer is let go. */
export const LASER_HELD_RESEND_MS = 1000;
/** A pointer not heard of for this long counts as let go: its sender went, or lost the pen. */
const LASER_SILENT_MS = 2500;
/** How long a pointer let go takes to fade out. */
export const LASER_FADE_MS = 600;

/** Whether a pointer shows, fades out (let go, or silent too long) or is gone, at a moment. */
export function laserLook(laser: LaserPointer, nowMs: number): 'shown' | 'fading' | 'gone' {
  const fadingFrom = laser.released ? laser.heardAtMs : laser.heardAtMs + LASER_SILENT_MS;
  if (nowMs < fadingFrom) return 'shown';
  return nowMs < fadingFrom + LASER_FADE_MS ? 'fading' : 'gone';
}

/** The ephemeral side of an asset's room: who is there, and strokes being drawn. Never cached or stored. */
export interface RoomSignals {
  presence: readonly Presence[];
  strokes: readonly LiveStroke[];
  /** People writing a comment right now. */
  typing: readonly { id: string; displayName: string }[];
  /** Laser pointers of a live session's host and annotators. */
  lasers: readonly LaserPointer[];
}

const EMPTY: RoomSignals = { presence: [], strokes: [], typing: [], lasers: [] };

export class RoomSignalsStore {
  private readonly rooms = new Map<string, RoomSignals>();
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get(assetId: string): RoomSignals {
    return this.rooms.get(assetId) ?? EMPTY;
  }

  /** Who was already there when this client joined. */
  setPresence(assetId: string, presence: readonly Presence[]): void {
    this.change(assetId, (room) => ({ ...room, presence }));
  }

  presenceChanged(presence: Presence): void {
    this.change(presence.assetId, (room) => ({
      ...room,
      presence: [...room.presence.filter((p) => p.socketId !== presence.socketId), presence],
    }));
  }

  presenceLeft(assetId: string, socketId: string): void {
    this.change(assetId, (room) => {
      const presence = room.presence.filter((p) => p.socketId !== socketId);
      return {
        presence,
        strokes: room.strokes.filter((s) => s.socketId !== socketId),
        lasers: room.lasers.filter((l) => l.socketId !== socketId),
        // Typing is told per person: it ends when none of their windows is left.
        typing: room.typing.filter((t) => presence.some((p) => p.user.id === t.id)),
      };
    });
  }

  typing(assetId: string, user: { id: string; displayName: string }, typing: boolean): void {
    this.change(assetId, (room) => ({
      ...room,
      typing: [...room.typing.filter((t) => t.id !== user.id), ...(typing ? [user] : [])],
    }));
  }

  /** The shape under someone's pen: it replaces its earlier state. */
  stroke(assetId: string, stroke: LiveStroke): void {
    this.change(assetId, (room) => ({
      ...room,
      strokes: [
        ...room.strokes.filter((s) => !(s.socketId === stroke.socketId && s.shape.id === stroke.shape.id)),
        stroke,
      ],
    }));
  }

  /**
   * Someone's finished shapes as their drawing now has them (after drawing, undo, redo or clearing):
   * their live drawing becomes exactly these, and a stroke they gave up goes with the rest.
   */
  finishedShapes(assetId: string, source: StrokeSource, shapes: readonly Shape[]): void {
    this.change(assetId, (room) => ({
      ...room,
      strokes: [
        ...room.strokes.filter((s) => s.socketId !== source.socketId),
        ...shapes.map((shape) => ({ ...source, shape })),
      ],
    }));
  }

  /** Their comment arrived with the finished drawing: the live copy of their strokes goes. */
  clearStrokesBy(assetId: string, userId: string): void {
    if (!this.get(assetId).strokes.some((s) => s.userId === userId)) return;
    this.change(assetId, (room) => ({ ...room, strokes: room.strokes.filter((s) => s.userId !== userId) }));
  }

  /** A laser pointer moved, or was let go (it keeps its last place, fading); a pointer never shown is not. */
  laser(laser: LiveLaserRelayed, nowMs: number): void {
    const held = this.get(laser.assetId).lasers.find((l) => l.socketId === laser.socketId);
    if (!laser.point && !held) return;
    const next: LaserPointer = {
      socketId: laser.socketId,
      userId: laser.userId,
      displayName: laser.displayName,
      versionId: laser.versionId,
      point: laser.point ?? held?.point ?? [0, 0],
      released: laser.point === null,
      heardAtMs: nowMs,
    };
    this.change(laser.assetId, (room) => ({
      ...room,
      lasers: [...room.lasers.filter((l) => l.socketId !== laser.socketId), next],
    }));
  }

  /** Pointers that have faded out are dropped. */
  dropFadedLasers(assetId: string, nowMs: number): void {
    const { lasers } = this.get(assetId);
    const kept = lasers.filter((l) => laserLook(l, nowMs) !== 'gone');
    if (kept.length !== lasers.length) this.change(assetId, (room) => ({ ...room, lasers: kept }));
  }

  /** The session ended: nobody points any more. */
  clearLasers(assetId: string): void {
    if (this.get(assetId).lasers.length > 0) this.change(assetId, (room) => ({ ...room, lasers: [] }));
  }

  forget(assetId: string): void {
    if (this.rooms.delete(assetId)) this.notify();
  }

  /** After a disconnect nobody's presence is known until the rooms are joined again. */
  forgetAll(): void {
    if (this.rooms.size === 0) return;
    this.rooms.clear();
    this.notify();
  }

  private change(assetId: string, update: (room: RoomSignals) => RoomSignals) {
    this.rooms.set(assetId, update(this.get(assetId)));
    this.notify();
  }

  private notify() {
    for (const listener of this.listeners) listener();
  }
}
