import type { DrawingStroke, Presence } from '@cutroom/contracts';

/** A stroke someone else is drawing (or just drew), as relayed by the server. */
export interface LiveStroke extends Omit<DrawingStroke, 'assetId'> {
  socketId: string;
  userId: string;
  receivedAtMs: number;
}

/** The ephemeral side of an asset's room: who is there, and strokes being drawn. Never cached or stored. */
export interface RoomSignals {
  presence: readonly Presence[];
  strokes: readonly LiveStroke[];
  /** People writing a comment right now. */
  typing: readonly { id: string; displayName: string }[];
}

const EMPTY: RoomSignals = { presence: [], strokes: [], typing: [] };
/** A finished stroke stays this long: long enough for its comment to arrive with the drawing. */
export const FINISHED_STROKE_MS = 60_000;

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

  stroke(assetId: string, stroke: LiveStroke): void {
    this.change(assetId, (room) => ({
      ...room,
      strokes: [
        ...room.strokes.filter(
          (s) =>
            !(s.socketId === stroke.socketId && s.shape.id === stroke.shape.id) &&
            !(s.done && stroke.receivedAtMs - s.receivedAtMs > FINISHED_STROKE_MS),
        ),
        stroke,
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
