import type { Presence, Shape } from '@cutroom/contracts';

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

/** The ephemeral side of an asset's room: who is there, and strokes being drawn. Never cached or stored. */
export interface RoomSignals {
  presence: readonly Presence[];
  strokes: readonly LiveStroke[];
  /** People writing a comment right now. */
  typing: readonly { id: string; displayName: string }[];
}

const EMPTY: RoomSignals = { presence: [], strokes: [], typing: [] };

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
